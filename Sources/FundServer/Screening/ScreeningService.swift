import Foundation
import FundApp
import FundModel
import FundStore
import Screening

/// Screening from the console: the configuration in force, a recorded run, and trial runs (试算)
/// that screen with a draft configuration and store nothing.
struct ScreeningService {
    let environment: ServerEnvironment

    /// The configuration in force: the latest saved change, else the built-in default.
    func currentConfiguration() throws -> RulesConfiguration {
        try RulesConfiguration.inForce(in: environment.store)
    }

    /// The default screening date: the last run's (the data's "today"), else today.
    func defaultAsOf() throws -> Day {
        try environment.store.screeningRuns(limit: 1).first?.asOf ?? Formatting.today(environment.now())
    }

    /// Screens the store's data with the configuration in force and records the run: FundApp's `ScreeningJob`,
    /// the same use case as `fundguard screen`, with the job's progress shown on its page.
    func run(asOf: Day, progress: BackgroundJobs.Progress? = nil) async throws -> (ScreeningReport, ScreeningRunSummary)
    {
        let job = ScreeningJob(
            store: environment.store, configuration: try currentConfiguration(), asOf: asOf, now: environment.now)
        let outcome = try await job.run { phase in
            switch phase {
            case .loading: progress?.report("加载数据", percent: 5)
            case .screening: progress?.report("筛查", percent: 40)
            case .saving: progress?.report("保存结果", percent: 85)
            }
        }
        environment.metrics.count("screening_run")
        return (outcome.report, outcome.summary)
    }

    /// The verification and determination registers as they stood on the screening date (I07–I09).
    func registers(asOf: Day) throws -> RegisterFacts {
        try ScreeningJob.registers(environment.store, asOf: asOf)
    }

    /// One rule's findings under the configuration in force and under the draft.
    struct TrialLine: Sendable, Encodable {
        var ruleID: String
        var name: String
        var current: Int
        var draft: Int
        var currentRed: Int
        var draftRed: Int
        var currentAmount: String
        var draftAmount: String
        var notRun: String?
        var difference: Int { draft - current }
    }

    /// Screens with the configuration in force and with the draft, over the same snapshot; stores nothing.
    func trial(draft: RulesConfiguration, asOf: Day, progress: BackgroundJobs.Progress? = nil) async throws
        -> [TrialLine]
    {
        progress?.report("加载数据", percent: 5)
        let snapshot = Snapshot(try environment.store.loadScreeningData())
        let registers = try self.registers(asOf: asOf)
        progress?.report("按现行配置筛查", percent: 30)
        let current = await ScreeningEngine(configuration: try currentConfiguration()).run(
            snapshot, asOf: asOf, registers: registers)
        progress?.report("按修改后配置筛查", percent: 65)
        let proposed = await ScreeningEngine(configuration: draft).run(snapshot, asOf: asOf, registers: registers)
        environment.metrics.count("trial_run")
        return proposed.rules.map { line in
            let before = current.rule(line.ruleID)
            return TrialLine(
                ruleID: line.ruleID, name: line.name, current: before?.findingCount ?? 0, draft: line.findingCount,
                currentRed: before?.red ?? 0, draftRed: line.red,
                currentAmount: Formatting.yuan(before?.amountAtRisk ?? .zero),
                draftAmount: Formatting.yuan(line.amountAtRisk), notRun: line.notRun?.description)
        }
    }
}
