import ArgumentParser
import DemoData
import Foundation
import FundModel
import FundStore
import Screening

/// `fundbench screen`: the demo province at scale, generated, imported and screened with every rule,
/// then the same rules as SQL in DuckDB over the same CSV files, side by side (BENCHMARKS.md "Screening").
///
/// 1. Generates the province with `DemoProvinceGenerator` into `DIR/data` (interchange CSV files).
/// 2. Imports the directory with `Importer` into `DIR/fundguard.sqlite`.
/// 3. Screens it in a child process (`fundbench screen-run`, so that its peak memory is the screen's
///    alone): `loadDataSet()`, `Snapshot`, one engine run of every rule and indicator, then each rule alone.
/// 4. Runs Benchmarks/duckdb/screen_duckdb.py on the same CSV files right after, which prints both
///    side by side and checks that both find as many findings per rule.
struct ScreenBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screening speed: the demo province generated, imported and screened; against DuckDB.")

    @Option(help: "Workers of the demo province.")
    var workers = 1_000_000

    @Option(help: "Years of payment history before the as-of year (DemoOptions.historyYears; 3 in the demo).")
    var historyYears = 8

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Working directory (created; the data set and the database are written there).")
    var directory = "bench-data/screen"

    @Flag(help: "Reuse the data set and database of an earlier run in the directory (skip generate and import).")
    var reuse = false

    @Flag(help: "Keep the generated files and the database.")
    var keep = false

    @Flag(help: "Skip timing each rule alone.")
    var noPerRule = false

    @Option(help: "The DuckDB comparison script; empty to skip it.")
    var duckdb = "Benchmarks/duckdb/screen_duckdb.py"

    @Option(help: "The Python interpreter for the DuckDB script.")
    var python = "python3"

    func validate() throws {
        guard (1...DemoOptions.maximumHistoryYears).contains(historyYears) else {
            throw ValidationError("--history-years: 1 to \(DemoOptions.maximumHistoryYears)")
        }
    }

    func run() throws {
        let fm = FileManager.default
        let dataDirectory = directory + "/data"
        let database = directory + "/fundguard.sqlite"
        let options = DemoOptions(workers: workers, seed: seed, historyYears: historyYears)
        let clock = ContinuousClock()
        print("fundbench screen: \(workers) workers, \(historyYears) years of payments, seed \(seed)")
        print("machine: \(Machine.description); load average \(LoadAverage.current)")

        if !reuse {
            try? fm.removeItem(atPath: directory)
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)

            var cpu = CPUTime.process
            var start = clock.now
            let sink = try CSVDirectorySink(directory: dataDirectory)
            let report = try DemoProvinceGenerator(options: options).generate(into: sink)
            var seconds = Self.seconds(clock.now - start)
            let payments = report.manifest.rowCounts[.payments] ?? 0
            let total = report.manifest.rowCounts.values.reduce(0, +)
            print(
                "generate: \(Self.format(seconds)) s (CPU \(Self.format(CPUTime.process - cpu)) s); \(payments) payments, "
                    + "\(total) rows in all = \(Self.rate(total, seconds)) rows/s; \(Self.megabytes(dataDirectory)) MB of CSV; "
                    + "peak memory \(Memory.format(Memory.peak))")

            cpu = CPUTime.process
            start = clock.now
            let store = try SQLiteFundStore(path: database)
            let summary = try Importer(store: store).importDirectory(dataDirectory)
            seconds = Self.seconds(clock.now - start)
            guard summary.rowsRejected == 0 else {
                throw ValidationError("the import rejected \(summary.rowsRejected) rows:\n\(summary.text)")
            }
            print(
                "import: \(Self.format(seconds)) s (CPU \(Self.format(CPUTime.process - cpu)) s); "
                    + "\(summary.rowsImported) rows = \(Self.rate(summary.rowsImported, seconds)) rows/s; "
                    + "peak memory \(Memory.format(Memory.peak))")
        }

        let results = directory + "/fundguard-results.json"
        var arguments = ["screen-run", "--db", database, "--as-of", options.asOf.iso, "--results", results]
        if noPerRule { arguments.append("--no-per-rule") }
        let warmedDatabase = PageCache.warm([database, database + "-wal"])
        print(
            "-- screen (child process; load average \(LoadAverage.current); \(warmedDatabase) MB of database read first)"
        )
        try Self.runChild(executable: CommandLine.arguments[0], arguments: arguments)

        if !duckdb.isEmpty {
            // The compared rules end to end in a process of their own, as `fundguard screen --rules` runs
            // them (and as DuckDB runs in its own): their time and peak memory are theirs alone.
            let comparedResults = directory + "/fundguard-compared.json"
            print(
                "-- the \(Self.duckDBRules.count) compared rules end to end (child process; load average \(LoadAverage.current))"
            )
            try Self.runChild(
                executable: CommandLine.arguments[0],
                arguments: [
                    "screen-run", "--db", database, "--as-of", options.asOf.iso, "--results", comparedResults,
                    "--compared", Self.duckDBRules.joined(separator: ","),
                ])
            try ScreenResult.takeCompared(from: comparedResults, into: results)

            let warmedCSV = PageCache.warm(PageCache.files(in: dataDirectory))
            print(
                "-- DuckDB on the same CSV files (load average \(LoadAverage.current); \(warmedCSV) MB of CSV read first)"
            )
            try Self.runChild(
                executable: "/usr/bin/env",
                arguments: [
                    python, duckdb, "--data", dataDirectory, "--as-of", options.asOf.iso, "--fundguard", results,
                ])
        }
        if !keep { try? fm.removeItem(atPath: directory) }
    }

    /// The rules that Benchmarks/duckdb/screen_duckdb.py also writes as SQL (its `RULES`): every rule and
    /// indicator but I08 and I09, which read the findings' verification register that no CSV file holds.
    static let duckDBRules = RuleCatalog.all.map(\.id).filter { $0 != "I08" && $0 != "I09" }

    /// Runs a child process with this process's standard output and error; fails if it fails.
    static func runChild(executable: String, arguments: [String]) throws {
        fflush(nil)  // our lines first, then the child's (flushes every stream)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(executable) \(arguments.first ?? "") failed (\(process.terminationStatus))")
        }
    }

    static func megabytes(_ directory: String) -> Int {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        let bytes = names.reduce(0) {
            $0 + ((try? fm.attributesOfItem(atPath: directory + "/" + $1)[.size] as? Int) ?? 0)
        }
        return bytes / 1_000_000
    }

    static func seconds(_ duration: Duration) -> Double { ImportBenchmark.seconds(duration) }

    static func format(_ value: Double, places: Int = 2) -> String { ImportBenchmark.format(value, places: places) }

    static func rate(_ rows: Int, _ seconds: Double) -> Int { seconds > 0 ? Int(Double(rows) / seconds) : 0 }
}
