import Casework
import Foundation
import FundModel
import FundRules
import FundStore
import Hummingbird

@testable import FundServer

/// The test province with casework: experts, institutions and agreements imported, and files in the registers,
/// dated back from today (the server's clock).
enum CaseworkWorld {
    static var today: Day { Formatting.today() }
    static func day(_ offset: Int) -> Day { today.adding(days: offset) }
    /// The statutory deadline `offset` days from today: moved off a day off of the shipped calendar (民法典 203).
    static func due(_ offset: Int) -> Day { WorkingCalendar.national.deadline(lastDay: day(offset)) }

    static func make() throws -> TestWorld {
        let world = try TestWorld()
        let data = world.directory + "/casework"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let files: [String: String] = [
            "experts.csv": """
            expert_id,name,specialty,institution_id,region_code
            X1,甲专家,骨科,H1,320100
            X2,乙专家,骨科,,320100
            X3,丙专家,骨科,,320100
            X4,丁专家,骨科,,320100
            X5,戊专家,神经外科,,320100
            X9,己专家,骨科,,320200

            """,
            "institutions.csv": """
            institution_id,name,kind,region_code,grade
            H1,南京第一医院,medical,320100,三级甲等
            H2,无锡医院,medical,320200,二级
            H3,南京康复中心,rehab,320100,

            """,
            "agreements.csv": """
            agreement_id,institution_id,services,start_date,end_date,status
            AG1,H1,medical,\(day(-300).iso),\(day(20).iso),active
            AG2,H2,medical,\(day(-300).iso),\(day(700).iso),active
            AG3,H3,rehab,\(day(-300).iso),\(day(700).iso),active

            """,
        ]
        for (name, text) in files { try text.write(toFile: data + "/" + name, atomically: true, encoding: .utf8) }
        _ = try Importer(store: world.store).importDirectory(data, options: ImportOptions(rejectsDirectory: data))

        let casework = Casework(store: world.store, today: { Formatting.today() })
        func act(_ offset: Int, _ reason: String? = nil) -> CaseworkAct {
            CaseworkAct(actor: "测试", day: day(offset), reason: reason)
        }
        func application(_ id: String, _ worker: PersonID, _ region: RegionCode, _ accident: Int)
            -> DeterminationApplication
        {
            DeterminationApplication(
                caseID: id, workerID: worker, employerID: region == TestWorld.nanjing ? "E1" : "E2",
                regionCode: region, kind: .injury, accidentDate: day(accident), fatal: false, applicant: .employer,
                materials: DeterminationMaterial.allCases)
        }
        let d = casework.determinations
        try d.open(application("D-NJ-1", TestWorld.worker1, TestWorld.nanjing, -10), act: act(-3))
        try d.open(application("D-WX-1", TestWorld.worker3, TestWorld.wuxi, -10), act: act(-2))
        try d.open(application("D-NJ-OLD", TestWorld.worker1, TestWorld.nanjing, -110), act: act(-100))
        try d.apply(.accept(clearCase: false), caseID: "D-NJ-OLD", act: act(-90))
        try d.open(application("D-NJ-DONE", TestWorld.worker1, TestWorld.nanjing, -45), act: act(-40))
        try d.apply(.accept(clearCase: false), caseID: "D-NJ-DONE", act: act(-39))
        try d.apply(
            .decide(outcome: .recognized, basis: StatuteBasis(article: 14, item: 1), injuredParts: ["右手"]),
            caseID: "D-NJ-DONE", act: act(-20))
        try casework.assessments.open(
            AssessmentApplication(
                assessmentID: "A-NJ-1", caseID: "D-NJ-DONE", kind: .initial, applicant: .worker, hospitalID: "H1",
                specialties: ["骨科"], materials: AssessmentMaterial.checklist(for: .initial)),
            act: act(-10))
        try casework.campaigns.open(
            CampaignPlan(
                campaignID: "CP1", title: "2026年协议机构专项检查", regionCode: RegionCode("320000")!,
                selfInspectionDue: day(0), checklist: Array(CampaignPlan.defaultChecklist.prefix(2))),
            act: act(-5))
        return world
    }

    /// The history rows of a determination (to check that a refused step wrote nothing).
    static func historyCount(_ world: TestWorld, determination id: String) throws -> Int {
        try Casework(store: world.store).determinations.history(id).count
    }

    /// Every history row of every register: a step that writes anything writes one, so an unchanged total means
    /// nothing was written.
    static func historyTotal(_ world: TestWorld) throws -> Int {
        try Casework(store: world.store).recentHistory(limit: 1_000_000).count
    }

    /// A campaign of 无锡 alone (institution H2), which a 南京 handler may not see.
    static let wuxiCampaign = "CP-WX"

    static func openWuxiCampaign(_ world: TestWorld) throws {
        try Casework(store: world.store, today: { Formatting.today() }).campaigns.open(
            CampaignPlan(
                campaignID: wuxiCampaign, title: "无锡协议机构检查", regionCode: TestWorld.wuxi, selfInspectionDue: day(10),
                checklist: Array(CampaignPlan.defaultChecklist.prefix(1))),
            act: CaseworkAct(actor: "测试", day: day(-1), reason: nil))
    }
}
