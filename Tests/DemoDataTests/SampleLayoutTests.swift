import DemoData
import FundModel
import Testing

@Suite("Demo province: the small sample layout")
struct SampleLayoutTests {
    @Test("thirty workers: two cities, every file, a few plants")
    func sample() throws {
        let (data, report) = try DemoProvinceGenerator.dataSet(options: DemoOptions(workers: 30, seed: 1))
        #expect(data.workers!.count == 30)
        #expect(data.regions.filter { $0.level == .city }.count == 2)
        #expect(!report.manifest.plantsEveryRule)
        #expect(!data.cases!.isEmpty && !data.payments!.isEmpty && !data.assessments!.isEmpty)
        #expect(report.groundTruth.rows.count >= 3)
        #expect(report.groundTruth.ruleIDs.contains("DQ01"))
    }
}
