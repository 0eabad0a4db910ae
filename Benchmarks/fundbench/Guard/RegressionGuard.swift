import ArgumentParser
import DemoData
import Foundation
import FundModel
import FundStore
import Screening

/// `fundbench guard`: the regression guard CI runs (issue 15), in the manner of swift-nio's allocation
/// thresholds: a small, fixed workload whose cost, relative to a baseline measured in the same process, must stay
/// under a figure kept in the repository (`Benchmarks/thresholds.json`).
///
/// Times on a shared machine wander by 2× from run to run; a ratio to a baseline that runs under the same load,
/// in the same build, moves much less. The workloads are the demo province of `--workers` (20 000 by default,
/// seed 1, three years of history), generated in memory once, then:
/// - `import`: the importer reading the CSV files into a new SQLite database;
/// - `screen`: the whole screen from that database (load, snapshot, every rule and indicator in one run).
///
/// The baseline is fixed work of the same kind as the screen's — hashing strings into a dictionary and sorting
/// integers — that no change to FundGuard touches. Each figure is the least of `--repeats` runs (the run least
/// disturbed by the rest of the machine), and the ratio is that of the least times.
struct RegressionGuard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard",
        abstract: "The CI regression guard: a small import and screen against a fixed baseline, with thresholds.")

    @Option(help: "Workers of the demo province.")
    var workers = 20_000

    @Option(help: "Runs of each workload; the least time counts.")
    var repeats = 3

    @Option(help: "The thresholds file (JSON: build configuration → workload → highest ratio allowed).")
    var thresholds = "Benchmarks/thresholds.json"

    @Option(help: "Working directory (created and removed).")
    var directory = NSTemporaryDirectory() + "fundbench-guard"

    @Flag(help: "Print the ratios only; do not compare with the thresholds.")
    var measureOnly = false

    #if DEBUG
        static let build = "debug"
    #else
        static let build = "release"
    #endif

    func run() async throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: directory) }

        let options = DemoOptions(workers: workers, seed: 1, historyYears: 3)
        let data = directory + "/data"
        let sink = try CSVDirectorySink(directory: data)
        _ = try DemoProvinceGenerator(options: options).generate(into: sink)
        print("fundbench guard (\(Self.build) build): \(workers) workers; load average \(LoadAverage.current)")

        var baseline: [Double] = []
        var imports: [Double] = []
        var screens: [Double] = []
        var findings = Set<Int>()
        for round in 0..<repeats {
            baseline.append(Self.time { Baseline.run() })
            let database = "\(directory)/guard-\(round).sqlite"
            imports.append(
                try Self.time {
                    let summary = try Importer(store: try SQLiteFundStore(path: database)).importDirectory(data)
                    guard summary.rowsRejected == 0 else {
                        throw ValidationError("the import rejected \(summary.rowsRejected) rows:\n\(summary.text)")
                    }
                })
            let store = try SQLiteFundStore(path: database)
            let clock = ContinuousClock()
            let start = clock.now
            let report = await ScreeningEngine().run(Snapshot(try store.loadScreeningData()), asOf: options.asOf)
            screens.append(ScreenBenchmark.seconds(clock.now - start))
            findings.insert(report.findings.count)
        }
        // The same data gives the same findings every time: a guard that screened differently would be wrong.
        guard findings.count == 1 else { throw ValidationError("the findings differ between runs: \(findings)") }

        let base = baseline.min()!
        let ratios = ["import": imports.min()! / base, "screen": screens.min()! / base]
        print(
            "baseline \(ScreenBenchmark.format(base, places: 3)) s; import \(ScreenBenchmark.format(imports.min()!)) s; "
                + "screen \(ScreenBenchmark.format(screens.min()!)) s (\(findings.first!) findings); "
                + "least of \(repeats) runs each")
        if measureOnly {
            for (name, ratio) in ratios.sorted(by: { $0.key < $1.key }) {
                print("  \(name): \(ScreenBenchmark.format(ratio)) × baseline")
            }
            return
        }
        let limits = try Self.limits(thresholds)
        var failed: [String] = []
        for (name, ratio) in ratios.sorted(by: { $0.key < $1.key }) {
            guard let limit = limits[name] else { throw ValidationError("\(thresholds): no threshold for \(name)") }
            let ok = ratio <= limit
            if !ok { failed.append(name) }
            print(
                "  \(name): \(ScreenBenchmark.format(ratio)) × baseline (threshold \(ScreenBenchmark.format(limit))) "
                    + (ok ? "ok" : "REGRESSION"))
        }
        if !failed.isEmpty {
            throw ValidationError("slower than the thresholds in \(thresholds): \(failed.joined(separator: ", "))")
        }
    }

    /// The thresholds of this build configuration.
    static func limits(_ path: String) throws -> [String: Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let all = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let mine = all[build] as? [String: Any]
        else { throw ValidationError("\(path): no \"\(build)\" object") }
        var limits: [String: Double] = [:]
        for (name, value) in mine {
            guard let number = value as? NSNumber else { continue }  // e.g. a "note" string
            limits[name] = number.doubleValue
        }
        return limits
    }

    static func time(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        return ScreenBenchmark.seconds(clock.now - start)
    }
}

/// The fixed baseline work: string hashing into a dictionary and an integer sort, sized to take about as long as
/// the guard's screen in a debug build. Nothing of FundGuard runs in it.
enum Baseline {
    static func run() {
        var generator = SplitMix(seed: 42)
        var counts: [String: Int] = [:]
        for _ in 0..<200_000 {
            counts["P\(generator.next() % 50_000)", default: 0] += 1
        }
        var numbers = (0..<1_000_000).map { _ in generator.next() }
        numbers.sort()
        blackHole(counts.count &+ Int(truncatingIfNeeded: numbers[numbers.count / 2]))
    }

    /// Keeps the optimizer from dropping the work.
    @inline(never) static func blackHole(_ value: Int) {
        if value == Int.min { print(value) }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
