import Foundation
import FundModel

/// A screening run to record: when, as of which day, under which rules configuration.
public struct ScreeningRun: Sendable, Hashable {
    public var startedAt: Date
    /// The screening date (`--as-of`).
    public var asOf: Day
    /// The rules configuration in force, as text (the YAML), so a finding can be explained later.
    public var configuration: String
    /// The rules that were not run, with the reason (e.g. "no data: ext_deaths.csv", "switched off").
    public var rulesNotRun: [RuleNotRun]
    /// The indicators' figures the run computed, stored with the run in its transaction (`indicator_history`).
    public var indicatorReadings: [IndicatorReading]

    public init(
        startedAt: Date = Date(), asOf: Day, configuration: String, rulesNotRun: [RuleNotRun] = [],
        indicatorReadings: [IndicatorReading] = []
    ) {
        self.startedAt = startedAt
        self.asOf = asOf
        self.configuration = configuration
        self.rulesNotRun = rulesNotRun
        self.indicatorReadings = indicatorReadings
    }
}

/// A rule a run did not run, and why.
public struct RuleNotRun: Sendable, Hashable, Codable {
    public var ruleID: String
    public var reason: String

    public init(ruleID: String, reason: String) {
        self.ruleID = ruleID
        self.reason = reason
    }
}

/// How a run changed the findings register.
public struct ScreeningRunSummary: Sendable, Hashable {
    public var runID: Int64
    /// Findings this run raised (distinct finding ids).
    public var raised: Int
    /// Raised for the first time.
    public var new: Int
    /// Already in the register (kept their id and status).
    public var raisedAgain: Int
    /// Stored findings of a rule this run ran, that it did not raise.
    public var noLongerRaised: Int

    public init(runID: Int64, raised: Int, new: Int, raisedAgain: Int, noLongerRaised: Int) {
        self.runID = runID
        self.raised = raised
        self.new = new
        self.raisedAgain = raisedAgain
        self.noLongerRaised = noLongerRaised
    }
}

/// A recorded screening run.
public struct ScreeningRunRecord: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var asOf: Day
    public var configuration: String
    public var rulesRun: [String]
    public var rulesNotRun: [RuleNotRun]
    public var summary: ScreeningRunSummary
}
