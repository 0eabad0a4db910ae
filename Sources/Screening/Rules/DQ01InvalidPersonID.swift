import FundModel

/// DQ01 身份证号校验错误: a worker's id fails the GB 11643 check character.
///
/// The row is kept (interchange.md: a bad check character is a finding, not
/// a reason to drop data); the finding asks the region to correct the id.
public struct DQ01InvalidPersonID: ScreeningRule {
    public let spec = RuleCatalog.spec("DQ01")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let levels = context.regionTable { $0.level }
        var findings: [Finding] = []
        for (row, worker) in snapshot.workers.enumerated() {
            guard !worker.workerID.hasValidCheckCharacter else { continue }
            // One finding per worker id even if the table repeats it.
            guard let person = snapshot.persons.id(worker.workerID.raw),
                snapshot.workerRow[Int(person)] == Int32(row)
            else { continue }
            let raw = worker.workerID.raw
            let expected = Character(
                UnicodeScalar(PersonID.checkCharacter(forFirst17: Array(raw.utf8.prefix(17)))))
            findings.append(
                Finding(
                    ruleID: spec.id, severity: levels[context.regionID(worker.regionCode)],
                    regionCode: worker.regionCode, subjectType: .worker, subjectID: raw, amount: .zero,
                    detail: "职工\(worker.name)的身份证号校验码错误（第18位为\(raw.last!)，按 GB 11643 应为\(expected)），请核实并更正身份信息",
                    evidence: []))
        }
        return RuleOutput(findings: findings)
    }
}
