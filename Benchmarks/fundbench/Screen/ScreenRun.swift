import ArgumentParser
import Foundation
import FundColumns
import FundModel
import FundStore
import Screening

/// `fundbench screen-run`: the timed screen of `fundbench screen`, in a process of its own.
///
/// A process of its own so that its peak memory (VmHWM) is the screen's alone, not the generator's or the
/// importer's. Phases: `loadScreeningData()` from SQLite, the `Snapshot`, every rule and indicator in one
/// engine run (in parallel, as `fundguard screen` does), then each rule alone, one after the other, for
/// its own time. With `--compared`, only the chosen rules end to end instead (the driver runs that in a
/// second process). Writes the figures as JSON for the driver and the DuckDB comparison.
struct ScreenRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen-run", abstract: "The timed screen of `fundbench screen` (load, snapshot, rules).",
        shouldDisplay: false)

    @Option(help: "The imported database.")
    var db: String

    @Option(name: .customLong("as-of"), help: "The screening date, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "Write the figures to this JSON file.")
    var results: String

    @Flag(help: "Skip timing each rule alone.")
    var noPerRule = false

    @Option(
        help:
            "Only these rules end to end, loading only the tables they need (comma-separated), instead of the full screen."
    )
    var compared: String = ""

    func run() async throws {
        guard let day = Day(iso: asOf) else { throw ValidationError("not a date: \(asOf)") }
        let clock = ContinuousClock()
        var result = ScreenResult(loadAverage: LoadAverage.current)

        let store = try SQLiteFundStore(path: db)
        let engine = ScreeningEngine()
        if !compared.isEmpty {
            try await runCompared(store, engine, day, &result)
            try write(result)
            return
        }
        var cpu = CPUTime.process
        var start = clock.now
        var dataSet: DataSet? = try store.loadScreeningData()
        result.load = PhaseFigure(seconds: ScreenBenchmark.seconds(clock.now - start), cpu: CPUTime.process - cpu)
        result.load.peakBytes = Memory.peak
        result.tableRows = TableRows.count(dataSet!)
        print(result.load.line("load (loadScreeningData from SQLite)"))

        cpu = CPUTime.process
        start = clock.now
        let snapshot = Snapshot(dataSet!)
        result.snapshot = PhaseFigure(
            seconds: ScreenBenchmark.seconds(clock.now - start), cpu: CPUTime.process - cpu)
        result.snapshot.peakBytes = Memory.peak
        print(result.snapshot.line("snapshot (Snapshot(dataSet))"))
        // The rules need only the snapshot (it shares the payment columns it took over from the data
        // set): release the data set's own reference, as `fundguard screen` does.
        dataSet = nil

        cpu = CPUTime.process
        start = clock.now
        let report = await engine.run(snapshot, asOf: day)
        result.rules = PhaseFigure(seconds: ScreenBenchmark.seconds(clock.now - start), cpu: CPUTime.process - cpu)
        result.rules.peakBytes = Memory.peak
        result.findings = report.findings.count
        print(result.rules.line("rules (all rules and indicators, one engine run, in parallel)"))
        for line in report.rules {
            var figure = RuleFigure(
                id: line.ruleID, ran: line.ran, findings: line.findingCount,
                inRunSeconds: ScreenBenchmark.seconds(line.duration),
                rows: RuleCatalog.spec(line.ruleID)?.tables.reduce(0) { $0 + (result.tableRows[$1.rawValue] ?? 0) } ?? 0
            )
            figure.notRun = line.notRun?.description
            result.perRule.append(figure)
        }

        if !noPerRule {
            // Each rule alone: its own time, without the other rules competing for the two cores.
            for index in result.perRule.indices where result.perRule[index].ran {
                let id = result.perRule[index].id
                let started = clock.now
                let alone = await engine.run(snapshot, asOf: day, only: [id])
                result.perRule[index].aloneSeconds = ScreenBenchmark.seconds(clock.now - started)
                if alone.rule(id)?.findingCount != result.perRule[index].findings {
                    print(
                        "warning: \(id) found \(alone.rule(id)?.findingCount ?? -1) alone, \(result.perRule[index].findings) in the full run"
                    )
                }
            }
        }
        result.peakBytes = Memory.peak
        result.payments = result.tableRows[Table.payments.rawValue] ?? 0

        for figure in result.perRule {
            print(figure.line)
        }
        print(
            "screen total (load + snapshot + rules): \(ScreenBenchmark.format(result.total)) s; "
                + "peak memory (VmHWM) \(Memory.format(result.peakBytes)); findings \(result.findings)")
        try write(result)
    }

    /// The `--compared` rules as `fundguard screen --rules` runs them: load the tables they need, snapshot,
    /// one engine run — the counterpart of DuckDB reading its CSV files and running its queries. Each step
    /// is timed too, to show where the time goes.
    private func runCompared(
        _ store: SQLiteFundStore, _ engine: ScreeningEngine, _ day: Day, _ result: inout ScreenResult
    ) async throws {
        let chosen = Set(compared.split(separator: ",").map(String.init))
        let clock = ContinuousClock()
        let cpu = CPUTime.process
        let start = clock.now
        let data = try store.loadScreeningData(tables: RuleCatalog.tablesToLoad(for: chosen))
        let loaded = clock.now
        let snapshot = Snapshot(data)
        let built = clock.now
        let report = await engine.run(snapshot, asOf: day, only: chosen)
        let end = clock.now
        result.compared = PhaseFigure(seconds: ScreenBenchmark.seconds(end - start), cpu: CPUTime.process - cpu)
        result.compared!.peakBytes = Memory.peak
        result.comparedSteps = [
            ScreenBenchmark.seconds(loaded - start), ScreenBenchmark.seconds(built - loaded),
            ScreenBenchmark.seconds(end - built),
        ]
        result.comparedRules = chosen.sorted()
        result.comparedFindings = report.findings.count
        print(
            result.compared!.line(
                "the \(chosen.count) compared rules end to end (load what they need + snapshot + one run)"))
        print(
            "  of which load \(ScreenBenchmark.format(result.comparedSteps[0])) s, "
                + "snapshot \(ScreenBenchmark.format(result.comparedSteps[1])) s, "
                + "rules \(ScreenBenchmark.format(result.comparedSteps[2])) s; \(report.findings.count) findings")
    }

    private func write(_ result: ScreenResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(result).write(to: URL(fileURLWithPath: results))
    }
}

/// The figures of one screen, as JSON for the driver and for Benchmarks/duckdb/screen_duckdb.py.
struct ScreenResult: Codable {
    var loadAverage: String
    var load = PhaseFigure()
    var snapshot = PhaseFigure()
    var rules = PhaseFigure()
    var payments = 0
    var findings = 0
    var peakBytes = 0
    var tableRows: [String: Int] = [:]
    var perRule: [RuleFigure] = []
    /// The compared rules screened end to end on the tables they need (`--compared`).
    var compared: PhaseFigure?
    var comparedRules: [String] = []
    var comparedFindings = 0
    /// The compared phase's load, snapshot and rules (wall seconds).
    var comparedSteps: [Double] = []

    /// The whole screen: load + snapshot + rules (wall seconds).
    var total: Double { load.seconds + snapshot.seconds + rules.seconds }

    /// Copies the compared phase of one results file (`--compared`) into another (the full screen's),
    /// which Benchmarks/duckdb/screen_duckdb.py reads.
    static func takeCompared(from source: String, into target: String) throws {
        let decoder = JSONDecoder()
        let compared = try decoder.decode(ScreenResult.self, from: Data(contentsOf: URL(fileURLWithPath: source)))
        var result = try decoder.decode(ScreenResult.self, from: Data(contentsOf: URL(fileURLWithPath: target)))
        result.compared = compared.compared
        result.comparedSteps = compared.comparedSteps
        result.comparedRules = compared.comparedRules
        result.comparedFindings = compared.comparedFindings
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(result).write(to: URL(fileURLWithPath: target))
    }
}

/// Wall and CPU seconds of a phase, and the process's peak memory at its end.
struct PhaseFigure: Codable {
    var seconds = 0.0
    var cpu = 0.0
    var peakBytes = 0

    func line(_ label: String) -> String {
        "\(label): \(ScreenBenchmark.format(seconds)) s (CPU \(ScreenBenchmark.format(cpu)) s); "
            + "peak memory so far \(Memory.format(peakBytes))"
    }
}

/// One rule's figures: its findings, its time inside the parallel run, and alone.
struct RuleFigure: Codable {
    var id: String
    var ran: Bool
    var notRun: String?
    var findings: Int
    /// Wall time of the rule's task inside the run of all rules (the rules share the cores).
    var inRunSeconds: Double
    /// Wall time of an engine run of this rule alone (nil when not measured).
    var aloneSeconds: Double?
    /// Rows of the tables the rule reads (RuleSpec.tables).
    var rows: Int

    var line: String {
        guard ran else { return "  \(id): not run (\(notRun ?? ""))" }
        let alone =
            aloneSeconds.map {
                "alone \(ScreenBenchmark.format($0, places: 3)) s = \(ScreenBenchmark.rate(rows, $0)) rows/s"
            } ?? ""
        return "  \(id): \(findings) findings; in the full run \(ScreenBenchmark.format(inRunSeconds, places: 3)) s; "
            + alone + " (\(rows) rows read)"
    }
}

/// Rows per table of a data set (by interchange file name without .csv).
enum TableRows {
    static func count(_ data: DataSet) -> [String: Int] {
        var rows: [Table: Int?] = [:]
        rows[.regions] = data.regions.count
        rows[.parameters] = data.parameters?.count
        rows[.employers] = data.employers?.count
        rows[.workers] = data.workers?.count
        rows[.wages] = data.wages?.count
        rows[.injuryCases] = data.cases?.count
        rows[.assessments] = data.assessments?.count
        rows[.experts] = data.experts?.count
        rows[.dependents] = data.dependents?.count
        rows[.institutions] = data.institutions?.count
        rows[.agreements] = data.agreements?.count
        rows[.benefitItems] = data.benefitItems?.count
        rows[.payments] = data.paymentTable?.count ?? data.payments?.count
        rows[.fundLedger] = data.fundLedger?.count
        rows[.deaths] = data.deaths?.count
        rows[.medicalInsurance] = data.medicalInsurance?.count
        rows[.pensions] = data.pensions?.count
        rows[.healthVisits] = data.healthVisits?.count
        rows[.trafficAccidents] = data.trafficAccidents?.count
        rows[.imprisonments] = data.imprisonments?.count
        var result: [String: Int] = [:]
        for (table, count) in rows { if let count { result[table.rawValue] = count } }
        return result
    }
}

/// The 1, 5 and 15 minute load averages (/proc/loadavg): how busy the shared machine was.
enum LoadAverage {
    static var current: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
