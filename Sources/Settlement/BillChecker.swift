import FundColumns
import FundModel
import Screening

/// Checks the lines of a bill with the ⚡ rules that apply to a bill (`DecisionPolicy.billRules`), through
/// the screening engine's real-time check: the very code of the batch run, on one new payment.
///
/// The snapshot is built from the worker's own rows only (`SettlementLedger.facts`): the worker, their
/// cases, assessments, payments (today's direct settlements are payments too) and the payments of the
/// bill's invoices at the institution, so its cost does not grow with the province. The lines are checked
/// in order and a paid line joins the snapshot before a later line of its item or invoice is checked, so a
/// bill that repeats an invoice or a one-off benefit is caught within itself as across bills.
public struct BillChecker: Sendable {
    public let engine: ScreeningEngine

    public init(configuration: RulesConfiguration) {
        let wanted = Set(DecisionPolicy.billRules)
        engine = ScreeningEngine(
            configuration: configuration, rules: ScreeningRules.all.filter { wanted.contains($0.id) })
    }

    /// Who and where: the payment fields a bill does not carry.
    public struct Context: Sendable {
        public var person: PersonID
        /// The paying region: the worker's.
        public var regionCode: RegionCode
        public var institutionID: String
        public var caseID: String
        public var today: Day
        /// The lines' payments are `<prefix>-<line no>`.
        public var paymentIDPrefix: String

        public init(
            person: PersonID, regionCode: RegionCode, institutionID: String, caseID: String, today: Day,
            paymentIDPrefix: String
        ) {
            self.person = person
            self.regionCode = regionCode
            self.institutionID = institutionID
            self.caseID = caseID
            self.today = today
            self.paymentIDPrefix = paymentIDPrefix
        }
    }

    /// What checking a bill gives: each line's outcome, the payments of the paid lines, and the bill rules
    /// that could not run and why (missing data, switched off), never silently passing.
    public struct Result: Sendable {
        public var outcomes: [LineOutcome]
        public var payments: [Payment]
        public var notRun: [String: String]
    }

    /// The payment a line becomes if it is paid.
    public static func payment(for line: BillLine, _ context: Context) -> Payment {
        Payment(
            paymentID: "\(context.paymentIDPrefix)-\(line.lineNo)", caseID: context.caseID, workerID: context.person,
            itemCode: line.itemCode, amount: line.amount, paidDate: context.today, periodStart: line.serviceStart,
            periodEnd: line.serviceEnd ?? line.serviceStart, institutionID: context.institutionID,
            invoiceNo: line.invoiceNo, channel: .direct, payeeAccount: nil, dependentID: nil,
            regionCode: context.regionCode, advance: false)
    }

    public func check(_ lines: [BillLine], facts: DataSet, _ context: Context) -> Result {
        var data = facts
        if data.payments == nil { data.payments = [] }
        var snapshot = Snapshot(data)
        var outcomes: [LineOutcome] = []
        var payments: [Payment] = []
        /// Paid lines not yet in the snapshot.
        var pending: [Payment] = []
        var notRun: [String: String] = [:]
        let wanted = Set(DecisionPolicy.billRules)
        for (index, line) in lines.enumerated() {
            let payment = Self.payment(for: line, context)
            let report = engine.checkReport(payment: payment, in: snapshot, asOf: context.today)
            for (ruleID, reason) in report.notRun where wanted.contains(ruleID) {
                notRun[ruleID] = reason.description
            }
            let findings = report.findings.filter { wanted.contains($0.ruleID) }
            let (decision, deciding) = DecisionPolicy.decide(findings)
            let checks = findings.sorted { $0.ruleID < $1.ruleID }.map {
                LineCheck(
                    ruleID: $0.ruleID, ruleName: RuleCatalog.spec($0.ruleID)?.name ?? $0.ruleID,
                    severity: $0.severity.rawValue, reason: $0.detail)
            }
            outcomes.append(
                LineOutcome(
                    line: line, decision: decision, ruleID: deciding?.ruleID,
                    ruleName: deciding.map { RuleCatalog.spec($0.ruleID)?.name ?? $0.ruleID }, reason: deciding?.detail,
                    checks: checks, paymentID: decision == .paid ? payment.paymentID : nil))
            if decision == .paid {
                payments.append(payment)
                pending.append(payment)
            }
            // The next line must see the paid lines before it when they can bear on it: the bill rules relate
            // two payments only through the same invoice (R08) or the same item (R04, R10, R26). Otherwise the
            // snapshot (the costly part of a check) is kept.
            if index + 1 < lines.count {
                let next = lines[index + 1]
                if pending.contains(where: { $0.itemCode == next.itemCode || $0.invoiceNo == next.invoiceNo }) {
                    data.payments!.append(contentsOf: pending)
                    pending.removeAll()
                    snapshot = Snapshot(data)
                }
            }
        }
        return Result(outcomes: outcomes, payments: payments, notRun: notRun)
    }
}
