import Foundation
import FundModel
import FundStore
import Screening

/// One screening run against the store: load, snapshot, run the rules with the registers as they stood on the
/// screening date, record the run with its findings and indicator figures in one transaction.
///
/// The one screening use case (issue 12): `fundguard screen`, `fundguard demo` and the console's and the API's
/// background screening all run this, so a run is recorded the same way wherever it is started.
public struct ScreeningJob: Sendable {
    public var store: SQLiteFundStore
    public var configuration: RulesConfiguration
    public var asOf: Day
    /// The rules to run (`nil`: all); only the tables they need are read.
    public var only: Set<String>?
    /// The moment the run starts (the server passes its clock).
    public var now: @Sendable () -> Date

    public init(
        store: SQLiteFundStore, configuration: RulesConfiguration, asOf: Day, only: Set<String>? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.configuration = configuration
        self.asOf = asOf
        self.only = only
        self.now = now
    }

    public struct Outcome: Sendable {
        public var report: ScreeningReport
        public var summary: ScreeningRunSummary
    }

    /// The phases a caller may show (the console's progress bar).
    public enum Phase: Sendable {
        case loading, screening, saving
    }

    public func run(progress: (@Sendable (Phase) -> Void)? = nil) async throws -> Outcome {
        let started = now()
        progress?(.loading)
        let snapshot = Snapshot(try store.loadScreeningData(tables: RuleCatalog.tablesToLoad(for: only)))
        progress?(.screening)
        let report = await ScreeningEngine(configuration: configuration).run(
            snapshot, asOf: asOf, only: only, registers: try Self.registers(store, asOf: asOf))
        progress?(.saving)
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

    /// The verification and determination registers as they stood on the screening date (I07–I09).
    public static func registers(_ store: SQLiteFundStore, asOf: Day) throws -> RegisterFacts {
        RegisterFacts(
            verifications: try store.findingVerificationRows(asOf: asOf),
            determinations: try store.determinationTimingRows(asOf: asOf))
    }

    /// The line printed after a run: what is new, raised again, or no longer raised.
    public static func runLine(_ summary: ScreeningRunSummary) -> String {
        "第 \(summary.runID) 次筛查 run \(summary.runID): 新增 new \(summary.new)，再次发现 raised again "
            + "\(summary.raisedAgain)，不再发现 no longer raised \(summary.noLongerRaised)"
    }
}
