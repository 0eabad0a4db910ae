import FundModel

/// How the province scores its cities (评价考核, issue 14 #2): measures with weights, each scored 0–100, read
/// from the indicators a screening run stores, set in the rules configuration's `evaluation:` section (so it
/// is changed like a rule, with who, when and why).
///
/// - `levels`: the indicators' warnings in the city (its trailing-12-month figures, I03's year): 100 less the
///   deduction of each warning's level, never below 0.
/// - `figures`: an indicator's own figure scored by bands: the first band whose bound the figure meets (`min`:
///   at least, `max`: at most) gives the score; a figure meeting none scores 0. A city without the figure
///   (nothing to divide by) is not scored on that measure: its total is the weighted mean of the others.
public struct EvaluationScheme: Sendable, Hashable {
    public struct Band: Sendable, Hashable {
        /// The figure the band needs.
        public var bound: Decimal4
        /// `true`: the figure must be at most `bound`; `false`: at least.
        public var isMaximum: Bool
        public var score: Int

        public init(bound: Decimal4, isMaximum: Bool = false, score: Int) {
            self.bound = bound
            self.isMaximum = isMaximum
            self.score = score
        }

        public func admits(_ figure: Decimal4) -> Bool { isMaximum ? figure <= bound : figure >= bound }
    }

    public struct Figure: Sendable, Hashable {
        /// An indicator id (I01–I09).
        public var indicatorID: String
        public var weight: Int
        public var bands: [Band]

        public init(indicatorID: String, weight: Int, bands: [Band]) {
            self.indicatorID = indicatorID
            self.weight = weight
            self.bands = bands
        }

        /// The score of a figure, and the band that gave it (`nil`: none, 0 points).
        public func score(_ figure: Decimal4) -> (score: Int, band: Band?) {
            guard let band = bands.first(where: { $0.admits(figure) }) else { return (0, nil) }
            return (band.score, band)
        }
    }

    /// The weight of the indicators' warnings (0: not scored) and the points each level deducts.
    public var levelsWeight: Int
    public var deductions: [Severity: Int]
    /// Indicator figures scored by bands, in the file's order.
    public var figures: [Figure]
    /// The weight of the findings verified on time (`on_time`) and its bands on the percentage: of the findings
    /// whose due date (`verification.due_days`) fell before the period's last day, the share concluded by it.
    public var onTimeWeight: Int
    public var onTimeBands: [Band]

    public init(
        levelsWeight: Int, deductions: [Severity: Int], figures: [Figure], onTimeWeight: Int = 0,
        onTimeBands: [Band] = []
    ) {
        self.levelsWeight = levelsWeight
        self.deductions = deductions
        self.figures = figures
        self.onTimeWeight = onTimeWeight
        self.onTimeBands = onTimeBands
    }

    /// The on-time measure as a figure-like scorer.
    public var onTime: Figure { Figure(indicatorID: "on_time", weight: onTimeWeight, bands: onTimeBands) }

    /// The platform's default: warnings 40 (red −40, orange −25, yellow −10), 认定按时办结率 (I07) 30,
    /// 疑点核查完成率 (I08) 30 and findings verified on time 30, each by bands 95/90/80 % → 100/80/60, else 30.
    public static let standard = EvaluationScheme(
        levelsWeight: 40, deductions: [.red: 40, .orange: 25, .yellow: 10],
        figures: ["I07", "I08"].map { id in Figure(indicatorID: id, weight: 30, bands: standardBands) },
        onTimeWeight: 30, onTimeBands: standardBands)

    static let standardBands = [
        Band(bound: Decimal4(95), score: 100), Band(bound: Decimal4(90), score: 80),
        Band(bound: Decimal4(80), score: 60), Band(bound: Decimal4(0), score: 30),
    ]
}
