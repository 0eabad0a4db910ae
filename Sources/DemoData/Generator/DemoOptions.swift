import FundModel

/// What to generate: the size of the province, the seed and the screening date.
public struct DemoOptions: Sendable, Hashable {
    /// Rows of `workers.csv`.
    public var workers: Int
    public var seed: UInt64
    /// The screening date the province is made for: nothing happens after it.
    public var asOf: Day
    /// Whole calendar years of payments before the as-of year (default 3: an export of three years).
    ///
    /// More years give a longer payment history from the same workers (the benchmark's 10 million
    /// payments from a million workers); accidents start two years before the window as always.
    public var historyYears: Int

    public init(
        workers: Int = 5_000, seed: UInt64 = 1, asOf: Day = DemoOptions.defaultAsOf,
        historyYears: Int = DemoOptions.defaultHistoryYears
    ) {
        self.workers = workers
        self.seed = seed
        self.asOf = asOf
        self.historyYears = historyYears
    }

    public static let defaultHistoryYears = 3

    /// The most years of history the statutory parameters cover for the default as-of: the urban
    /// disposable income series starts with row 2008, and accidents start two years before the window.
    public static let maximumHistoryYears = 16

    public static let defaultAsOf = Day(year: 2026, month: 9, day: 30)!

    /// From this size up every rule and indicator is planted and the background is kept clean of all of
    /// them. Below it the province is too small for the volume-based rules (R16, R17, I01–I07) to mean
    /// anything; only the record-level plants are made, and indicators may fire on the noise.
    public static let fullPlantMinimum = 3_000

    /// Below this size the province has two cities only (the sample layout of Examples/).
    public static let sampleLayoutMaximum = 199

    public var plantsEveryRule: Bool { workers >= DemoOptions.fullPlantMinimum }
    var usesSampleLayout: Bool { workers <= DemoOptions.sampleLayoutMaximum }

    /// The first day of the data: 1 January `historyYears` (3) years before the as-of year, so that the data
    /// covers at least the three years before as-of and every calendar year in it is whole (I03 compares years).
    public var windowStart: Day { Day(year: asOf.year - historyYears, month: 1, day: 1)! }

    /// Accidents of every kind start two years before the window, so that the first months of the window
    /// already see the lumps of earlier cases, as a real fund does.
    var firstAccidentYear: Int { usesSampleLayout ? windowStart.year : windowStart.year - 2 }

    /// Older accidents, from ten years before as-of (or from the first accident year of a longer history): only the severe and fatal ones, whose monthly benefits
    /// (伤残津贴, 供养亲属抚恤金) still run. They give the fund a stock of long-term benefits that a year of
    /// new cases changes by a tenth, not a fifth, so expenditure grows steadily (I01).
    var firstLegacyYear: Int { usesSampleLayout ? firstAccidentYear : min(asOf.year - 10, firstAccidentYear) }
}
