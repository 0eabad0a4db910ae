import FundModel
import Settlement

/// The JSON bodies of the settlement API (openapi.yaml `SettlementEligibilityRequest`, …), turned into the
/// Settlement module's values with every field problem named.
enum SettlementRequests {
    struct CardFields: Decodable {
        var cardNo: String?
        var ecardToken: String?
    }

    struct Eligibility: Decodable {
        var cardNo: String?
        var ecardToken: String?
        var date: String?
    }

    struct Line: Decodable {
        var lineNo: Int
        var itemCode: String
        var amountFen: Int64
        var serviceStart: String
        var serviceEnd: String?
        var invoiceNo: String
    }

    struct BillBody: Decodable {
        var requestID: String?
        var cardNo: String?
        var ecardToken: String?
        var caseID: String
        var admissionDate: String?
        var dischargeDate: String?
        var lines: [Line]
    }

    struct Reversal: Decodable {
        var requestID: String
        var settlementID: String
        var reason: String?
    }

    struct Totals: Decodable {
        var date: String
        var settlementCount: Int
        var paidFen: Int64
        var reversedFen: Int64
        var netFen: Int64
        var settlementIDs: [String]?
    }

    /// Exactly one of the card number and the e-card token.
    static func card(cardNo: String?, ecardToken: String?) throws -> CardPresented {
        switch (cardNo, ecardToken) {
        case (let n?, nil): return .number(n)
        case (nil, let t?): return .ecardToken(t)
        default:
            throw AppError.invalid("须提交社会保障卡号 cardNo 或电子社保卡凭证 ecardToken（二者之一）", fields: ["cardNo": "二者之一"])
        }
    }

    static func day(_ text: String?, _ field: String, _ problems: inout [String: String]) -> Day? {
        guard let text else { return nil }
        guard let day = Day(iso: text) else {
            problems[field] = "日期须为 YYYY-MM-DD"
            return nil
        }
        return day
    }

    static func bill(_ body: BillBody) throws -> Bill {
        var problems: [String: String] = [:]
        let card = try card(cardNo: body.cardNo, ecardToken: body.ecardToken)
        var lines: [BillLine] = []
        for (i, line) in body.lines.prefix(BillLimits.maxLines + 1).enumerated() {
            let start = day(line.serviceStart, "lines[\(i)].serviceStart", &problems)
            let end = day(line.serviceEnd, "lines[\(i)].serviceEnd", &problems)
            lines.append(
                BillLine(
                    lineNo: line.lineNo, itemCode: line.itemCode, amount: Money(fen: line.amountFen),
                    serviceStart: start ?? Day(ordinal: 0), serviceEnd: end, invoiceNo: line.invoiceNo))
        }
        let admission = day(body.admissionDate, "admissionDate", &problems)
        let discharge = day(body.dischargeDate, "dischargeDate", &problems)
        if !problems.isEmpty { throw AppError.invalid("请求内容有误", fields: problems) }
        return Bill(
            card: card, caseID: body.caseID, admissionDate: admission, dischargeDate: discharge, lines: lines)
    }
}
