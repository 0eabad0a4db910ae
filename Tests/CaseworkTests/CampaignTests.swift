import FundModel
import FundStore
import Testing

@testable import Casework

@Suite("Campaigns: self-inspection, spot checks, rectification, report and risk list")
struct CampaignTests {
    static let checklist = [
        ChecklistItem(itemID: "C01", text: "协议有效", basis: "R09"),
        ChecklistItem(itemID: "C02", text: "无重复收费", basis: "R08"),
    ]

    /// Four institutions in two cities, and a campaign of the province opened on 2024-09-01, due 2024-10-31.
    func setUp() throws -> (TestStore, Campaigns) {
        let db = try TestStore()
        for (id, city) in [("H1", T.city), ("H2", T.city), ("H3", T.otherCity), ("H4", T.otherCity)] {
            try db.insert(Institution(institutionID: id, name: "医院\(id)", kind: .medical, regionCode: city, grade: nil))
        }
        let campaigns = db.casework().campaigns
        try campaigns.open(
            CampaignPlan(
                campaignID: "ZX2024", title: "2024年协议机构专项检查", regionCode: T.province,
                selfInspectionDue: T.day("2024-10-31"), checklist: Self.checklist),
            act: T.act("2024-09-01", by: "省厅"))
        return (db, campaigns)
    }

    func submitAll(_ campaigns: Campaigns, except: Set<String> = []) throws {
        for id in ["H1", "H2", "H3", "H4"] where !except.contains(id) {
            try campaigns.answer(
                campaignID: "ZX2024", institutionID: id,
                answers: [
                    ChecklistAnswer(itemID: "C01", result: .compliant),
                    ChecklistAnswer(itemID: "C02", result: .compliant),
                ],
                act: T.act("2024-10-10", by: id))
            try campaigns.submit(
                campaignID: "ZX2024", institutionID: id, report: "自查未发现问题", act: T.act("2024-10-11", by: id))
        }
    }

    @Test("opening makes a pending self-inspection per institution of the region")
    func open() throws {
        let (db, campaigns) = try setUp()
        #expect(try campaigns.selfInspections(campaignID: "ZX2024").map(\.institutionID) == ["H1", "H2", "H3", "H4"])
        #expect(try campaigns.campaign("ZX2024")?.state == .selfInspection)
        #expect(try campaigns.campaigns(scope: T.province).count == 1)
        // A chosen set; an institution outside the region is refused.
        let chosen = try campaigns.open(
            CampaignPlan(
                campaignID: "ZX-B", title: "乙市检查", regionCode: T.otherCity, selfInspectionDue: T.day("2024-12-31"),
                checklist: Self.checklist, institutionIDs: ["H3"]), act: T.act("2024-09-01"))
        #expect(chosen.institutionIDs == ["H3"])
        let outside = T.error {
            try campaigns.open(
                CampaignPlan(
                    campaignID: "ZX-C", title: "乙市检查", regionCode: T.otherCity, selfInspectionDue: T.day("2024-12-31"),
                    checklist: Self.checklist, institutionIDs: ["H1"]), act: T.act("2024-09-01"))
        }
        #expect(outside?.kind == .invalid)
        #expect(
            T.error {
                try campaigns.open(
                    CampaignPlan(
                        campaignID: "ZX-D", title: "空清单", regionCode: T.province, selfInspectionDue: T.today,
                        checklist: []), act: T.act("2024-09-01"))
            }?.kind == .invalid)
        #expect(try db.count("inspection_campaigns") == 2)
    }

    @Test(
        "self-inspection: every item answered, a note for a non-compliance, a report; nothing changes after submission")
    func selfInspection() throws {
        let (_, campaigns) = try setUp()
        let noNote = T.error {
            try campaigns.answer(
                campaignID: "ZX2024", institutionID: "H1",
                answers: [ChecklistAnswer(itemID: "C02", result: .nonCompliant)], act: T.act("2024-09-10"))
        }
        #expect(noNote?.kind == .invalid)
        #expect(
            T.error {
                try campaigns.answer(
                    campaignID: "ZX2024", institutionID: "H1",
                    answers: [ChecklistAnswer(itemID: "C09", result: .compliant)], act: T.act("2024-09-10"))
            }?.kind == .invalid)
        try campaigns.answer(
            campaignID: "ZX2024", institutionID: "H1",
            answers: [ChecklistAnswer(itemID: "C02", result: .nonCompliant, note: "3张票据重复")], act: T.act("2024-09-10"))
        let early = T.error {
            try campaigns.submit(campaignID: "ZX2024", institutionID: "H1", report: "报告", act: T.act("2024-09-11"))
        }
        #expect(early?.kind == .refused && early?.message.contains("C01") == true)
        try campaigns.answer(
            campaignID: "ZX2024", institutionID: "H1", answers: [ChecklistAnswer(itemID: "C01", result: .compliant)],
            act: T.act("2024-09-11"))
        try campaigns.addRisk(
            campaignID: "ZX2024", institutionID: "H1",
            risk: ReportedRisk(description: "收费系统未校验票据号", riskPointID: "RP18", measure: "上线校验"),
            act: T.act("2024-09-11"))
        #expect(
            T.error {
                try campaigns.submit(campaignID: "ZX2024", institutionID: "H1", report: " ", act: T.act("2024-09-12"))
            }?.kind == .invalid)
        let submitted = try campaigns.submit(
            campaignID: "ZX2024", institutionID: "H1", report: "发现重复收费问题并整改", act: T.act("2024-09-12"))
        #expect(
            submitted.state == .submitted && submitted.answers.map(\.itemID) == ["C01", "C02"]
                && submitted.risks.count == 1)
        #expect(
            T.error {
                try campaigns.addRisk(
                    campaignID: "ZX2024", institutionID: "H1", risk: ReportedRisk(description: "x"),
                    act: T.act("2024-09-13"))
            }?.message.contains("已提交") == true)
        #expect(
            T.error {
                try campaigns.submit(campaignID: "ZX2024", institutionID: "H9", report: "x", act: T.act("2024-09-13"))
            }?.kind == .notFound)
    }

    @Test("spot checks start when all submitted or from the due day; draws are replayable; no institution twice")
    func spotChecks() throws {
        let (_, campaigns) = try setUp()
        try submitAll(campaigns, except: ["H4"])
        let early = T.error { try campaigns.startSpotChecks(campaignID: "ZX2024", act: T.act("2024-10-20")) }
        #expect(early?.kind == .refused && early?.message.contains("1 家") == true)
        #expect(
            T.error {
                try campaigns.drawSpotChecks(campaignID: "ZX2024", size: 1, method: .random, act: T.act("2024-10-20"))
            }?.kind == .refused)
        try campaigns.startSpotChecks(campaignID: "ZX2024", act: T.act("2024-10-31"))

        let first = try campaigns.drawSpotChecks(
            campaignID: "ZX2024", size: 2, method: .random, seed: 5, act: T.act("2024-11-01"))
        // Uniform weights, seed 5, pool H1–H4 (from an independent implementation): H3, then H2.
        #expect(first.drawn == ["H3", "H2"] && first.candidates.allSatisfy { $0.weight == 1 })
        #expect(try campaigns.audit(spotCheckDrawID: first.drawID).replayed == first.drawn)
        let second = try campaigns.drawSpotChecks(
            campaignID: "ZX2024", size: 2, method: .random, seed: 9, act: T.act("2024-11-02"))
        #expect(Set(second.drawn) == ["H1", "H4"] && second.candidates.map(\.institutionID) == ["H1", "H4"])
        #expect(
            T.error {
                try campaigns.drawSpotChecks(campaignID: "ZX2024", size: 1, method: .random, act: T.act("2024-11-03"))
            }?.message.contains("只有 0 家") == true)
        #expect(try campaigns.spotChecks(campaignID: "ZX2024").map(\.institutionID) == ["H1", "H2", "H3", "H4"])
    }

    @Test("weighted draws: 1 + 3 per red, 2 per orange, 1 per yellow finding on the institution or its payments")
    func weights() throws {
        let finding = { (rule: String, severity: Severity, type: SubjectType, subject: String, raised: Bool) in
            StoredFinding(
                finding: Finding(
                    ruleID: rule, severity: severity, regionCode: T.city, subjectType: type, subjectID: subject,
                    amount: Money(fen: 0), detail: "", evidence: []),
                firstRunID: 1, lastRunID: 1, stillRaised: raised, status: .new)
        }
        let findings = [
            finding("R16", .red, .institution, "H2", true),
            finding("R08", .red, .payment, "P1", true),
            finding("R09", .orange, .payment, "P2", true),
            finding("R03", .yellow, .payment, "P3", true),
            finding("R03", .red, .payment, "P4", false),  // no longer raised
            finding("R13", .orange, .case, "C1", true),  // not about an institution
        ]
        let institutionOf = ["P1": "H2", "P2": "H2", "P3": "H1", "P4": "H1"]
        let candidates = SpotCheckDrawer.weights(institutionIDs: ["H3", "H1", "H2"], findings: findings) {
            institutionOf[$0]
        }
        #expect(candidates.map(\.institutionID) == ["H1", "H2", "H3"])
        // H1: 1 + 1 (yellow). H2: 1 + 3 + 3 + 2. H3: 1.
        #expect(candidates.map(\.weight) == [2, 9, 1])
        #expect(candidates[1].basis == "红 2 橙 1 黄 0")
        // Weighted draw of 2 from H1=1, H2=8, H3=1, H4=1 with seed 5 (independent implementation): H2, H3.
        let weighted = [("H1", 1), ("H2", 8), ("H3", 1), ("H4", 1)].map {
            SpotCheckCandidate(institutionID: $0.0, weight: $0.1)
        }
        #expect(try SpotCheckDrawer.select(candidates: weighted, size: 2, seed: 5) == ["H2", "H3"])
        // The heavy institution is drawn first far more often than its share of 1 in 4.
        let firsts = (UInt64(0)..<400).filter {
            (try? SpotCheckDrawer.select(candidates: weighted, size: 1, seed: $0)) == ["H2"]
        }.count
        #expect(firsts > 200)
    }

    @Test("weighted draw through the store reads the findings register")
    func weightedThroughStore() throws {
        let (db, campaigns) = try setUp()
        try submitAll(campaigns)
        try campaigns.startSpotChecks(campaignID: "ZX2024", act: T.act("2024-10-12"))
        _ = try db.store.saveScreeningRun(
            ScreeningRun(asOf: T.today, configuration: ""),
            findings: [
                Finding(
                    ruleID: "R16", severity: .red, regionCode: T.otherCity, subjectType: .institution, subjectID: "H4",
                    amount: Money(fen: 0), detail: "", evidence: [])
            ],
            rulesRun: ["R16"])
        let draw = try campaigns.drawSpotChecks(
            campaignID: "ZX2024", size: 1, method: .weighted, seed: 1, act: T.act("2024-11-01"))
        #expect(draw.candidates.map(\.weight) == [1, 1, 1, 4] && draw.method == .weighted)
    }

    @Test("check results, rectification to closed with evidence; the campaign closes only when all are closed")
    func rectification() throws {
        let (db, campaigns) = try setUp()
        try submitAll(campaigns)
        try campaigns.startSpotChecks(campaignID: "ZX2024", act: T.act("2024-10-12"))
        try campaigns.drawSpotChecks(campaignID: "ZX2024", size: 2, method: .random, seed: 5, act: T.act("2024-11-01"))
        #expect(
            T.error {
                try campaigns.recordCheck(
                    campaignID: "ZX2024", institutionID: "H1", inspectors: ["赵"], problems: [], summary: "x",
                    act: T.act("2024-11-05"))
            }?.kind == .notFound)
        #expect(
            T.error {
                try campaigns.recordCheck(
                    campaignID: "ZX2024", institutionID: "H3", inspectors: [], problems: [], summary: "x",
                    act: T.act("2024-11-05"))
            }?.kind == .invalid)
        let check = try campaigns.recordCheck(
            campaignID: "ZX2024", institutionID: "H3", inspectors: ["赵", "钱"],
            problems: [
                CheckProblem(problemID: "", description: "重复收取检查费", itemID: "C02", amount: Money(fen: 1_250_000))
            ],
            summary: "抽查病历30份", act: T.act("2024-11-05"))
        #expect(check.problems.map(\.problemID) == ["ZX2024/H3#1"])
        try campaigns.recordCheck(
            campaignID: "ZX2024", institutionID: "H2", inspectors: ["孙"], problems: [], summary: "未发现问题",
            act: T.act("2024-11-06"))

        #expect(
            T.error {
                try campaigns.openRectification(
                    campaignID: "ZX2024", institutionID: "H3", problemID: "ZX2024/H3#9", description: "x", owner: "院长",
                    deadline: T.day("2024-12-15"), act: T.act("2024-11-06"))
            }?.kind == .notFound)
        #expect(
            T.error {
                try campaigns.openRectification(
                    campaignID: "ZX2024", institutionID: "H3", description: "退回", owner: " ",
                    deadline: T.day("2024-12-15"), act: T.act("2024-11-06"))
            }?.kind == .invalid)
        let item = try campaigns.openRectification(
            campaignID: "ZX2024", institutionID: "H3", problemID: "ZX2024/H3#1", description: "退回重复收取的费用",
            owner: "H3医保办主任",
            deadline: T.day("2024-12-15"), act: T.act("2024-11-06"))
        #expect(item.rectificationID == "ZX2024-R1" && item.regionCode == T.otherCity)
        #expect(item.isOverdue(asOf: T.today) && !item.isOverdue(asOf: T.day("2024-12-15")))

        let notYet = T.error { try campaigns.close(campaignID: "ZX2024", act: T.act("2024-12-20")) }
        #expect(notYet?.kind == .refused && notYet?.message.contains("ZX2024-R1") == true)
        #expect(
            T.error { try campaigns.closeRectification("ZX2024-R1", evidence: "", act: T.act("2024-12-20")) }?.kind
                == .invalid)
        let closed = try campaigns.closeRectification("ZX2024-R1", evidence: "退款凭证 12500 元", act: T.act("2024-12-20"))
        #expect(closed.state == .closed && closed.closed?.day == T.day("2024-12-20"))
        #expect(try campaigns.history(.rectification, id: "ZX2024-R1").last?.event.detail.contains("逾期整改") == true)
        #expect(
            T.error { try campaigns.closeRectification("ZX2024-R1", evidence: "x", act: T.act("2024-12-21")) }?.kind
                == .refused)
        try campaigns.close(campaignID: "ZX2024", act: T.act("2024-12-21"))
        #expect(try campaigns.campaign("ZX2024")?.state == .closed)
        #expect(
            T.error {
                try campaigns.openRectification(
                    campaignID: "ZX2024", institutionID: "H3", description: "x", owner: "y", deadline: T.today,
                    act: T.act("2024-12-22"))
            }?.kind == .refused)
        #expect(try db.count("rectifications") == 1)
    }

    @Test("the self-inspection report and the risk list, as data and CSV")
    func report() throws {
        let (_, campaigns) = try setUp()
        try submitAll(campaigns, except: ["H1", "H4"])
        try campaigns.answer(
            campaignID: "ZX2024", institutionID: "H1",
            answers: [
                ChecklistAnswer(itemID: "C01", result: .compliant),
                ChecklistAnswer(itemID: "C02", result: .nonCompliant, note: "票据重复, 待查"),
            ],
            act: T.act("2024-10-01"))
        try campaigns.addRisk(
            campaignID: "ZX2024", institutionID: "H1",
            risk: ReportedRisk(description: "票据号未校验", riskPointID: "RP18", measure: "上线校验"), act: T.act("2024-10-01"))
        try campaigns.submit(campaignID: "ZX2024", institutionID: "H1", report: "自查报告", act: T.act("2024-11-02"))
        try campaigns.startSpotChecks(campaignID: "ZX2024", act: T.act("2024-11-03"))
        // Seed 5 draws H3, then H2.
        try campaigns.drawSpotChecks(campaignID: "ZX2024", size: 2, method: .random, seed: 5, act: T.act("2024-11-04"))
        try campaigns.recordCheck(
            campaignID: "ZX2024", institutionID: "H3", inspectors: ["赵"],
            problems: [
                CheckProblem(problemID: "", description: "挂床住院", itemID: nil, amount: Money(fen: 300_000)),
                CheckProblem(problemID: "", description: "重复收费", itemID: "C02", amount: Money(fen: 50_000)),
            ],
            summary: "抽查", act: T.act("2024-11-05"))
        try campaigns.openRectification(
            campaignID: "ZX2024", institutionID: "H3", problemID: "ZX2024/H3#2", description: "退回重复收费", owner: "H3财务科",
            deadline: T.day("2024-12-01"), act: T.act("2024-11-06"))

        let report = try campaigns.report(campaignID: "ZX2024", asOf: T.today)
        #expect(report.submitted == 3 && report.submittedLate == 1)  // H1 on 2024-11-02, after 2024-10-31; H4 never
        #expect(report.items.map(\.nonCompliant) == [0, 1] && report.items.map(\.unanswered) == [1, 1])
        #expect(report.spotCheckDrawn == 2 && report.spotChecked == 1 && report.problems == 2)
        #expect(report.problemAmount == Money(fen: 350_000))
        #expect(report.rectificationsOpen == 1 && report.rectificationsOverdue == 1)
        let h4 = try #require(report.lines.first { $0.institutionID == "H4" })
        #expect(h4.selfInspection == .pending && h4.spotCheck == nil)

        // Risk list: H1's non-compliance and its risk point, H3's unanswered problem, H3's rectification.
        #expect(report.risks.map(\.source) == ["自查", "自查", "抽查", "整改"])
        #expect(report.risks.map(\.institutionID) == ["H1", "H1", "H3", "H3"])
        #expect(
            report.risks[2].description == "挂床住院" && report.risks[3].status == "逾期未整改"
                && report.risks[3].reference == "C02")
        let csv = report.risksCSV.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv[0] == "序号,来源,机构编号,机构名称,统筹地区,检查项目或风险点,风险描述,措施,状态")
        #expect(csv[1] == "1,自查,H1,医院H1,110100,C02,\"票据重复, 待查\",,已报告")
        #expect(csv.count == 6)
        let lines = report.linesCSV.split(separator: "\n")
        #expect(lines.count == 5 && lines[3].hasPrefix("H3,医院H3,110200,已提交,2024-10-11,否,0,0,已检查,2,3500.00,1,0,1"))
    }
}
