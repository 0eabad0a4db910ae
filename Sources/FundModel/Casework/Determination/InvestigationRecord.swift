/// A record of the department's investigation (调查核实, 条例 19; 认定办法 11): site visits, interviews, documents.
///
/// A fatal case needs at least one before it can be decided (the notice of
/// 2022, 人社厅函〔2022〕85号 item 2: 加强对拟认定工亡案件的调查核实).
public struct InvestigationRecord: Sendable, Hashable, Codable {
    public var day: Day
    /// The staff who investigated (认定办法 11 names two or more; not enforced, UNVERIFIED in domain.md).
    public var investigators: [String]
    /// What was done and found (调查笔录摘要).
    public var summary: String

    public init(day: Day, investigators: [String], summary: String) {
        self.day = day
        self.investigators = investigators
        self.summary = summary
    }
}

/// A period the decision clock stood still (时限中止, 条例 20(3); 认定办法 20).
public struct SuspensionPeriod: Sendable, Hashable, Codable {
    /// The day the suspension was ordered.
    public var from: Day
    /// The day the clock restarted; `nil` while suspended.
    public var until: Day?
    /// The judicial or administrative conclusion waited for.
    public var awaiting: String
    /// The state the file returns to when the suspension ends.
    public var resumeTo: DeterminationState

    public init(from: Day, until: Day?, awaiting: String, resumeTo: DeterminationState) {
        self.from = from
        self.until = until
        self.awaiting = awaiting
        self.resumeTo = resumeTo
    }

    /// Days the clock did not run, up to `asOf` while still suspended: `until − from` (the day of the order counts
    /// as a running day, the day of the restart does not).
    public func days(asOf: Day) -> Int {
        max(0, from.distance(to: until ?? max(from, asOf)))
    }
}
