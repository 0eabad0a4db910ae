import FundColumns
import FundModel
import FundRules

/// R05 ⚡ 死亡后支出: a payment whose service date is after the person's death (`ext_deaths`).
///
/// FUNERAL, DEATH_LUMP and DEPENDANT (the configured `dependant_items`) are
/// paid because the worker died: they check the dependant on the payment
/// instead, and are not checked when the payment names no dependant. The
/// earliest death record of a person counts; "after" is strictly after.
public struct R05PaymentAfterDeath: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R05", name: "死亡后支出", subject: .payment, isRealTime: true, tables: [.payments, .deaths],
        fields: [
            .level(),
            .params([FieldSpec("dependant_items", .itemList, "items that check the dependant, not the worker")]),
        ])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var dependantItems: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            level: settings.level, dependantItems: ItemSet(settings.itemList("params", "dependant_items"), in: snapshot)
        )
    }

    /// Only a worker or a dependant with a death record can fire.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let worker = snapshot.payments.worker
        let dependent = snapshot.payments.dependent
        let death = snapshot.earliestDeath
        return { row in
            let d = dependent[row]
            return death[Int(worker[row])] != Day.noneOrdinal || (d >= 0 && death[Int(d)] != Day.noneOrdinal)
        }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let checksDependant = parameters.dependantItems.contains(payment, in: context)
        let person = checksDependant ? payment.dependent : payment.worker
        guard person >= 0, let death = context.snapshot.deathDate(person: person), payment.serviceDate > death else {
            return nil
        }
        let snapshot = context.snapshot
        let source = snapshot.deathsByPerson.rows(for: person).first.flatMap { snapshot.deaths[Int($0)].source }
        let who = checksDependant ? "供养亲属" : "职工"
        return context.finding(
            on: payment, severity: parameters.level,
            detail:
                "\(context.itemLabel(payment)) 支付的服务日期 \(payment.serviceDate) 在\(who)死亡（\(death)\(source.map { "，来源：\($0)" } ?? "")）之后，请核实并追回",
            evidence: [snapshot.persons.name(person)])
    }
}
