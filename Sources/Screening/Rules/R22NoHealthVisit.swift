import FundModel

/// R22 鉴定材料无就诊记录: the evidence hospital has no visit of the worker (`ext_health_visits`)
/// between the accident and the assessment application (orange, on the assessment).
///
/// - "Between" includes both days: a visit on the day of the accident or of
///   the application counts.
/// - Every kind of assessment is checked (initial, second, review), pending
///   or concluded: each rests on medical evidence from its hospital.
/// - Not checked: an assessment without a hospital or an application date,
///   whose case is not in injury_cases.csv (no accident date), or applied
///   before its accident (a data error, not a missing visit).
public struct R22NoHealthVisit: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R22", name: "鉴定材料无就诊记录", subject: .assessment,
        tables: [.assessments, .injuryCases, .healthVisits], fields: [.level()])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        var levels = RegionMemo(context) { $0.level }
        var findings: [Finding] = []
        for row in RecordRows.firstAssessments(snapshot) {
            let assessment = snapshot.assessments[row]
            guard let hospital = assessment.hospitalID, !hospital.isEmpty, let applied = assessment.appliedDate,
                let record = snapshot.caseRecord(snapshot.caseIDs.id(assessment.caseID) ?? -1),
                record.accidentDate <= applied
            else { continue }
            let accident = record.accidentDate
            if Self.hasVisit(assessment.workerID, at: hospital, from: accident, through: applied, snapshot) {
                continue
            }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: levels(assessment.regionCode), regionCode: assessment.regionCode,
                    subjectType: .assessment, subjectID: assessment.assessmentID, amount: .zero,
                    detail:
                        "鉴定 \(assessment.assessmentID) 的医学证据出具医院 \(hospital) 在事故（\(accident)）至鉴定申请（\(applied)）期间无该职工的就诊记录（卫生健康共享数据），请核查医学材料是否属实",
                    evidence: [hospital, record.caseID]))
        }
        return RuleOutput(findings: findings)
    }

    /// Whether the person visited the hospital on a day in `from...through`.
    static func hasVisit(_ person: PersonID, at hospital: String, from: Day, through: Day, _ snapshot: Snapshot)
        -> Bool
    {
        guard let key = snapshot.persons.id(person.raw), let institution = snapshot.institutionIDs.id(hospital) else {
            return false
        }
        for row in snapshot.healthVisitsByPerson.rows(for: key)
        where snapshot.healthVisitInstitution[Int(row)] == institution {
            let day = snapshot.healthVisits[Int(row)].visitDate
            if from <= day && day <= through { return true }
        }
        return false
    }
}
