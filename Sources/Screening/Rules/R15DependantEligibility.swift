import FundModel
import FundRules

/// R15 ⚡ 供养亲属资格 (rev. 2): DEPENDANT for a month in which the dependant may not be paid
/// (供养亲属范围规定 art. 3–4), or without a dependant of the payment's case.
///
/// It fires when the payment names no `dependent_id`; when the person is not a dependant of the
/// payment's case (for a payment without a case: of any case); or when, on the first day of some month of
/// the payment's period (its service date without a period), the dependant is before `start_date`, after
/// `end_date`, or — not `disabled` — a spouse, parent or grandparent under 60 (a man) or 55 (a woman), or a
/// child, grandchild or sibling on or after the 18th birthday. The test is FundRules'
/// `DependantEligibility`, the one the entitlement calculator shares the dependants' cap by. The amount at
/// risk is the whole payment.
public struct R15DependantEligibility: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R15", name: "供养亲属资格", subject: .payment, isRealTime: true, tables: [.payments, .dependents],
        fields: [
            .level(),
            .params([
                FieldSpec("age_limit", .count, "age of a child, grandchild or sibling"),
                FieldSpec(
                    "elder_age_man", .count, "age from which a spouse, parent or grandparent (a man) is paid"),
                FieldSpec(
                    "elder_age_woman", .count, "age from which a spouse, parent or grandparent (a woman) is paid"),
            ]),
        ])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var limits: DependantAgeLimits
        var items: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            level: settings.level,
            limits: DependantAgeLimits(
                youngLimit: settings.count("params", "age_limit"),
                elderMan: settings.count("params", "elder_age_man"),
                elderWoman: settings.count("params", "elder_age_woman")),
            items: ItemSet([ItemCode.dependant], in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { parameters.items.codes }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard parameters.items.contains(payment, in: context) else { return nil }
        // A row of the snapshot names its dependant when the column is set (every id is interned); a payment
        // checked in real time may name a person the snapshot never saw.
        let named = payment.dependent >= 0 || (payment.row < 0 && context.candidate?.dependentID != nil)
        guard named else {
            return context.finding(
                on: payment, severity: parameters.level,
                detail: "供养亲属抚恤金未指明供养亲属（dependent_id 为空），无法核实供养资格，请核实并停发")
        }
        guard let dependant = dependant(of: payment, context.snapshot) else {
            return notADependant(payment, parameters, context)
        }
        guard
            let (day, reason) = DependantEligibility.firstIneligibleMonth(
                of: dependant, periodStart: payment.periodStart, periodEnd: payment.periodEnd,
                serviceDate: payment.serviceDate, limits: parameters.limits)
        else { return nil }
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "供养亲属抚恤金于 \(day) 不符合供养条件：\(reason)，请核实并停发",
            evidence: [dependant.dependentID.raw])
    }

    private func notADependant(_ payment: PaymentFacts, _ parameters: Parameters, _ context: RuleContext) -> Finding {
        let person = context.record(payment).dependentID?.raw ?? ""
        let caseText = payment.caseID >= 0 ? "认定案件 \(context.snapshot.caseIDs.name(payment.caseID)) " : "任何认定案件"
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "供养亲属抚恤金的收款人 \(PersonID(person)?.masked ?? person) 不是\(caseText)的供养亲属，请核实并停发",
            evidence: [person])
    }

    /// The dependant's row on the payment's case; for a payment without a case, the person's first row.
    func dependant(of payment: PaymentFacts, _ snapshot: Snapshot) -> Dependent? {
        guard payment.dependent >= 0 else { return nil }
        let rows = snapshot.dependentsByPerson.rows(for: payment.dependent)
        guard let firstRow = rows.first else { return nil }
        if payment.caseID >= 0 {
            return rows.first(where: { snapshot.dependentCase[Int($0)] == payment.caseID }).map {
                snapshot.dependents[Int($0)]
            }
        }
        return snapshot.dependents[Int(firstRow)]
    }
}
