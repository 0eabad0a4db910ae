import FundColumns
import FundModel
import FundRules

/// R06 ⚡ 伤残津贴与养老金重复: DISABILITY_MONTHLY whose service date is on or after the worker's
/// pension start (`ext_pensions`, earliest record). Only PENSION_TOPUP may be paid from then on
/// (条例 35(3)).
public struct R06DisabilityAndPension: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R06", name: "伤残津贴与养老金重复", subject: .payment, isRealTime: true,
        tables: [.payments, .pensions], fields: [.level()])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var items: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(level: settings.level, items: ItemSet([ItemCode.disabilityMonthly], in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { parameters.items.codes }

    /// Only a worker who draws a pension can fire.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let worker = snapshot.payments.worker
        let pension = snapshot.earliestPension
        return { row in pension[Int(worker[row])] != Day.noneOrdinal }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard parameters.items.contains(payment, in: context),
            let start = context.snapshot.pensionStart(person: payment.worker), payment.serviceDate >= start
        else { return nil }
        return context.finding(
            on: payment, severity: parameters.level,
            detail:
                "伤残津贴的服务日期 \(payment.serviceDate) 在职工养老金起领日 \(start) 当日或之后，此后只能支付养老待遇低于伤残津贴的补差（PENSION_TOPUP），请核实并追回",
            evidence: [context.snapshot.persons.name(payment.worker)])
    }
}
