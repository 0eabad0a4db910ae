import Foundation
import FundModel

/// The bounds of a request (issue 11: every request is bounded): a bill is never so large that checking it
/// could hold the writer for long, and no text is larger than an id needs.
public enum BillLimits {
    public static let maxLines = 200
    /// Ids, codes, invoice numbers, card numbers, tokens.
    public static let maxTextLength = 64
    /// One line's amount: at most 100 000 000 yuan (10¹⁰ fen), well above any benefit.
    public static let maxLineAmount = Money(fen: 10_000_000_000)
    /// A service date at most this many days in the future (a bill is for services given).
    public static let maxDaysAhead: Int32 = 0
    /// How far back a bill may go (the statutory two years and a margin).
    public static let maxDaysBack: Int32 = 3 * 366
}

/// What is wrong with a request, field by field (an API 422 lists them all).
public struct RequestProblems: Error, Sendable, Hashable {
    public var fields: [String: String]

    public init(_ fields: [String: String] = [:]) { self.fields = fields }

    public var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ field: String, _ reason: String) {
        if fields[field] == nil { fields[field] = reason }
    }

    /// Checks an id-like text: present, not blank, bounded, without control characters.
    mutating func checkText(_ value: String, _ field: String) {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            add(field, "必填 required")
        } else if value.utf8.count > BillLimits.maxTextLength {
            add(field, "过长（最多 \(BillLimits.maxTextLength) 字节）too long")
        } else if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            add(field, "含控制字符 control characters")
        }
    }
}

extension Bill {
    /// Every problem of the bill, checked against `today` (empty when it can be checked by the rules).
    public func problems(today: Day) -> RequestProblems {
        var problems = RequestProblems()
        switch card {
        case .number(let n): problems.checkText(n, "cardNo")
        case .ecardToken(let t): problems.checkText(t, "ecardToken")
        }
        problems.checkText(caseID, "caseID")
        if let admissionDate, let dischargeDate, dischargeDate < admissionDate {
            problems.add("dischargeDate", "出院日期早于入院日期 before the admission date")
        }
        if lines.isEmpty { problems.add("lines", "账单没有明细 no lines") }
        if lines.count > BillLimits.maxLines {
            problems.add("lines", "明细过多（最多 \(BillLimits.maxLines) 条）too many lines")
        }
        var numbers = Set<Int>()
        for (i, line) in lines.prefix(BillLimits.maxLines).enumerated() {
            let at = "lines[\(i)]"
            if !numbers.insert(line.lineNo).inserted { problems.add(at + ".lineNo", "行号重复 duplicate line number") }
            if line.lineNo < 1 || line.lineNo > 9_999 { problems.add(at + ".lineNo", "行号须为 1–9999") }
            problems.checkText(line.itemCode, at + ".itemCode")
            problems.checkText(line.invoiceNo, at + ".invoiceNo")
            if line.amount.fen <= 0 {
                problems.add(at + ".amountFen", "金额须为正数（分）must be positive")
            } else if line.amount > BillLimits.maxLineAmount {
                problems.add(at + ".amountFen", "金额过大 too large")
            }
            if line.serviceStart.ordinal > today.ordinal + BillLimits.maxDaysAhead {
                problems.add(at + ".serviceStart", "服务日期晚于今天 after today")
            } else if line.serviceStart.ordinal < today.ordinal - BillLimits.maxDaysBack {
                problems.add(at + ".serviceStart", "服务日期过早 too long ago")
            }
            if let end = line.serviceEnd {
                if end < line.serviceStart { problems.add(at + ".serviceEnd", "结束日期早于开始日期 before the start") }
                if end.ordinal > today.ordinal + BillLimits.maxDaysAhead {
                    problems.add(at + ".serviceEnd", "结束日期晚于今天 after today")
                }
            }
        }
        return problems
    }
}
