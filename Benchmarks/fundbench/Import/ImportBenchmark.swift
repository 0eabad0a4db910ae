import ArgumentParser
import Foundation
import FundModel
import FundStore

/// `fundbench import`: CSV → SQLite import speed, next to SQLite's own ceiling.
///
/// 1. Generates payments.csv with N rows (and the small files it refers to).
/// 2. Imports the directory with `Importer` into a new database: end-to-end
///    payment rows per second (parse, check, insert, index, reference checks, commit).
/// 3. Measures what SQLite itself can do on the same machine: the `sqlite3`
///    shell inserts N rows of the same widths into the same payments schema
///    with `INSERT … SELECT` from `generate_series` (a recursive CTE where the
///    shell lacks it), with the same bulk procedure as the importer (secondary
///    indexes dropped and rebuilt, one transaction, WAL, checkpoint).
/// The ratio says how close the importer comes to the ceiling.
struct ImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import speed: payments.csv into SQLite, against the sqlite3 shell's ceiling.")

    @Option(help: "Payment rows to generate and import.")
    var rows = 1_000_000

    @Option(help: "Working directory (created; the data set and databases are written there).")
    var directory = "bench-data/import"

    @Flag(help: "Keep the generated files and databases.")
    var keep = false

    @Option(help: "The sqlite3 shell used for the ceiling.")
    var sqlite3 = "sqlite3"

    @Option(help: "Runs of each measurement, alternating importer and sqlite3; the best of them is reported.")
    var runs = 1

    func run() throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let dataDirectory = directory + "/data"
        let clock = ContinuousClock()

        print("fundbench import: \(rows) payment rows")
        print("machine: \(Machine.description)")
        let start = clock.now
        try ImportDataGenerator(rows: rows).write(to: dataDirectory)
        let paymentsBytes = (try? fm.attributesOfItem(atPath: dataDirectory + "/payments.csv")[.size] as? Int) ?? 0
        print(
            "generated payments.csv: \(paymentsBytes / 1_000_000) MB, \(paymentsBytes / max(rows, 1)) bytes/row, in \(Self.format(Self.seconds(clock.now - start))) s"
        )

        // The schema as migrated, then a payments table without its secondary indexes: the second
        // pair shows the importer's own pipeline (parse, check, insert, commit) without SQLite's index builds.
        try compare(bare: false, dataDirectory: dataDirectory, clock: clock)
        try compare(bare: true, dataDirectory: dataDirectory, clock: clock)

        if !keep { try? fm.removeItem(atPath: directory) }
    }

    /// Imports the data set with the Importer, then inserts the same rows with the sqlite3 shell,
    /// `runs` times each (alternating, so that a change of the machine's load hits both), best of each.
    private func compare(bare: Bool, dataDirectory: String, clock: ContinuousClock) throws {
        print(
            bare
                ? "-- payments without secondary indexes (primary key only)"
                : "-- schema as migrated (payments: primary key and 6 secondary indexes)")
        var importer: [(seconds: Double, cpu: Double)] = []
        var ceiling: [(seconds: Double, cpu: Double)] = []
        for run in 1...max(1, runs) {
            importer.append(try measureImporter(bare: bare, run: run, dataDirectory: dataDirectory, clock: clock))
            ceiling.append(try measureCeiling(bare: bare, run: run, clock: clock))
        }
        let importSeconds = importer.map(\.seconds).min()!
        let importCPU = importer.map(\.cpu).min()!
        let ceilingSeconds = ceiling.map(\.seconds).min()!
        let ceilingCPU = ceiling.map(\.cpu).min()!
        let best = runs > 1 ? " (best of \(runs))" : ""
        print(
            "Importer\(best): \(rows) rows in \(Self.format(importSeconds)) s = \(Int(Double(rows) / importSeconds)) "
                + "rows/s (end to end); CPU \(Self.format(importCPU)) s = \(Int(Double(rows) / importCPU)) rows per CPU second"
        )
        print(
            "sqlite3 INSERT…SELECT\(best): \(rows) rows in \(Self.format(ceilingSeconds)) s = "
                + "\(Int(Double(rows) / ceilingSeconds)) rows/s; CPU \(Self.format(ceilingCPU)) s = "
                + "\(Int(Double(rows) / ceilingCPU)) rows per CPU second")
        print(
            "ratio importer / sqlite3 ceiling: \(Self.format(ceilingSeconds / importSeconds, places: 2)) (wall), "
                + "\(Self.format(ceilingCPU / importCPU, places: 2)) (CPU)")
    }

    /// One import into a new database: wall and CPU seconds; prints its phases.
    private func measureImporter(bare: Bool, run: Int, dataDirectory: String, clock: ContinuousClock) throws
        -> (seconds: Double, cpu: Double)
    {
        let importPath = directory + "/import-\(bare ? "bare" : "indexed")-\(run).sqlite"
        let store = try SQLiteFundStore(path: importPath)
        if bare { try dropSecondaryIndexes(database: importPath) }
        let phases = PhaseRecorder()
        let cpuStart = CPUTime.process
        let start = clock.now
        let summary = try Importer(store: store).importDirectory(
            dataDirectory, options: ImportOptions(progress: { phases.record($0) }))
        let end = clock.now
        let cpu = CPUTime.process - cpuStart
        let seconds = Self.seconds(end - start)
        let imported = summary.files.first { $0.table == .payments }?.rowsImported ?? 0
        guard imported == rows else { throw ValidationError("imported \(imported) payments, expected \(rows)") }
        print(
            "  run \(run) Importer: \(Self.format(seconds)) s = \(Int(Double(rows) / seconds)) rows/s; "
                + "CPU \(Self.format(cpu)) s; "
                + phases.phases(end: end).filter { $0.seconds >= 0.01 }.map {
                    "\($0.label) \(Self.format($0.seconds)) s"
                }
                .joined(separator: ", "))
        if !bare, run == 1 {
            // The way back: the screening run starts by loading the data set.
            let loadCPUStart = CPUTime.process
            let loadStart = clock.now
            let data = try store.loadDataSet()
            let loadSeconds = Self.seconds(clock.now - loadStart)
            let loadCPU = CPUTime.process - loadCPUStart
            let loaded = Double(data.payments?.count ?? 0)
            print(
                "  loadDataSet: \(Int(loaded)) payments (and the rest) in \(Self.format(loadSeconds)) s = "
                    + "\(Int(loaded / loadSeconds)) rows/s; CPU \(Self.format(loadCPU)) s")
        }
        if !keep { Self.removeDatabase(importPath) }
        return (seconds, cpu)
    }

    /// SQLite's ceiling once: same schema and procedure, no CSV.
    private func measureCeiling(bare: Bool, run: Int, clock: ContinuousClock) throws -> (seconds: Double, cpu: Double) {
        let ceilingPath = directory + "/ceiling-\(bare ? "bare" : "indexed")-\(run).sqlite"
        _ = try SQLiteFundStore(path: ceilingPath)  // creates the schema
        let indexes = try secondaryIndexes(of: "payments", database: ceilingPath)
        if bare { try dropSecondaryIndexes(database: ceilingPath) }
        let childrenBefore = CPUTime.children
        let seconds = try runCeiling(database: ceilingPath, indexes: bare ? [] : indexes, clock: clock)
        let cpu = CPUTime.children - childrenBefore
        print(
            "  run \(run) sqlite3: \(Self.format(seconds)) s = \(Int(Double(rows) / seconds)) rows/s; "
                + "CPU \(Self.format(cpu)) s")
        if !keep { Self.removeDatabase(ceilingPath) }
        return (seconds, cpu)
    }

    private func dropSecondaryIndexes(database: String) throws {
        let indexes = try secondaryIndexes(of: "payments", database: database)
        guard try runShell(database: database, script: indexes.map { "DROP INDEX \($0.name);" }.joined()) else {
            throw ValidationError("could not drop the indexes")
        }
    }

    private static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The same rows, generated inside SQLite (widths as in `ImportDataGenerator`).
    private func runCeiling(database: String, indexes: [(name: String, sql: String)], clock: ContinuousClock)
        throws -> Double
    {
        // The same mix as ImportDataGenerator: value % 10 picks the item (0–3 MED, 4 REHAB, 5 MEAL,
        // 6 TRAVEL, 7 DEVICE, 8 NURSING, 9 DISABILITY_MONTHLY).
        let select = """
            SELECT 'P' || printf('%010d', value), 'C' || printf('%08d', (value * 7919) % 20000),
                '11010119' || printf('%010d', (value * 7919) % 20000),
                CASE value % 10 WHEN 4 THEN 'REHAB' WHEN 5 THEN 'MEAL' WHEN 6 THEN 'TRAVEL' WHEN 7 THEN 'DEVICE'
                    WHEN 8 THEN 'NURSING' WHEN 9 THEN 'DISABILITY_MONTHLY' ELSE 'MED' END,
                1 + (value * 2654435761) % 9999999, 19358 + value % 700,
                CASE WHEN value % 10 = 6 THEN NULL ELSE 19348 + value % 700 END,
                CASE WHEN value % 10 = 6 THEN NULL ELSE 19355 + value % 700 END,
                CASE WHEN value % 10 < 8 AND value % 10 <> 6 THEN 'H' || printf('%05d', value % 200) END,
                CASE WHEN value % 10 < 8 THEN 'INV' || printf('%09d', value) END,
                CASE WHEN value % 10 >= 8 THEN 'bank' WHEN value % 10 = 6 OR value % 4 = 0 THEN 'reimbursement'
                    ELSE 'direct' END,
                CASE WHEN value % 10 >= 6 AND value % 10 <> 7 OR value % 4 = 0
                    THEN '6222' || printf('%015d', (value * 7919) % 20000) END,
                NULL, CASE WHEN value % 2 = 0 THEN '110100' ELSE '110200' END, 0
            """
        func script(source: String, with: String = "") -> String {
            """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;
            PRAGMA temp_store = MEMORY; PRAGMA threads = 2;
            BEGIN IMMEDIATE;
            \(indexes.map { "DROP INDEX \($0.name);" }.joined(separator: "\n"))
            \(with)INSERT INTO payments \(select) FROM \(source);
            \(indexes.map { $0.sql + ";" }.joined(separator: "\n"))
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);
            """
        }
        let clockStart = clock.now
        if try runShell(database: database, script: script(source: "generate_series(1, \(rows))")) {
            return Self.seconds(clock.now - clockStart)
        }
        print("(sqlite3 has no generate_series: using a recursive CTE)")
        let cte = "WITH RECURSIVE s(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM s WHERE value < \(rows)) "
        let retryStart = clock.now
        guard try runShell(database: database, script: script(source: "s", with: cte)) else {
            throw ValidationError("the sqlite3 shell failed")
        }
        return Self.seconds(clock.now - retryStart)
    }

    private func runShell(database: String, script: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [sqlite3, "-bail", database]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0 {
            if message.contains("generate_series") { return false }
            throw ValidationError("sqlite3 failed: \(message)")
        }
        return true
    }

    /// The table's non-unique indexes, as the migrations wrote them (read with the shell itself).
    private func secondaryIndexes(of table: String, database: String) throws -> [(name: String, sql: String)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            sqlite3, "-separator", "<<SEP>>", "-newline", "<<END>>", database,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '\(table)' "
                + "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("sqlite3 could not read the schema") }
        return text.components(separatedBy: "<<END>>").compactMap { record in
            let parts = record.components(separatedBy: "<<SEP>>")
            return parts.count == 2 ? (name: parts[0], sql: parts[1]) : nil
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }

    static func format(_ value: Double, places: Int = 2) -> String {
        String(format: "%.\(places)f", value)
    }
}

/// What the benchmark ran on (nproc and the CPU model).
enum Machine {
    static var description: String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }
}
