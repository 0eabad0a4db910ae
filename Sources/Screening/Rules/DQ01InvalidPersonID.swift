import FundModel

/// DQ01 身份证号校验错误: a worker's id, or (rev. 2) a dependant's, fails the GB 11643 check character.
///
/// The row is kept (interchange.md: a bad check character is a finding, not
/// a reason to drop data); the finding asks the region to correct the id. A
/// dependant's finding (subject type `dependent`, one per id) goes to the
/// region of the dependant's first case in the table, else the province.
public struct DQ01InvalidPersonID: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "DQ01", name: "身份证号校验错误", subject: .worker, tables: [.workers],
        fields: [.level()])

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
            let expected = Self.expectedCheck(raw)
            findings.append(
                Finding(
                    ruleID: spec.id, severity: levels[context.regionID(worker.regionCode)],
                    regionCode: worker.regionCode, subjectType: .worker, subjectID: raw, amount: .zero,
                    detail: "职工\(worker.name)的身份证号校验码错误（第18位为\(raw.last!)，按 GB 11643 应为\(expected)），请核实并更正身份信息",
                    evidence: []))
        }
        var seen: Set<String> = []
        for dependant in snapshot.dependents where !dependant.dependentID.hasValidCheckCharacter {
            let raw = dependant.dependentID.raw
            guard seen.insert(raw).inserted else { continue }
            let caseID = snapshot.caseIDs.idOrNone(dependant.caseID)
            guard let region = snapshot.caseRecord(caseID)?.regionCode ?? snapshot.province else { continue }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: levels[context.regionID(region)], regionCode: region,
                    subjectType: .dependent, subjectID: raw, amount: .zero,
                    detail:
                        "认定案件 \(dependant.caseID) 的供养亲属（\(dependant.relation.chineseName)）身份证号校验码错误（第18位为\(raw.last!)，按 GB 11643 应为\(Self.expectedCheck(raw))），请核实并更正身份信息",
                    evidence: [dependant.caseID]))
        }
        return RuleOutput(findings: findings)
    }

    /// The check character the first 17 digits call for.
    static func expectedCheck(_ raw: String) -> Character {
        Character(UnicodeScalar(PersonID.checkCharacter(forFirst17: Array(raw.utf8.prefix(17)))))
    }
}
