import FundModel

/// How an indicator's levels judge its figure, and where a period ends: what a store of indicator
/// figures needs to keep beside each figure (issue 14 #1), without reaching into the indicators.
public enum IndicatorJudging: String, Sendable, Hashable, CaseIterable {
    /// Strictly above the level's figure warns (an `ascending` indicator).
    case above
    /// Strictly below the level's figure warns (a `descending` indicator: months of balance, rates).
    case below
    /// Strictly above the level's figure times the province's warns (I04, I05).
    case aboveProvinceMultiple
    /// Reported only (I09): no levels.
    case none

    /// The indicators judged as a multiple of the province's figure (`IndicatorTest.multipleOfProvince`).
    static let multipleOfProvince: Set<String> = ["I04", "I05"]

    /// How indicator `id` is judged; `nil` for an id that is not an indicator of the catalogue.
    public static func of(_ id: String) -> IndicatorJudging? {
        guard let spec = RuleCatalog.spec(id), spec.kind == .indicator else { return nil }
        guard let order = spec.levelOrder else { return IndicatorJudging.none }
        if multipleOfProvince.contains(id) { return .aboveProvinceMultiple }
        return order == .ascending ? .above : .below
    }

    /// The month a run's rolling periods end with (`RollingPeriods`): the screening date's month when the
    /// date is its last day, else the month before.
    public static func referenceMonth(asOf: Day) -> YearMonth { RollingPeriods(asOf: asOf).reference }

    /// The last month of a period in a run whose reference month is `reference` (a calendar year ends in
    /// December, or at the reference month for the year in progress).
    public static func lastMonth(of period: IndicatorPeriod, reference: YearMonth) -> YearMonth {
        switch period {
        case .month(let m), .trailing12(let m): m
        case .year(let y): y >= reference.year ? reference : YearMonth(year: y, month: 12)!
        }
    }
}
