import FundModel

/// R09 ⚡ 非协议机构: MED or MEAL (service `medical`), REHAB (`rehab`) or DEVICE (`assistive`) — the
/// configured `services` — at an institution with no agreement of that service that is `active` and
/// covers the service date (`start_date ≤ date ≤ end_date`, rules.md §5).
///
/// A payment with no institution is not checked (there is nothing to compare).
public struct R09NonContractedInstitution: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R09", name: "非协议机构", subject: .payment, isRealTime: true, tables: [.payments, .agreements],
        fields: [
            .level(),
            .params([FieldSpec("services", .itemMap(.service), "the agreement service each item needs")]),
        ])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var services: ItemTable<InstitutionKind>
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        var services: [String: InstitutionKind] = [:]
        for (code, value) in settings.itemMap("params", "services") {
            if case .text(let raw) = value, let kind = InstitutionKind(rawValue: raw) { services[code] = kind }
        }
        return Parameters(level: settings.level, services: ItemTable(services, in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { Set(parameters.services.byCode.keys) }

    /// In the snapshot a payment with no institution has nothing to compare.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let institution = snapshot.payments.institution
        return { row in institution[row] >= 0 }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard let service = parameters.services.value(for: payment, in: context) else { return nil }
        let snapshot = context.snapshot
        if payment.institution < 0 {
            // In the snapshot -1 means "no institution"; a real-time payment may name one the snapshot never saw.
            guard payment.row < 0, context.record(payment).institutionID?.isEmpty == false else { return nil }
        } else if snapshot.hasAgreement(institution: payment.institution, covering: service, on: payment.serviceDate) {
            return nil
        }
        let institution = context.record(payment).institutionID ?? ""
        return context.finding(
            on: payment, severity: parameters.level,
            detail:
                "\(context.itemLabel(payment)) 在机构 \(institution) 发生，该机构在服务日期 \(payment.serviceDate) 没有有效的\(service.chineseName)服务协议，请核实是否为急诊或违规结算",
            evidence: [institution])
    }
}
