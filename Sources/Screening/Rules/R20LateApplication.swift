import FundModel
import FundRules

/// R20 认定申请超期 (rev. 2): applied more than `employer_limit_days` (30) after the accident, whoever
/// applied (the employer did not apply in time: employer_late, yellow); applied by the worker, a relative
/// or the union more than `worker_limit_years` (1) after the accident (worker_late, orange).
///
/// Both deadlines are statutory and move off a day that is not a working day
/// (民法典 203; rules.md §5 "Which deadlines move"), on the snapshot's calendar
/// in the case's region: "more than 30 days" means after the moved 30th day.
///
/// The amount at risk (rev. 2) is every fund payment of the case whose service
/// date lies from the accident date to the acceptance date (to the screening
/// date while not accepted), both included: the employer bears those costs
/// (条例 17(4); the period as read by 人社部发〔2013〕34号 item 7). A fund payment
/// is one whose item's payer is `fund` on the province's list; reversals
/// (negative amounts) in the period net against it, and a net below zero counts
/// as nothing. The payments counted are listed as evidence.
public struct R20LateApplication: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R20", name: "认定申请超期", subject: .case, tables: [.injuryCases],
        fields: [
            .outcomes(["worker_late", "employer_late"]),
            .params([
                FieldSpec("worker_limit_years", .count, "worker, relative or union"),
                FieldSpec("employer_limit_days", .days, "employer"),
            ]),
        ])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let calendar = snapshot.calendar
        let table = context.regionTable { $0 }
        let fundItems = snapshot.itemCodes.names.map { snapshot.itemList.item($0)?.payer == .fund }
        let columns = snapshot.payments
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let applied = record.appliedDate, let applicant = record.applicant else { continue }
            let settings = table[context.regionID(record.regionCode)]
            let accident = record.accidentDate
            let region = record.regionCode
            let limit = settings.count("params", "employer_limit_days")
            let employerDue = calendar.deadline(lastDay: accident.adding(days: limit), region: region)
            guard applied > employerDue else { continue }
            let years = settings.count("params", "worker_limit_years")
            let personalDue = calendar.deadline(lastDay: accident.adding(years: years), region: region)
            let personalLate = applicant != .employer && applied > personalDue

            // The costs from the accident to acceptance (or the screening date), both days included.
            let end = record.acceptedDate ?? context.asOf
            var net: Int64 = 0
            var evidence: [String] = []
            if let caseID = snapshot.caseIDs.id(record.caseID) {
                for payment in snapshot.paymentsByCase.rows(for: caseID) {
                    let i = Int(payment)
                    let day = columns.serviceDate[i]
                    let item = Int(columns.item[i])
                    guard day >= accident.ordinal, day <= end.ordinal, item >= 0, item < fundItems.count,
                        fundItems[item]
                    else { continue }
                    net += columns.amount[i]
                    evidence.append(columns.paymentID[i])
                }
            }
            let amount = Money(fen: max(0, net))
            let period =
                record.acceptedDate == nil ? "事故日至筛查日（\(end)，尚未受理）" : "事故日至受理日（\(end)）"
            let costs = "，\(period)基金支付的工伤待遇 \(amount) 元应由用人单位负担（条例 17）"
            let severity: Severity
            let detail: String
            if personalLate {
                severity = settings.severity("levels", "worker_late")
                detail =
                    "\(applicant.chineseName)于事故（\(accident)）后 \(accident.distance(to: applied)) 天才申请认定，超过 \(years) 年时限（\(personalDue)），请核实是否有不计入时限的正当理由\(costs)"
            } else {
                severity = settings.severity("levels", "employer_late")
                detail =
                    "\(applicant.chineseName)于事故（\(accident)）后 \(accident.distance(to: applied)) 天申请认定，用人单位未在 \(limit) 天内（截至 \(employerDue)）申请\(costs)"
            }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: severity, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: amount, detail: detail, evidence: evidence))
        }
        return RuleOutput(findings: findings)
    }
}
