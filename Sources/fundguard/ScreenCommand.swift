import ArgumentParser
import Foundation
import FundApp
import FundModel
import FundStore
import Screening

/// `fundguard screen`: runs the monitoring rules over the store's data (筛查比对), records the run and
/// its findings, writes the findings file and prints the summary.
///
/// Thin on purpose: the rules, the engine, the file format and the summary
/// table all live in Screening; this only wires the store and the files.
struct ScreenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "筛查比对 Screen the data with the monitoring rules and record the findings."
    )

    @Option(help: "The SQLite database of the platform.")
    var db: String

    @Option(name: .customLong("as-of"), help: "The screening date, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(
        help: "The rules configuration (YAML; default: the one in force in the database, else the built-in rules.yaml)."
    )
    var config: String?

    @Option(help: "Only these rules and indicators, comma-separated, e.g. R04,R10.")
    var rules: String?

    @Option(help: "Write the findings to this file: .csv or .json (interchange format).")
    var out: String?

    func run() async throws {
        let day = try screeningDay()
        let selection = try selectedRules()
        let format = try outputFormat()
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure("数据库不存在 database not found: \(db)")
        }

        let store = try SQLiteFundStore(path: db)
        let configuration = try loadConfiguration(store: store)
        let job = ScreeningJob(store: store, configuration: configuration, asOf: day, only: selection)
        let outcome = try await job.run()
        if let out, let format { try ScreeningJob.write(outcome.report.findings, as: format, to: out) }
        print(outcome.report.summaryTable(), terminator: "")
        print("\n" + ScreeningJob.runLine(outcome.summary))
        if let out { print("疑点已写入 findings written to \(out)") }
    }

    func screeningDay() throws -> Day {
        guard let asOf else { return Clock().today }
        guard let day = Day(iso: asOf) else { throw ValidationError("--as-of 日期无效 not a date YYYY-MM-DD: \(asOf)") }
        return day
    }

    /// `--config` when given; else the configuration in force in the store (the latest change saved
    /// on the console's 规则与阈值 page), so that the CLI and the console screen alike; else the default.
    func loadConfiguration(store: SQLiteFundStore) throws -> RulesConfiguration {
        guard let config else {
            do {
                return try RulesConfiguration.inForce(in: store)
            } catch {
                throw CommandFailure("库中现行规则配置有误 the rules configuration in force in \(db) is invalid: \(error)")
            }
        }
        let text: String
        do {
            text = try String(contentsOfFile: config, encoding: .utf8)
        } catch {
            throw CommandFailure("无法读取 cannot read \(config): \(error.localizedDescription)")
        }
        do {
            return try RulesConfiguration(yaml: text)
        } catch {
            let lines = error.issues.map { issue in "\(issue.line.map { "\(config):\($0)" } ?? config): \(issue)" }
            throw CommandFailure("规则配置有误 invalid rules configuration:\n" + lines.joined(separator: "\n"))
        }
    }

    func selectedRules() throws -> Set<String>? {
        guard let rules else { return nil }
        let ids = rules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let unknown = ids.filter { RuleCatalog.spec($0) == nil }
        guard unknown.isEmpty else {
            throw ValidationError(
                "未知规则 unknown rule ids: \(unknown.joined(separator: ", ")) (see `fundguard rules list`)")
        }
        return Set(ids)
    }

    func outputFormat() throws -> FindingsFormat? {
        guard let out else { return nil }
        guard let format = FindingsFormat(fileName: out) else {
            throw ValidationError("--out 须为 .csv 或 .json must end in .csv or .json: \(out)")
        }
        return format
    }
}
