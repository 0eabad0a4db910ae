import FundModel

/// R07 与医保重复报销: a MED or REHAB payment (the configured `items`) whose period overlaps a
/// medical-insurance stay (`ext_medical_insurance`) of the same person at the same institution,
/// or whose invoice number equals that stay's.
///
/// Overlap means at least one common day. A stay without a discharge date
/// counts as its admission day; a payment without a period is compared by
/// invoice number only (its paid date is not a treatment date).
public struct R07MedicalInsuranceDuplicate: PaymentRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R07", name: "与医保重复报销", subject: .payment, tables: [.payments, .medicalInsurance],
        fields: [.level(), .params([FieldSpec("items", .itemList, "items compared with medical insurance")])])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        var items: ItemSet
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(level: settings.level, items: ItemSet(settings.itemList("params", "items"), in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { parameters.items.codes }

    /// Only a payment at an institution, to a worker with a medical-insurance stay, can fire.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let worker = snapshot.payments.worker
        let institution = snapshot.payments.institution
        let stays = snapshot.medicalInsuranceByPerson
        return { row in institution[row] >= 0 && stays.count(for: worker[row]) > 0 }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let snapshot = context.snapshot
        let stays = snapshot.medicalInsuranceByPerson.rows(for: payment.worker)
        guard !stays.isEmpty, payment.institution >= 0, parameters.items.contains(payment, in: context) else {
            return nil
        }
        for row in stays where snapshot.medicalInsuranceInstitution[Int(row)] == payment.institution {
            let stay = snapshot.medicalInsurance[Int(row)]
            let stayEnd = stay.dischargeDate ?? stay.admissionDate
            var reason: String?
            if let start = payment.periodStart {
                let end = payment.periodEnd ?? start
                if max(start, stay.admissionDate) <= min(end, stayEnd) {
                    reason = "支付期间 \(start)–\(end) 与医保住院 \(stay.admissionDate)–\(stayEnd) 重叠"
                }
            }
            if reason == nil, payment.invoice >= 0, let invoice = stay.invoiceNo, !invoice.isEmpty,
                context.record(payment).invoiceNo == invoice
            {
                reason = "票据号 \(invoice) 已由医保报销"
            }
            if let reason {
                return context.finding(
                    on: payment, severity: parameters.level,
                    detail:
                        "\(context.itemLabel(payment)) 支付与医保重复报销：\(reason)（同一机构 \(snapshot.institutionIDs.name(payment.institution))），请核实并追回",
                    evidence: [stay.invoiceNo.flatMap { $0.isEmpty ? nil : $0 } ?? "医保住院\(stay.admissionDate)"])
            }
        }
        return nil
    }
}
