import FundModel
import Screening
import Testing

@testable import Casework

@Suite("RiskInventory: the maintained 风险点清单 and the rules that watch it")
struct RiskInventoryTests {
    @Test("every rule and indicator of rules.md watches some point, and every point names real rules")
    func coversTheCatalogue() {
        let named = Set(DefaultRiskInventory.points.flatMap(\.rules))
        for id in named { #expect(RuleCatalog.spec(id) != nil, "unknown rule \(id)") }
        let all = Set(RuleCatalog.all.map(\.id))
        #expect(all.subtracting(named).isEmpty, "rules without a risk point: \(all.subtracting(named).sorted())")
        let ids = DefaultRiskInventory.points.map(\.riskPointID)
        #expect(Set(ids).count == ids.count)
        #expect(Set(DefaultRiskInventory.points.map(\.step)) == Set(ProcessStep.allCases))
    }

    @Test("seeded once, edited with reasons, retired but kept; the view by rule")
    func maintain() throws {
        let db = try TestStore()
        let inventory = db.casework().riskInventory
        #expect(try inventory.seedDefaults(act: T.act("2024-01-02")) == DefaultRiskInventory.points.count)
        #expect(T.error { try inventory.seedDefaults(act: T.act("2024-01-03")) }?.kind == .refused)
        #expect(try inventory.points().count == DefaultRiskInventory.points.count)

        var point = try #require(try inventory.point("RP09"))
        point.owner = "鉴定委员会办公室"
        point.rules = ["r18", "R17", "R18"]
        #expect(T.error { try inventory.update(point, act: T.act("2024-02-01")) }?.kind == .invalid)
        let updated = try inventory.update(point, act: T.act("2024-02-01", reason: "机构改革"))
        #expect(updated.version == 2 && updated.rules == ["R18", "R17"] && updated.owner == "鉴定委员会办公室")

        try inventory.add(
            RiskPoint(
                riskPointID: "RP90", step: .assessment, risk: "鉴定费收支不规范", rules: [], controls: "财务审核", owner: "财务科"),
            act: T.act("2024-02-02"))
        #expect(
            T.error {
                try inventory.add(
                    RiskPoint(riskPointID: "RP91", step: .payment, risk: "x", rules: [], controls: "", owner: "y"),
                    act: T.act("2024-02-02"))
            }?.kind == .invalid)
        try inventory.retire("RP24", act: T.act("2024-03-01", reason: "并入RP23"))
        #expect(try inventory.point("RP24")?.active == false)
        #expect(try inventory.activePoints().count == DefaultRiskInventory.points.count)  // +RP90 −RP24
        #expect(try inventory.pointsByRule()["I03"] == nil)
        #expect(try inventory.pointsByRule()["R17"]?.map(\.riskPointID) == ["RP08", "RP09"])
        #expect(try inventory.history("RP09").map(\.event.action) == ["add", "update"])
        #expect(RiskInventory.csv(try inventory.points()).hasPrefix("编号,环节,风险点,监控规则,防控措施,责任部门,状态\nRP01,参保登记与缴费,"))
    }
}

@Suite("Casework CSV downloads are formula-safe (issue 11)")
struct CaseworkCSVFormulaTests {
    @Test("a risk point typed as a formula is neutralised in 风险点清单 CSV")
    func riskPointsCSV() {
        let csv = RiskInventory.csv([
            RiskPoint(
                riskPointID: "RP99", step: .payment, risk: "=HYPERLINK(\"http://evil.example\")", rules: ["R03"],
                controls: "+cmd|' /C calc'!A0", owner: "@财务科")
        ])
        let line = String(csv.split(separator: "\n")[1])
        #expect(line.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""))
        #expect(line.contains(",'+cmd|' /C calc'!A0,'@财务科,"))
    }
}
