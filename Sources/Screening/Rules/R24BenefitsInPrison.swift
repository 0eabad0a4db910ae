import FundModel
import FundRules

/// R24 服刑期间领取待遇: DEPENDANT whose dependant is imprisoned on the service date (suspended by
/// 供养亲属范围规定 art. 5: dependant_imprisoned, orange); DISABILITY_MONTHLY or NURSING of a worker
/// imprisoned on the service date (provincial practice: worker_imprisoned, yellow; off when
/// `check_worker` is false).
public struct R24BenefitsInPrison: PaymentRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R24", name: "服刑期间领取待遇", subject: .payment, tables: [.payments, .imprisonments],
        fields: [
            .outcomes(["dependant_imprisoned", "worker_imprisoned"]),
            .params([FieldSpec("check_worker", .bool, "also check an imprisoned worker's benefits")]),
        ])

    public init() {}

    public struct Parameters: Sendable {
        var dependantLevel: Severity
        var workerLevel: Severity
        var checkWorker: Bool
        var dependantItems: ItemSet
        var workerItems: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            dependantLevel: settings.severity("levels", "dependant_imprisoned"),
            workerLevel: settings.severity("levels", "worker_imprisoned"),
            checkWorker: settings.bool("params", "check_worker"),
            dependantItems: ItemSet([ItemCode.dependant], in: snapshot),
            workerItems: ItemSet([ItemCode.disabilityMonthly, ItemCode.nursing], in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? {
        parameters.dependantItems.codes.union(parameters.checkWorker ? parameters.workerItems.codes : [])
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let person: Int32
        let severity: Severity
        let who: String
        if parameters.dependantItems.contains(payment, in: context) {
            (person, severity, who) = (payment.dependent, parameters.dependantLevel, "供养亲属")
        } else if parameters.checkWorker, parameters.workerItems.contains(payment, in: context) {
            (person, severity, who) = (payment.worker, parameters.workerLevel, "职工")
        } else {
            return nil
        }
        let snapshot = context.snapshot
        for row in snapshot.imprisonmentsByPerson.rows(for: person) {
            let term = snapshot.imprisonments[Int(row)]
            guard term.covers(payment.serviceDate) else { continue }
            return context.finding(
                on: payment, severity: severity,
                detail:
                    "\(context.itemLabel(payment)) 的服务日期 \(payment.serviceDate) 在\(who)服刑期间（\(term.startDate)–\(term.endDate.map(\.iso) ?? "至今")），应暂停发放，请核实",
                evidence: [snapshot.persons.name(person)])
        }
        return nil
    }
}
