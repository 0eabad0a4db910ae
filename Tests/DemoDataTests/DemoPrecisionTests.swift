import DemoData
import FundModel
import Testing

/// The demo province against the reference reading of every rule: each planted row is found, and nothing
/// else is (the end-to-end requirement on the Screening module, checked here before it exists).
@Suite("Demo province: plants fire, background stays clean")
struct DemoPrecisionTests {
    static let cases: [(workers: Int, seed: UInt64)] = [(3_000, 1), (5_000, 1), (5_000, 7)]

    @Test("every rule finds exactly its planted rows", arguments: [0, 1, 2])
    func exactlyThePlants(_ index: Int) throws {
        let (workers, seed) = Self.cases[index]
        let options = DemoOptions(workers: workers, seed: seed)
        let (data, report) = try DemoProvinceGenerator.dataSet(options: options)
        #expect(report.skippedPlants.isEmpty, "plants without a host: \(report.skippedPlants)")
        let truth = Dictionary(grouping: report.groundTruth.rows, by: \.ruleID).mapValues { Set($0.map(\.key)) }
        let broad = ReferenceScreen(data, asOf: options.asOf, broad: true).run()
        let narrow = ReferenceScreen(data, asOf: options.asOf, broad: false).run()
        let numbered: [String] = (1...27).map { (n: Int) -> String in n < 10 ? "R0\(n)" : "R\(n)" }
        let indicators: [String] = (1...7).map { (n: Int) -> String in "I0\(n)" }
        let rules = ["DQ01"] + numbered + indicators
        for rule in rules {
            let planted = truth[rule] ?? []
            #expect(!planted.isEmpty, "\(rule): nothing planted")
            let extra = (broad[rule] ?? []).subtracting(planted)
            let missed = planted.subtracting(narrow[rule] ?? [])
            #expect(
                extra.isEmpty,
                "\(rule) fires outside the ground truth (\(workers) workers, seed \(seed)): \(extra.sorted().prefix(8))"
            )
            #expect(
                missed.isEmpty,
                "\(rule) misses planted rows (\(workers) workers, seed \(seed)): \(missed.sorted().prefix(8))")
        }
    }
}
