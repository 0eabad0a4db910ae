import FundModel

/// The periods of an indicator run, fixed by the screening date.
///
/// The reference month is the latest month that has ended on the screening
/// date (the month of the date itself when it is the month's last day, else
/// the month before), so a trailing 12 months is never a part-month short.
/// An indicator reports each of the 12 months up to the reference month,
/// the trailing 12 months ending with it (the figure the warnings judge),
/// and the trailing 12 months a year earlier (its own past).
struct RollingPeriods: Sendable {
    let reference: YearMonth
    /// The 12 months ending with `reference`, oldest first.
    let months: [YearMonth]
    /// `months` as `.month`, then `.trailing12(reference)`, then `.trailing12(reference − 12)`.
    let periods: [IndicatorPeriod]

    /// Index in `periods` of the trailing 12 months ending with the reference month.
    static let current = 12
    /// Index in `periods` of the trailing 12 months a year earlier.
    static let previous = 13

    init(asOf: Day) {
        let month = asOf.yearMonth
        let reference = asOf == month.lastDay ? month : month.adding(months: -1)
        let months = (0..<12).map { reference.adding(months: $0 - 11) }
        self.reference = reference
        self.months = months
        periods =
            months.map { IndicatorPeriod.month($0) } + [
                .trailing12(reference), .trailing12(reference.adding(months: -12)),
            ]
    }

    /// The periods a record of `month` counts in: (its month, the current window), or
    /// (the previous window, -1); `nil` outside both windows.
    func indexes(of month: YearMonth) -> (first: Int, second: Int)? {
        let offset = Int(reference.index - month.index)  // 0 for the reference month
        switch offset {
        case 0..<12: return (11 - offset, Self.current)
        case 12..<24: return (Self.previous, -1)
        default: return nil
        }
    }

    /// The last month of period `p`.
    func lastMonth(of p: Int) -> YearMonth {
        switch p {
        case Self.current: reference
        case Self.previous: reference.adding(months: -12)
        default: months[p]
        }
    }

    /// The number of months of period `p`: 12 for a trailing window, else 1.
    func length(of p: Int) -> Int { p >= Self.current ? 12 : 1 }
}
