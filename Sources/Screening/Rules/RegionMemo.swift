import FundModel

/// A rule's typed thresholds per region code, read from the configuration once per run.
///
/// The record rules (R22, R23, R25) visit every case or assessment; resolving
/// a region's settings (the city's overrides merged over the province's) for
/// each record would repeat the same work thousands of times.
struct RegionMemo<Value> {
    private var values: [RegionCode: Value] = [:]
    private let context: RuleContext
    private let make: (RuleSettings) -> Value

    init(_ context: RuleContext, _ make: @escaping (RuleSettings) -> Value) {
        self.context = context
        self.make = make
    }

    /// The value for a region, resolved on first use.
    mutating func callAsFunction(_ region: RegionCode) -> Value {
        if let known = values[region] { return known }
        let value = make(context.settings(region: region))
        values[region] = value
        return value
    }
}
