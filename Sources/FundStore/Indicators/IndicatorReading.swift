import FundModel

/// One stored figure of an indicator (rules.md §3): for one region (a city or the province), one period,
/// as one screening run computed it, with the thresholds that judged it.
///
/// Screening computes the indicators I01–I09 on every run; the store keeps each run's figures
/// (`indicator_history`) so that the console can show them over time (issue 14 #1). The type
/// speaks the store's language (months, `Decimal4`, `Severity`) and not Screening's, so that
/// FundStore needs nothing from the engine; FundServer turns an engine report into readings.
public struct IndicatorReading: Sendable, Hashable {
    /// What the figure covers.
    public enum PeriodKind: String, Sendable, Hashable, CaseIterable {
        /// One calendar month.
        case month
        /// The twelve months ending with `periodEnd` (the figure most indicators judge).
        case trailing12
        /// A calendar year up to `periodEnd` (December, or the run's reference month in the current year: I03).
        case year

        public var chineseName: String {
            switch self {
            case .month: "当月"
            case .trailing12: "近 12 个月"
            case .year: "年度"
            }
        }
    }

    /// How the levels judge the figure.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        /// Above the level's figure warns (e.g. growth > 20 %).
        case above
        /// Below the level's figure warns (e.g. fewer than 6 months of balance).
        case below
        /// Above the level's figure times the province's figure warns (e.g. > 1.5 × the province).
        case aboveProvinceMultiple = "above_province_multiple"
        /// Reported only, never judged (I09).
        case none

        public var chineseName: String {
            switch self {
            case .above: "高于"
            case .below: "低于"
            case .aboveProvinceMultiple: "高于全省的倍数"
            case .none: "仅监测"
            }
        }
    }

    public var indicatorID: String
    public var regionCode: RegionCode
    public var periodKind: PeriodKind
    /// The last month of the period.
    public var periodEnd: YearMonth
    /// The figure, `nil` where undefined (nothing to divide by).
    public var value: Decimal4?
    /// The province's figure for the same period.
    public var provinceValue: Decimal4?
    /// The warning level reached, `nil` when none (or when the period is not judged).
    public var level: Severity?
    public var comparison: Comparison
    /// The level figures in force for this region (its city's overrides laid over the province's), by level.
    public var thresholds: [Severity: Decimal4]

    public init(
        indicatorID: String, regionCode: RegionCode, periodKind: PeriodKind, periodEnd: YearMonth, value: Decimal4?,
        provinceValue: Decimal4?, level: Severity?, comparison: Comparison, thresholds: [Severity: Decimal4]
    ) {
        self.indicatorID = indicatorID
        self.regionCode = regionCode
        self.periodKind = periodKind
        self.periodEnd = periodEnd
        self.value = value
        self.provinceValue = provinceValue
        self.level = level
        self.comparison = comparison
        self.thresholds = thresholds
    }

    /// `2026-09`, `2025-10..2026-09`, `2026（至 2026-09）`.
    public var periodText: String { Self.periodText(periodKind, end: periodEnd) }

    /// The text of a period of `kind` ending with `end`.
    public static func periodText(_ kind: PeriodKind, end: YearMonth) -> String {
        switch kind {
        case .month: end.iso
        case .trailing12: "\(end.adding(months: -11).iso)..\(end.iso)"
        case .year: end.month == 12 ? String(end.year) : "\(end.year)（至 \(end.iso)）"
        }
    }
}

/// A stored reading with the run that computed it.
public struct StoredIndicatorReading: Sendable, Hashable {
    public var runID: Int64
    /// The run's screening date.
    public var asOf: Day
    public var reading: IndicatorReading

    public init(runID: Int64, asOf: Day, reading: IndicatorReading) {
        self.runID = runID
        self.asOf = asOf
        self.reading = reading
    }
}
