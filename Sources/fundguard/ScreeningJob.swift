import Foundation
import FundModel
import FundServer
import FundStore
import Screening

/// One screening run against the store: load, snapshot, run the rules, record the run and its
/// findings, write the findings file. Shared by `fundguard screen` and `fundguard demo`, so that
/// the demo records its run exactly as a supervisor's run would be recorded.
struct ScreeningJob {
    var store: SQLiteFundStore
    var configuration: RulesConfiguration
    var asOf: Day
    var only: Set<String>?

    struct Outcome {
        var report: ScreeningReport
        var summary: ScreeningRunSummary
    }

    func run() async throws -> Outcome {
        let started = Date()
        let snapshot = Snapshot(try store.loadScreeningData(tables: RuleCatalog.tablesToLoad(for: only)))
        // The verification and determination registers as they stood on the screening date (I07–I09).
        let registers = RegisterFacts(
            verifications: try store.findingVerificationRows(asOf: asOf),
            determinations: try store.determinationTimingRows(asOf: asOf))
        let report = await ScreeningEngine(configuration: configuration).run(
            snapshot, asOf: asOf, only: only, registers: registers)
        let notRun = report.rules.compactMap { line in
            line.notRun.map { RuleNotRun(ruleID: line.ruleID, reason: $0.description) }
        }
        let run = ScreeningRun(
            startedAt: started, asOf: asOf, configuration: configuration.yaml(), rulesNotRun: notRun,
            indicatorReadings: IndicatorHistoryRecorder.readings(report, configuration: configuration))
        let rulesRun = Set(report.rules.filter(\.ran).map(\.ruleID))
        let summary = try store.saveScreeningRun(run, findings: report.findings, rulesRun: rulesRun)
        return Outcome(report: report, summary: summary)
    }

    /// Writes the findings in the interchange format chosen by the file's extension.
    static func write(_ findings: [Finding], as format: FindingsFormat, to path: String) throws {
        do {
            try format.encode(findings).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("无法写入 cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The line printed after a run: what is new, raised again, or no longer raised.
    static func runLine(_ summary: ScreeningRunSummary) -> String {
        "第 \(summary.runID) 次筛查 run \(summary.runID): 新增 new \(summary.new)，再次发现 raised again "
            + "\(summary.raisedAgain)，不再发现 no longer raised \(summary.noLongerRaised)"
    }
}
