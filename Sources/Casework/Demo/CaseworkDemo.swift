import FundModel
import FundStore

/// Fills the registers of a store that holds the demo province (or any imported data) with files in every state,
/// so the console has something to show: determinations from applied to delivered (some overdue, some due soon),
/// assessments with drawn panels and conclusions, a second assessment, an inspection campaign with
/// self-inspections, spot checks and rectification items, and the default risk inventory.
///
/// Dates count back from `asOf`, so the deadline lists always have entries.
/// Every step goes through the registers, with its checks and history.
public enum CaseworkDemo {
    public struct Summary: Sendable, Hashable {
        public var determinations = 0
        public var assessments = 0
        public var panels = 0
        public var campaigns = 0
        public var selfInspections = 0
        public var rectifications = 0
        public var riskPoints = 0
    }

    static let actor = "演示经办人"
    static let parts = [["左手"], ["右腿"], ["腰椎"], ["左眼"], ["右手", "右前臂"], ["头部"], ["左足"], ["胸部"]]

    public static func populate(_ casework: Casework, asOf: Day) throws -> Summary {
        let store = casework.store
        guard try store.documents(DeterminationFile.self).isEmpty else {
            throw CaseworkError.refused("认定台账已有案卷，演示数据只能在空台账上生成")
        }
        let data = try store.loadDataSet()
        let cases = (data.cases ?? []).filter { $0.accidentDate <= asOf.adding(days: -130) }
            .sorted { ($1.accidentDate, $0.caseID) < ($0.accidentDate, $1.caseID) }
        guard !cases.isEmpty else {
            throw CaseworkError.refused("数据库中没有可用的工伤案件，请先导入演示数据（injury_cases.csv）")
        }
        var summary = Summary()
        func act(_ daysAgo: Int, _ reason: String? = nil) -> CaseworkAct {
            CaseworkAct(actor: actor, day: asOf.adding(days: -daysAgo), reason: reason)
        }

        // Determinations: 48 recent cases, six of each of eight stages.
        var delivered: [DeterminationFile] = []
        for (index, imported) in cases.prefix(48).enumerated() {
            let stage = index % 8
            let late = index % 16 >= 8  // every other round overdue
            let register = casework.determinations
            let id = imported.caseID
            let applicationDay = [late ? 25 : 5, late ? 40 : 12, 30, late ? 75 : 30, late ? 80 : 40, 90, 110, 125][
                stage]
            let materials =
                stage == 1 || stage == 2 ? [DeterminationMaterial.applicationForm] : DeterminationMaterial.allCases
            do {
                try register.open(
                    DeterminationApplication(importedCase: imported, materials: materials), act: act(applicationDay))
                summary.determinations += 1
                if stage == 1 || stage == 2 {
                    try register.apply(.notifyIncomplete, caseID: id, act: act(applicationDay - 2))
                    if stage == 2 {
                        try register.apply(
                            .receiveMaterials([.employmentProof, .medicalCertificate]), caseID: id,
                            act: act(late ? 20 : 10))
                    }
                    continue
                }
                guard stage >= 3 else { continue }
                let acceptDay = applicationDay - 3
                try register.apply(.accept(clearCase: index % 5 == 0), caseID: id, act: act(acceptDay))
                if stage == 4 || stage == 5 || imported.fatal {
                    try register.apply(.startInvestigation, caseID: id, act: act(acceptDay - 2))
                    let record = InvestigationRecord(
                        day: asOf.adding(days: -(acceptDay - 4)), investigators: ["调查员甲", "调查员乙"],
                        summary: "现场勘查，询问同班组职工，调取考勤和监控记录")
                    try register.apply(.recordInvestigation(record), caseID: id, act: act(acceptDay - 4))
                }
                if stage == 5 {
                    try register.apply(
                        .suspend(awaiting: "交通管理部门事故责任认定"), caseID: id, act: act(acceptDay - 10, "责任认定未出"))
                    continue
                }
                guard stage >= 6 else { continue }
                let decideDay = acceptDay - (late ? 70 : 30)
                let outcome: DeterminationOutcome =
                    index % 12 == 6 ? .rejected : (imported.kind == .deemed ? .deemed : .recognized)
                let basis: StatuteBasis =
                    switch outcome {
                    case .recognized: StatuteBasis(article: 14, item: imported.kind == .disease ? 4 : 1)
                    case .deemed: StatuteBasis(article: 15, item: 1)
                    case .rejected: StatuteBasis(article: 16, item: 2)
                    }
                let injured = outcome == .rejected || imported.fatal ? [] : parts[index % parts.count]
                try register.apply(
                    .decide(outcome: outcome, basis: basis, injuredParts: injured), caseID: id,
                    act: act(max(decideDay, 1)))
                if stage == 7 {
                    delivered.append(try register.apply(.deliver, caseID: id, act: act(max(decideDay - 10, 0))))
                }
            } catch is CaseworkError {
                continue
            }
        }

        // Assessments of the delivered recognized cases, each in a different state.
        let experts = data.experts ?? []
        let hospitals = (data.institutions ?? []).filter { $0.kind == .medical }
        for (index, file) in delivered.enumerated()
        where file.decision?.outcome != .rejected && !file.fatal {
            let pool = experts.filter { $0.regionCode == file.regionCode.city }
            let specialty = mostCommonSpecialty(pool)
            let hospital = hospitals.first { $0.regionCode.city == file.regionCode.city }?.institutionID
            let id = "JD-\(file.caseID)"
            do {
                let opened = try casework.assessments.open(
                    AssessmentApplication(
                        assessmentID: id, caseID: file.caseID, kind: .initial, applicant: .worker, hospitalID: hospital,
                        specialties: specialty.map { [$0] } ?? ["骨科"],
                        materials: index % 4 == 3
                            ? [.applicationForm, .identityDocument] : AssessmentMaterial.checklist(for: .initial)),
                    act: act(40))
                summary.assessments += 1
                guard opened.state == .examining else {
                    try casework.assessments.apply(.notifyIncomplete, assessmentID: id, act: act(38))
                    continue
                }
                try casework.panels.draw(
                    PanelRequest(assessmentID: id, size: 3, seed: UInt64(1000 + index)), act: act(37))
                summary.panels += 1
                guard index % 4 != 0 else { continue }
                let grade = [7, 9, nil, 5, 10, 8][index % 6]
                try casework.assessments.apply(
                    .conclude(
                        grade: grade, nursing: grade == 5 ? .partial : .none,
                        injuredParts: Array(file.decision!.injuredParts.prefix(1)), opinion: "伤情相对稳定，按GB/T 16180-2014评定"
                    ),
                    assessmentID: id, act: act(20))
                guard index % 4 != 1 else { continue }
                try casework.assessments.apply(.deliver, assessmentID: id, act: act(15))
                // One worker disagrees and applies to the province within 15 days.
                if index % 4 == 2, summary.assessments < 12 {
                    let second = "JD2-\(file.caseID)"
                    try casework.assessments.open(
                        AssessmentApplication(
                            assessmentID: second, caseID: file.caseID, kind: .second, applicant: .worker,
                            hospitalID: hospital,
                            specialties: [
                                mostCommonSpecialty(experts.filter { $0.regionCode == file.regionCode.province })
                                    ?? "骨科"
                            ],
                            materials: AssessmentMaterial.checklist(for: .second)),
                        act: act(5))
                    summary.assessments += 1
                    if (try? casework.panels.draw(PanelRequest(assessmentID: second, size: 5, seed: 77), act: act(3)))
                        != nil
                    {
                        summary.panels += 1
                    }
                }
            } catch is CaseworkError {
                continue
            }
        }

        // An inspection campaign over the first institutions of the province.
        if let province = cases.first?.regionCode.province {
            let institutions = (data.institutions ?? []).filter { province.contains($0.regionCode) }
                .sorted { $0.institutionID < $1.institutionID }.prefix(12).map(\.institutionID)
            if institutions.count >= 4 {
                summary.campaigns += try populateCampaign(
                    casework, province: province, institutions: institutions, act: act)
                summary.selfInspections = try casework.campaigns.selfInspections(campaignID: campaignID).count
                summary.rectifications = try casework.campaigns.rectifications(campaignID: campaignID).count
            }
        }

        if try casework.riskInventory.points().isEmpty {
            summary.riskPoints = try casework.riskInventory.seedDefaults(act: act(0))
        }
        return summary
    }

    static let campaignID = "ZX-DEMO"

    static func populateCampaign(
        _ casework: Casework, province: RegionCode, institutions: [String], act: (Int, String?) -> CaseworkAct
    ) throws -> Int {
        let campaigns = casework.campaigns
        let due = act(10, nil).day
        try campaigns.open(
            CampaignPlan(
                campaignID: campaignID, title: "工伤保险协议机构专项检查（演示）", regionCode: province, selfInspectionDue: due,
                checklist: CampaignPlan.defaultChecklist, institutionIDs: institutions),
            act: act(60, nil))
        for (index, institution) in institutions.enumerated() where index % 6 != 5 {
            let answers = CampaignPlan.defaultChecklist.map { item -> ChecklistAnswer in
                if index % 3 == 0 && item.itemID == "C04" {
                    return ChecklistAnswer(itemID: item.itemID, result: .nonCompliant, note: "个别检查项目重复收费")
                }
                if index % 4 == 1 && item.itemID == "C05" {
                    return ChecklistAnswer(itemID: item.itemID, result: .nonCompliant, note: "住院登记与实际在院情况不一致")
                }
                return ChecklistAnswer(itemID: item.itemID, result: item.itemID == "C08" ? .notApplicable : .compliant)
            }
            try campaigns.answer(
                campaignID: campaignID, institutionID: institution, answers: answers, act: act(40 - index, nil))
            if index % 3 == 0 {
                try campaigns.addRisk(
                    campaignID: campaignID, institutionID: institution,
                    risk: ReportedRisk(description: "收费系统未校验重复票据号", riskPointID: "RP18", measure: "上线票据号唯一性校验"),
                    act: act(40 - index, nil))
            }
            try campaigns.submit(
                campaignID: campaignID, institutionID: institution, report: "已按清单逐项自查，问题已列入风险清单并落实整改。",
                act: act(index == 4 ? 9 : 30 - index, nil))
        }
        try campaigns.startSpotChecks(campaignID: campaignID, act: act(9, nil))
        let draw = try campaigns.drawSpotChecks(
            campaignID: campaignID, size: 3, method: .weighted, seed: 2022, act: act(8, nil))
        for (index, institution) in draw.drawn.prefix(2).enumerated() {
            let problems =
                index == 0
                ? [
                    CheckProblem(
                        problemID: "", description: "分解收费、重复收取检查费", itemID: "C04", amount: Money(fen: 1_862_000))
                ]
                : []
            let check = try campaigns.recordCheck(
                campaignID: campaignID, institutionID: institution, inspectors: ["省厅检查组甲", "省厅检查组乙"],
                problems: problems,
                summary: "抽查工伤住院病历30份，核对费用明细", act: act(6, nil))
            if let problem = check.problems.first {
                try campaigns.openRectification(
                    campaignID: campaignID, institutionID: institution, problemID: problem.problemID,
                    description: "退回重复收取费用并完善收费校验", owner: "医院医保办主任", deadline: act(2, nil).day, act: act(5, nil))
                let other = try campaigns.openRectification(
                    campaignID: campaignID, institutionID: institution, description: "组织收费人员培训", owner: "医院财务科",
                    deadline: act(-20, nil).day, act: act(5, nil))
                try campaigns.closeRectification(other.rectificationID, evidence: "培训签到表及课件", act: act(1, nil))
            }
        }
        return 1
    }

    static func mostCommonSpecialty(_ experts: [Expert]) -> String? {
        var counts: [String: Int] = [:]
        for expert in experts { if let s = expert.specialty { counts[s, default: 0] += 1 } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
