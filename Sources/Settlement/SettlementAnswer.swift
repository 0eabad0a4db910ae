import FundModel

/// The answer to a pre-settlement (预结算) or a settlement (确认结算): every line with its decision, and the
/// totals. The JSON of openapi.yaml's `SettlementResult`; a settlement's is kept as given, for a retry.
public struct SettlementAnswer: Sendable, Hashable, Encodable {
    /// `presettled` (nothing kept) or `settled`.
    public var state: String
    /// The settlement's id (a settlement only).
    public var settlementID: String?
    public var requestID: String?
    public var institutionID: String
    public var caseID: String
    public var day: String
    public var lines: [Line]
    public var totals: Totals
    /// The bill rules that could not run, and why (e.g. no deaths data): nothing passes silently.
    public var rulesNotRun: [String: String]

    public struct Line: Sendable, Hashable, Encodable {
        public var lineNo: Int
        public var itemCode: String
        public var amountFen: Int64
        public var invoiceNo: String
        public var decision: String
        public var decisionName: String
        public var ruleID: String?
        public var ruleName: String?
        public var reason: String?
        public var paymentID: String?
        public var checks: [LineCheck]
    }

    public struct Totals: Sendable, Hashable, Encodable {
        public var billedFen: Int64
        /// What the fund pays now.
        public var paidFen: Int64
        public var refusedFen: Int64
        public var heldFen: Int64
    }

    init(
        state: String, settlementID: String?, requestID: String?, institutionID: String, caseID: String, day: Day,
        result: BillChecker.Result
    ) {
        self.state = state
        self.settlementID = settlementID
        self.requestID = requestID
        self.institutionID = institutionID
        self.caseID = caseID
        self.day = day.iso
        lines = result.outcomes.map { o in
            Line(
                lineNo: o.line.lineNo, itemCode: o.line.itemCode, amountFen: o.line.amount.fen,
                invoiceNo: o.line.invoiceNo, decision: o.decision.rawValue, decisionName: o.decision.chineseName,
                ruleID: o.ruleID, ruleName: o.ruleName, reason: o.reason, paymentID: o.paymentID, checks: o.checks)
        }
        var totals = Totals(billedFen: 0, paidFen: 0, refusedFen: 0, heldFen: 0)
        for o in result.outcomes {
            totals.billedFen += o.line.amount.fen
            switch o.decision {
            case .paid: totals.paidFen += o.line.amount.fen
            case .refused: totals.refusedFen += o.line.amount.fen
            case .held: totals.heldFen += o.line.amount.fen
            }
        }
        self.totals = totals
        rulesNotRun = result.notRun
    }
}

/// The answer to a reversal (冲正): the payments it cancelled.
public struct ReversalAnswer: Sendable, Hashable, Encodable {
    public var state: String
    public var settlementID: String
    public var requestID: String
    public var day: String
    public var lines: [Line]
    public var reversedFen: Int64

    public struct Line: Sendable, Hashable, Encodable {
        public var lineNo: Int
        public var paymentID: String?
        /// The negative payment that cancels it (none for a line that was never paid).
        public var reversalPaymentID: String?
        public var amountFen: Int64
    }
}

/// The answer to an eligibility check: who the card is, their cases, what the institution may bill.
public struct EligibilityAnswer: Sendable, Hashable, Encodable {
    public var day: String
    public var cardNo: String
    public var cardStatus: String
    public var worker: Worker
    public var cases: [Case]
    public var agreements: [AgreementInForce]
    /// The items the agreements in force cover on the day (the R09 services of the configuration).
    public var billableItems: [Item]

    public struct Worker: Sendable, Hashable, Encodable {
        public var name: String
        /// Masked: the counter already holds the card; the platform does not hand out whole ids.
        public var personID: String
        public var regionCode: String
    }

    public struct Case: Sendable, Hashable, Encodable {
        public var caseID: String
        public var accidentDate: String
        public var decision: String
        public var decisionName: String
        /// Whether the case entitles benefits (recognized or deemed): a bill on another is refused by R11.
        public var recognized: Bool
    }

    public struct AgreementInForce: Sendable, Hashable, Encodable {
        public var agreementID: String
        public var services: [String]
        public var startDate: String
        public var endDate: String
    }

    public struct Item: Sendable, Hashable, Encodable {
        public var itemCode: String
        public var name: String
        public var service: String
    }

    /// `3201**********0012`: the region prefix and the last four characters.
    static func mask(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count > 8 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }
}
