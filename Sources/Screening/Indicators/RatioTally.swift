import FundModel

/// A numerator and a denominator per region slot and period, for the indicators that are a
/// share or a mean of records (I04–I07).
///
/// A record counts for its city and for the province, in its month and in the
/// trailing window that contains it (`RollingPeriods.indexes(of:)`).
struct RatioTally: Sendable {
    let regions: IndicatorRegions
    let periods: RollingPeriods
    /// `[slot][period]`.
    private(set) var numerator: [[Int64]]
    private(set) var denominator: [[Int64]]

    init(regions: IndicatorRegions, periods: RollingPeriods) {
        self.regions = regions
        self.periods = periods
        let zeros = [[Int64]](
            repeating: [Int64](repeating: 0, count: periods.periods.count), count: regions.count)
        numerator = zeros
        denominator = zeros
    }

    /// Adds a record of a region (snapshot region id) and month to its city and the province.
    mutating func add(regionID: Int32, month: YearMonth, numerator n: Int64, denominator d: Int64) {
        let city = regions.citySlot(regionID: regionID)
        guard city != -2, let (first, second) = periods.indexes(of: month) else { return }
        add(slot: regions.provinceSlot, first, second, n, d)
        if city >= 0 { add(slot: city, first, second, n, d) }
    }

    /// Adds a record to one slot only (e.g. when a city and the province count it differently).
    mutating func add(slot: Int, month: YearMonth, numerator n: Int64, denominator d: Int64) {
        guard let (first, second) = periods.indexes(of: month) else { return }
        add(slot: slot, first, second, n, d)
    }

    private mutating func add(slot: Int, _ first: Int, _ second: Int, _ n: Int64, _ d: Int64) {
        numerator[slot][first] += n
        denominator[slot][first] += d
        if second >= 0 {
            numerator[slot][second] += n
            denominator[slot][second] += d
        }
    }

    /// Sets a denominator directly (e.g. a count of distinct records).
    mutating func setDenominator(slot: Int, period: Int, _ value: Int64) { denominator[slot][period] = value }

    /// numerator × scale / denominator to four decimals, per slot and period (`nil` where the denominator is 0).
    func figures(scale: Int64) -> [[Decimal4?]] {
        (0..<regions.count).map { slot in
            (0..<periods.periods.count).map { p in
                denominator[slot][p] > 0
                    ? Exact.decimal4(numerator[slot][p], over: denominator[slot][p], scale: scale) : nil
            }
        }
    }
}
