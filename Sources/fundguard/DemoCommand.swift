import ArgumentParser
import Casework
import DemoData
import Foundation
import FundApp
import FundModel
import FundServer
import FundStore
import Logging
import Screening

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fundguard demo`: the whole job on a synthetic province, in one command.
///
/// Makes the demo province 东海省 in `DIR/data`, imports it into a fresh
/// `DIR/fundguard.sqlite`, screens it with the default rules as of the date
/// the province was made for, writes `DIR/findings.csv`, and checks the
/// findings against the planted ground truth, so a newcomer sees at once
/// that every planted anomaly was found and nothing else; then serves the
/// console over that database with a new administrator whose one-time
/// password is printed (`--no-serve` stops after the screening).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "演示：生成东海省演示数据，导入、筛查并核对预置疑点 (make, import and screen the demo province).",
        discussion: """
            Everything goes into --dir (default ./fundguard-data); an earlier demo database there is replaced. \
            Then the console is served until Ctrl-C, unless --no-serve is given.
            """
    )

    @Option(help: "Where the demo's data, database and findings go.")
    var dir: String = "fundguard-data"

    @Option(help: "Number of workers (参保职工) of the demo province.")
    var workers: Int = 5_000

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("no-serve"), help: "Stop after the screening instead of serving the console.")
    var noServe = false

    @Option(help: "The address the console listens on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port the console listens on (0: any free port).")
    var port: Int = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port 须在 0–65535 之间 must be 0–65535") }
        guard workers >= 10 else { throw ValidationError("--workers 至少为 10 (at least 10)") }
    }

    func run() async throws {
        let options = DemoOptions(workers: workers, seed: seed)
        let dataDir = (dir as NSString).appendingPathComponent("data")
        let dbPath = (dir as NSString).appendingPathComponent("fundguard.sqlite")
        let findingsPath = (dir as NSString).appendingPathComponent("findings.csv")
        let onTerminal = isatty(STDERR_FILENO) == 1

        print("① 生成演示省份 generating 东海省: \(workers) workers, seed \(seed), as-of \(options.asOf.iso)")
        let generated = try generate(options, into: dataDir, onTerminal: onTerminal)

        print("② 导入 importing \(dataDir) → \(dbPath)")
        try removeDatabase(dbPath)
        let store = try SQLiteFundStore(path: dbPath)
        var importOptions = ImportOptions(user: "demo")
        if onTerminal { importOptions.progress = { Self.progressLine($0.line) } }
        let imported: ImportSummary
        do {
            imported = try Importer(store: store).importDirectory(dataDir, options: importOptions)
        } catch let error as ImportError {
            throw CommandFailure(error.text(limit: 20))
        }
        if onTerminal { Self.progressLine(nil) }
        print(imported.text)

        print("③ 筛查 screening as of \(options.asOf.iso) with the default rules.yaml")
        let job = ScreeningJob(store: store, configuration: .default, asOf: options.asOf, only: nil)
        let outcome = try await job.run()
        try ScreeningJob.write(outcome.report.findings, as: .csv, to: findingsPath)
        print(outcome.report.summaryTable(), terminator: "")
        print(ScreeningJob.runLine(outcome.summary))

        print("④ 核对预置疑点 checking against the planted ground truth")
        print(Self.groundTruthCheck(outcome.report.findings, generated.groundTruth), terminator: "")

        let casework = try CaseworkDemo.populate(Casework(store: store, today: { options.asOf }), asOf: options.asOf)
        print(
            "⑤ 案卷演示 casework: \(casework.determinations) 件认定 determinations, \(casework.assessments) 件鉴定 "
                + "assessments, \(casework.panels) 个专家组 panels, \(casework.campaigns) 项专项检查 campaign(s), "
                + "\(casework.riskPoints) 个风险点 risk points")

        print(
            """

            结果 results:
              数据库 database     \(dbPath)
              疑点 findings       \(findingsPath)
              数据集 data set     \(dataDir) (ground_truth.csv lists the planted anomalies)
            下一步 next:
              swift run fundguard entitlements --db \(dbPath) --case <case_id>
              swift run fundguard screen --db \(dbPath) --as-of \(options.asOf.iso) --rules R04,R10
            """)
        if noServe { return }
        try await serve(store)
    }

    /// ⑥ The console over the demo database, with a new administrator whose password is shown once.
    private func serve(_ store: SQLiteFundStore) async throws {
        print("\n⑥ 启动监管平台 starting the console (Ctrl-C 停止 to stop)")
        try await FundServer.serveWithOneTimeAdmin(
            store: store, configuration: ServerConfiguration(host: host, port: port),
            logger: Logger(label: "fundguard.demo"))
    }

    private func generate(_ options: DemoOptions, into directory: String, onTerminal: Bool) throws -> DemoReport {
        let sink: CSVDirectorySink
        do {
            sink = try CSVDirectorySink(directory: directory)
        } catch {
            throw CommandFailure("无法写入 cannot write \(directory): \(error)")
        }
        let report = try DemoProvinceGenerator(options: options).generate(into: sink) { progress in
            guard onTerminal else { return }
            Self.progressLine("生成中 generating: \(progress.workersDone)/\(progress.workersTotal) 职工 workers")
        }
        if onTerminal { Self.progressLine(nil) }
        let payments = report.manifest.rowCounts[.payments] ?? 0
        print("   \(payments) payments, \(report.groundTruth.rows.count) planted findings")
        return report
    }

    /// A fresh database each run: the demo's findings must be those of this province only.
    private func removeDatabase(_ path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Recall and precision of the run against the ground truth, per rule with plants.
    static func groundTruthCheck(_ findings: [Finding], _ truth: GroundTruth) -> String {
        let planted = Dictionary(grouping: truth.rows, by: \.ruleID).mapValues { Set($0.map(\.key)) }
        let found = Dictionary(grouping: findings, by: \.ruleID).mapValues {
            Set($0.map { "\($0.ruleID)|\($0.subjectType.rawValue)|\($0.subjectID)" })
        }
        var rows: [[String]] = []
        var allFound = true
        for rule in planted.keys.sorted() {
            let expected = planted[rule] ?? []
            let got = found[rule] ?? []
            let hit = expected.intersection(got).count
            let extra = got.subtracting(expected).count
            if hit < expected.count || extra > 0 { allFound = false }
            rows.append([rule, String(expected.count), String(hit), String(extra)])
        }
        var out = TextTable(
            header: ["规则 rule", "预置 planted", "发现 found", "额外 extra"], rows: rows, rightAligned: [1, 2, 3]
        )
        .render()
        out +=
            allFound
            ? "全部预置疑点均已发现，且无额外疑点 every planted anomaly found, nothing else (recall 1.0, precision 1.0)\n"
            : "注意：与预置不一致 the findings differ from the ground truth (see the table)\n"
        return out
    }

    /// Rewrites the terminal's current line (`nil` clears it).
    static func progressLine(_ line: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }
}
