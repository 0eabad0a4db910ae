import FundModel

/// R21 认定办理超时: decided more than `days` (60) after acceptance, or still `pending` more than
/// `days` after acceptance on the screening date (条例 20).
///
/// A `suspended` case is not counted: its clock is stopped (时限中止). The 60th
/// day moves off a day that is not a working day (民法典 203, rev. 2) on the
/// snapshot's calendar in the case's region: "more than 60 days" means after it.
public struct R21SlowDetermination: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R21", name: "认定办理超时", subject: .case, tables: [.injuryCases],
        fields: [.level(), .params([FieldSpec("days", .days, "days from acceptance to decision")])])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { $0 }
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let accepted = record.acceptedDate else { continue }
            let settings = table[context.regionID(record.regionCode)]
            let limit = settings.count("params", "days")
            let due = snapshot.calendar.deadline(lastDay: accepted.adding(days: limit), region: record.regionCode)
            let detail: String
            if let decided = record.decidedDate {
                guard decided > due else { continue }
                let days = accepted.distance(to: decided)
                detail = "认定于受理（\(accepted)）后 \(days) 天才作出决定（\(decided)），超过 \(limit) 天时限（\(due)）"
            } else if record.decision == .pending {
                guard context.asOf > due else { continue }
                let days = accepted.distance(to: context.asOf)
                detail =
                    "认定自受理（\(accepted)）至筛查日 \(context.asOf) 已 \(days) 天仍未作出决定，超过 \(limit) 天时限（\(due)）"
            } else {
                continue
            }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: settings.level, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: .zero, detail: detail, evidence: []))
        }
        return RuleOutput(findings: findings)
    }
}
