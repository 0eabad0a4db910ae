import FundModel
import FundRules

/// R15 ⚡ 供养亲属资格: DEPENDANT for a dependant past `end_date`, or for a child, grandchild or
/// sibling (not `disabled`) whose service date is on or after the birthday of `age_limit`
/// (18; 供养亲属范围规定 arts. 3–4).
///
/// The dependant is the payment's `dependent_id`, preferably on the payment's
/// case; the birth date is `birth_date`, else the one in the id number. A
/// payment whose dependant is not in dependents.csv is not checked here.
public struct R15DependantEligibility: PaymentRule, RealTimeRule {
    public let spec = RuleCatalog.spec("R15")!

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var ageLimit: Int
        var items: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            level: settings.level, ageLimit: settings.count("params", "age_limit"),
            items: ItemSet([ItemCode.dependant], in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { parameters.items.codes }

    /// Only a payment naming a dependant can fire.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let dependent = snapshot.payments.dependent
        return { row in dependent[row] >= 0 }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard payment.dependent >= 0, parameters.items.contains(payment, in: context),
            let dependant = dependant(of: payment, context.snapshot)
        else { return nil }
        let day = payment.serviceDate
        let reason: String
        if let end = dependant.endDate, day > end {
            reason = "供养资格已于 \(end) 终止"
        } else if [.child, .grandchild, .sibling].contains(dependant.relation), !dependant.disabled,
            let birth = dependant.birthDate ?? dependant.dependentID.embeddedBirthDate,
            day >= birth.birthday(age: parameters.ageLimit)
        {
            reason =
                "\(dependant.relation.chineseName)已于 \(birth.birthday(age: parameters.ageLimit)) 年满 \(parameters.ageLimit) 周岁且未完全丧失劳动能力"
        } else {
            return nil
        }
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "供养亲属抚恤金的服务日期 \(day) 不符合供养条件：\(reason)，请核实并停发",
            evidence: [dependant.dependentID.raw])
    }

    /// The dependant's row: on the payment's case if there is one, else the first.
    func dependant(of payment: PaymentFacts, _ snapshot: Snapshot) -> Dependent? {
        let rows = snapshot.dependentsByPerson.rows(for: payment.dependent)
        guard let firstRow = rows.first else { return nil }
        if payment.caseID >= 0, let row = rows.first(where: { snapshot.dependentCase[Int($0)] == payment.caseID }) {
            return snapshot.dependents[Int(row)]
        }
        return snapshot.dependents[Int(firstRow)]
    }
}
