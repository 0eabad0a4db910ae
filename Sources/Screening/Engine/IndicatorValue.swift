import FundModel

/// The period an indicator figure covers.
public enum IndicatorPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One calendar month.
    case month(YearMonth)
    /// The 12 months ending with this one.
    case trailing12(YearMonth)
    /// A calendar year.
    case year(Int)

    /// `2026-09`, `2025-10..2026-09`, `2026`.
    public var description: String {
        switch self {
        case .month(let m): m.iso
        case .trailing12(let m): "\(m.adding(months: -11).iso)..\(m.iso)"
        case .year(let y): String(y)
        }
    }
}

/// One figure of an indicator (rules.md §3) for one region and period.
///
/// Indicators produce these for every region and period (for the console's
/// comparisons) and a finding only where a warning level is reached.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var indicatorID: String
    /// A city or the province.
    public var regionCode: RegionCode
    public var period: IndicatorPeriod
    /// The figure (a percentage, months, a multiple…), `nil` where undefined (e.g. nothing to divide by).
    public var value: Decimal4?
    /// The province's figure for the same period, for comparison.
    public var provinceValue: Decimal4?
    /// The warning level reached, if any.
    public var severity: Severity?

    public init(
        indicatorID: String, regionCode: RegionCode, period: IndicatorPeriod, value: Decimal4?,
        provinceValue: Decimal4? = nil, severity: Severity? = nil
    ) {
        self.indicatorID = indicatorID
        self.regionCode = regionCode
        self.period = period
        self.value = value
        self.provinceValue = provinceValue
        self.severity = severity
    }
}
