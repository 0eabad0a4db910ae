import FundColumns
import FundModel
import FundRules

/// R14 住院时间重叠: two MED payments of one worker at different institutions, each with a period of
/// at least `min_nights` nights, overlapping by `min_overlap_nights` or more; the later payment fires.
///
/// Stays overlap by min(ends) − max(starts) nights (rules.md §5). "The later"
/// is the later period start, then the later paid date, then the larger
/// payment id. A payment without an institution is not compared. The
/// evidence lists every earlier stay it overlaps.
///
/// Rev. 2: a MED stay also fires when it overlaps by `min_overlap_nights` or
/// more a medical-insurance stay (`ext_medical_insurance`) of the worker at
/// another institution (the same institution is R07's); a stay or record
/// without an institution is not compared. One finding a payment, with the
/// medical-insurance records (`MI:` and the invoice or admission date) in
/// the evidence. Without the medical-insurance file only the pairs are checked.
public struct R14OverlappingStays: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R14", name: "住院时间重叠", subject: .payment, tables: [.payments],
        fields: [
            .level(),
            .params([
                FieldSpec("min_nights", .count, "nights each stay must have"),
                FieldSpec("min_overlap_nights", .count, "nights of overlap that fire"),
            ]),
        ])

    public init() {}

    struct Parameters: Sendable {
        var level: Severity
        var minNights: Int
        var minOverlap: Int
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        guard let med = snapshot.itemCodes.id(ItemCode.med) else { return RuleOutput() }
        let table = context.regionTable {
            Parameters(
                level: $0.level, minNights: $0.count("params", "min_nights"),
                minOverlap: $0.count("params", "min_overlap_nights"))
        }
        let index = snapshot.paymentsByWorker
        let (periodStart, paidDate, paymentIDs) = (columns.periodStart, columns.paidDate, columns.paymentID)
        var stays: [Int32] = []
        var earlier: [Int32] = []
        var overlapping: [Int32] = []
        var findings: [Finding] = []
        for worker in 0..<Int32(index.keyCount) {
            stays.removeAll(keepingCapacity: true)
            for row in index.rows(for: worker) {
                let i = Int(row)
                guard columns.item[i] == med, columns.institution[i] >= 0, columns.periodStart[i] != Day.noneOrdinal,
                    columns.periodEnd[i] != Day.noneOrdinal,
                    Int(columns.periodEnd[i]) - Int(columns.periodStart[i]) >= table[columns.region[i]].minNights
                else { continue }
                stays.append(row)
            }
            guard !stays.isEmpty else { continue }
            // Straight from the columns (every stay has a period start): building each row's facts in
            // the comparison copied the fifteen columns' references twice a comparison.
            stays.sort { a, b in
                let (x, y) = (Int(a), Int(b))
                if periodStart[x] != periodStart[y] { return periodStart[x] < periodStart[y] }
                if paidDate[x] != paidDate[y] { return paidDate[x] < paidDate[y] }
                return paymentIDs[x] < paymentIDs[y]
            }
            earlier.removeAll(keepingCapacity: true)
            for row in stays {
                let i = Int(row)
                let parameters = table[columns.region[i]]
                let start = Int(columns.periodStart[i])
                let end = Int(columns.periodEnd[i])
                overlapping.removeAll(keepingCapacity: true)
                for other in earlier where columns.institution[Int(other)] != columns.institution[i] {
                    let nights = min(end, Int(columns.periodEnd[Int(other)])) - start
                    if nights >= parameters.minOverlap { overlapping.append(other) }
                }
                let insured = insuranceStays(
                    overlapping: start, end, institution: columns.institution[i], worker: worker, parameters,
                    snapshot)
                if !overlapping.isEmpty || !insured.isEmpty {
                    findings.append(finding(row, overlapping: overlapping, insured: insured, parameters, context))
                }
                earlier.append(row)
            }
        }
        return RuleOutput(findings: findings)
    }

    /// The rows of `ext_medical_insurance` of the worker at another institution that overlap the stay.
    func insuranceStays(
        overlapping start: Int, _ end: Int, institution: Int32, worker: Int32, _ parameters: Parameters,
        _ snapshot: Snapshot
    ) -> [Int32] {
        guard snapshot.has(.medicalInsurance) else { return [] }
        return snapshot.medicalInsuranceByPerson.rows(for: worker).filter { row in
            let other = snapshot.medicalInsuranceInstitution[Int(row)]
            guard other >= 0, other != institution else { return false }
            let stay = snapshot.medicalInsurance[Int(row)]
            let stayEnd = Int((stay.dischargeDate ?? stay.admissionDate).ordinal)
            let nights = min(end, stayEnd) - max(start, Int(stay.admissionDate.ordinal))
            return nights >= parameters.minOverlap
        }
    }

    func finding(
        _ row: Int32, overlapping: [Int32], insured: [Int32], _ parameters: Parameters, _ context: RuleContext
    ) -> Finding {
        let payment = context.snapshot.payments.facts(row)
        let record = context.record(payment)
        let others = overlapping.map { context.snapshot.paymentRecord($0) }
        let stays = insured.map { context.snapshot.medicalInsurance[Int($0)] }
        let own = "同一职工在机构 \(record.institutionID ?? "") 的住院 \(payment.periodStart!)–\(payment.periodEnd!)"
        let detail: String
        if let first = others.first {
            detail =
                "\(own) 与机构 \(first.institutionID ?? "") 的住院 \(first.periodStart!)–\(first.periodEnd!)（支付 \(first.paymentID)）重叠，请核实是否重复住院"
        } else {
            let stay = stays[0]
            detail =
                "\(own) 与医保记录中机构 \(stay.institutionID ?? "") 的住院 \(stay.admissionDate)–\(stay.dischargeDate?.iso ?? "") 重叠，请核实是否同时在两家机构住院"
        }
        return context.finding(
            on: payment, severity: parameters.level, detail: detail,
            evidence: others.map(\.paymentID) + stays.map { "MI:\($0.invoiceNo ?? $0.admissionDate.iso)" })
    }
}
