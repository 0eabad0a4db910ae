import FundModel

/// R13 参保即出险: a case whose accident is within `days` after the worker's `insured_since`
/// (soon_after_insured, orange), or before `insured_since` or after `insured_until`
/// (outside_insured_period, red).
///
/// "Within 30 days after" means 0 to 30 days after `insured_since`, both
/// included. A worker without `insured_since`, or not in workers.csv, is not checked.
public struct R13InsuredThenInjured: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R13", name: "参保即出险", subject: .case, tables: [.injuryCases, .workers],
        fields: [
            .outcomes(["soon_after_insured", "outside_insured_period"]),
            .params([FieldSpec("days", .days, "days after insured_since")]),
        ])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { $0 }
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let worker = snapshot.worker(person: snapshot.caseWorker[row]), let since = worker.insuredSince
            else { continue }
            let settings = table[context.regionID(record.regionCode)]
            let accident = record.accidentDate
            let severity: Severity
            let reason: String
            if accident < since {
                severity = settings.severity("levels", "outside_insured_period")
                reason = "事故日期 \(accident) 早于参保日期 \(since)"
            } else if let until = worker.insuredUntil, accident > until {
                severity = settings.severity("levels", "outside_insured_period")
                reason = "事故日期 \(accident) 晚于参保终止日期 \(until)"
            } else if since.distance(to: accident) <= settings.count("params", "days") {
                severity = settings.severity("levels", "soon_after_insured")
                reason =
                    "事故日期 \(accident) 在参保日期 \(since) 后 \(since.distance(to: accident)) 天（阈值 \(settings.count("params", "days")) 天）"
            } else {
                continue
            }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: severity, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: .zero,
                    detail: "参保即出险：\(reason)，请核实是否先出险后参保", evidence: [record.workerID.raw]))
        }
        return RuleOutput(findings: findings)
    }
}

/// Whether a case row is the first with its id (a repeated id gives one finding).
func isFirst(_ row: Int, _ record: InjuryCase, _ snapshot: Snapshot) -> Bool {
    guard let id = snapshot.caseIDs.id(record.caseID) else { return false }
    return snapshot.caseRow[Int(id)] == Int32(row)
}
