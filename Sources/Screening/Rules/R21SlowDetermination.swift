import FundModel

/// R21 认定办理超时: decided more than `days` (60) after acceptance, or still `pending` more than
/// `days` after acceptance on the screening date (条例 20).
///
/// A `suspended` case is not counted: its clock is stopped (时限中止).
public struct R21SlowDetermination: ScreeningRule {
    public let spec = RuleCatalog.spec("R21")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { $0 }
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let accepted = record.acceptedDate else { continue }
            let settings = table[context.regionID(record.regionCode)]
            let limit = settings.count("params", "days")
            let detail: String
            if let decided = record.decidedDate {
                let days = accepted.distance(to: decided)
                guard days > limit else { continue }
                detail = "认定于受理（\(accepted)）后 \(days) 天才作出决定（\(decided)），超过 \(limit) 天时限"
            } else if record.decision == .pending {
                let days = accepted.distance(to: context.asOf)
                guard days > limit else { continue }
                detail = "认定自受理（\(accepted)）至筛查日 \(context.asOf) 已 \(days) 天仍未作出决定，超过 \(limit) 天时限"
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
