import DemoData
import FundModel
import Screening
import Testing

/// The demo province screened by the real engine with the default rules: for every rule and indicator,
/// every planted row is found (recall 1.0) and nothing else is (precision 1.0).
@Suite("Demo province screened end to end")
struct ScreeningEndToEndTests {
    @Test("every planted row is found and nothing else", arguments: [(3_000, UInt64(4)), (6_000, UInt64(5))])
    func recallAndPrecision(_ size: (workers: Int, seed: UInt64)) async throws {
        let options = DemoOptions(workers: size.workers, seed: size.seed)
        let (data, report) = try DemoProvinceGenerator.dataSet(options: options)
        #expect(report.skippedPlants.isEmpty)
        let result = await ScreeningEngine().run(Snapshot(data), asOf: options.asOf)
        let found = Dictionary(grouping: result.findings, by: \.ruleID).mapValues {
            Set($0.map { "\($0.ruleID)|\($0.subjectType.rawValue)|\($0.subjectID)" })
        }
        let planted = Dictionary(grouping: report.groundTruth.rows, by: \.ruleID).mapValues { Set($0.map(\.key)) }
        for rule in Set(found.keys).union(planted.keys).sorted() {
            let missed = (planted[rule] ?? []).subtracting(found[rule] ?? [])
            let extra = (found[rule] ?? []).subtracting(planted[rule] ?? [])
            #expect(missed.isEmpty, "\(rule) misses \(missed.sorted().prefix(5))")
            #expect(extra.isEmpty, "\(rule) finds outside the ground truth: \(extra.sorted().prefix(5))")
        }
        for rule in result.rules where planted[rule.ruleID] != nil { #expect(rule.ran, "\(rule.ruleID) did not run") }
    }
}
