import DemoData
import FundModel
import Screening
import Testing

/// `fundguard screen --rules …` loads only the tables the chosen rules need (RuleCatalog.tablesToLoad):
/// each rule screened alone on that reduced data set must find exactly what it finds on all the data.
@Suite("Screening chosen rules on the tables they need")
struct TablesToLoadTests {
    @Test("every rule and indicator alone, on its reduced data set, finds the same as on the whole")
    func sameFindings() async throws {
        let options = DemoOptions(workers: 2_000, seed: 9)
        let (data, _) = try DemoProvinceGenerator.dataSet(options: options)
        let whole = await ScreeningEngine().run(Snapshot(data), asOf: options.asOf)
        var reducedSomething = false
        for spec in RuleCatalog.all {
            let tables = try #require(RuleCatalog.tablesToLoad(for: [spec.id]))
            var reduced = data
            if !tables.contains(.wages) { reduced.wages = nil }
            if !tables.contains(.healthVisits) { reduced.healthVisits = nil }
            if !tables.contains(.assessments) { reduced.assessments = nil }
            if !tables.contains(.workers) { reduced.workers = nil }
            if !tables.contains(.injuryCases) { reduced.cases = nil }
            reducedSomething = reducedSomething || reduced.wages == nil || reduced.healthVisits == nil
            let alone = await ScreeningEngine().run(Snapshot(reduced), asOf: options.asOf, only: [spec.id])
            #expect(alone.rule(spec.id)?.ran == whole.rule(spec.id)?.ran, "\(spec.id)")
            let key = { (f: Finding) in "\(f.findingID)|\(f.severity)|\(f.amount)|\(f.detail)" }
            #expect(
                Set(alone.findings.map(key)) == Set(whole.findings.filter { $0.ruleID == spec.id }.map(key)),
                "\(spec.id)")
        }
        #expect(reducedSomething)
    }

    @Test("the tables of chosen rules: the large optional tables only when a chosen rule requires them")
    func tables() throws {
        #expect(RuleCatalog.tablesToLoad(for: nil) == nil)
        #expect(RuleCatalog.tablesToLoad(for: Set(RuleCatalog.all.map(\.id))) == nil)
        let r03 = try #require(RuleCatalog.tablesToLoad(for: ["R03"]))
        #expect(!r03.contains(.wages) && !r03.contains(.healthVisits))
        #expect(!r03.contains(.workers) && !r03.contains(.injuryCases) && !r03.contains(.assessments))
        #expect(r03.contains(.payments) && r03.contains(.benefitItems) && r03.contains(.dependents))
        let dq01 = try #require(RuleCatalog.tablesToLoad(for: ["DQ01", "R11"]))
        #expect(dq01.contains(.workers) && dq01.contains(.injuryCases) && !dq01.contains(.assessments))
        let r25 = try #require(RuleCatalog.tablesToLoad(for: ["R25", "R03"]))
        #expect(r25.contains(.wages) && !r25.contains(.healthVisits))
        #expect(RuleCatalog.tablesToLoad(for: ["R22", "R25"])?.contains(.workers) == false)
        #expect(RuleCatalog.tablesToLoad(for: ["R22", "R25", "DQ01"]) == nil)
        #expect(RuleCatalog.tablesToLoad(for: ["NO-SUCH-RULE"]) == nil)
    }
}
