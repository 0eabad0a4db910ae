import FundModel

/// R20 认定申请超期: applied by the worker, a relative or the union more than `worker_limit_years`
/// after the accident (worker_late, orange); by the employer more than `employer_limit_days` after
/// (employer_late, yellow).
///
/// For a late employer the fund must not pay for the gap (条例 17): the
/// amount at risk is the case's payments whose service date falls after the
/// employer's deadline and on or before the application, listed as evidence.
public struct R20LateApplication: ScreeningRule {
    public let spec = RuleCatalog.spec("R20")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { $0 }
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let applied = record.appliedDate, let applicant = record.applicant else { continue }
            let settings = table[context.regionID(record.regionCode)]
            let accident = record.accidentDate
            var amount = Money.zero
            var evidence: [String] = []
            let severity: Severity
            let detail: String
            if applicant == .employer {
                let limit = settings.count("params", "employer_limit_days")
                let deadline = accident.adding(days: limit)
                guard applied > deadline else { continue }
                let columns = snapshot.payments
                let caseID = snapshot.caseIDs.id(record.caseID) ?? -1
                for payment in snapshot.paymentsByCase.rows(for: caseID) {
                    let day = columns.serviceDate[Int(payment)]
                    guard day > deadline.ordinal, day <= applied.ordinal else { continue }
                    amount += Money(fen: columns.amount[Int(payment)])
                    evidence.append(columns.paymentID[Int(payment)])
                }
                severity = settings.severity("levels", "employer_late")
                detail =
                    "用人单位于事故（\(accident)）后 \(accident.distance(to: applied)) 天才申请认定（时限 \(limit) 天），超期期间的工伤待遇应由用人单位负担（条例 17）"
            } else {
                let years = settings.count("params", "worker_limit_years")
                guard applied > accident.adding(years: years) else { continue }
                severity = settings.severity("levels", "worker_late")
                detail =
                    "\(applicant.chineseName)于事故（\(accident)）后 \(accident.distance(to: applied)) 天才申请认定，超过 \(years) 年时限，请核实是否有不计入时限的正当理由"
            }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: severity, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: amount, detail: detail, evidence: evidence))
        }
        return RuleOutput(findings: findings)
    }
}
