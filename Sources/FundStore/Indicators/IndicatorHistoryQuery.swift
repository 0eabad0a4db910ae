import FundModel

/// A selection of the stored indicator readings (指标监测): filters, scope and paging.
public struct IndicatorHistoryQuery: Sendable, Hashable {
    /// Which runs' readings.
    public enum Runs: Sendable, Hashable {
        /// Every run's (the history as computed, one row per run).
        case all
        /// The newest run that stored readings.
        case latest
        /// One run.
        case run(Int64)
        /// For each indicator, region, period kind and period end, the reading of the newest run that stored it:
        /// the series a trend chart draws (a later run's figure for the same period wins).
        case newestPerPeriod
    }

    /// The region scope: a city user sees its city and the province (`includesProvince`).
    public var scope: RegionScope
    public var indicatorID: String?
    /// One region exactly (a city or the province).
    public var regionCode: RegionCode?
    public var periodKind: IndicatorReading.PeriodKind?
    /// Inclusive bounds on the period's last month.
    public var from: YearMonth?
    public var to: YearMonth?
    public var runs: Runs
    public var limit: Int
    public var offset: Int

    public init(
        scope: RegionScope = .all, indicatorID: String? = nil, regionCode: RegionCode? = nil,
        periodKind: IndicatorReading.PeriodKind? = nil, from: YearMonth? = nil, to: YearMonth? = nil,
        runs: Runs = .all, limit: Int = 100, offset: Int = 0
    ) {
        self.scope = scope
        self.indicatorID = indicatorID
        self.regionCode = regionCode
        self.periodKind = periodKind
        self.from = from
        self.to = to
        self.runs = runs
        self.limit = limit
        self.offset = offset
    }
}

extension RegionScope {
    /// Whether an indicator figure of `region` is visible: a city's own figures and the province's
    /// (the comparison every city is judged against), never another city's.
    public func showsIndicator(of region: RegionCode) -> Bool {
        switch self {
        case .all: true
        case .city(let city): region.impliedLevel == .province ? region.province == city.province : contains(region)
        }
    }
}
