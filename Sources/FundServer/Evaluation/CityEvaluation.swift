import FundModel
import FundStore
import Screening

/// 评价考核 (issue 14 #2): each city's score for the period of a screening run, by the scheme of the rules
/// configuration, from the indicator figures that run stored; every point with the figure it came from.
///
/// The period is the run's reference month (its trailing 12 months end there); the previous period is the
/// newest run of an earlier reference month. A run limited to some rules stores only their indicators, and is
/// scored on what it has.
struct CityEvaluation {
    /// One measure of one city: its weight, its score (`nil`: not scored, no figure) and why.
    struct Line: Sendable {
        var measure: String
        var name: String
        var weight: Int
        var score: Int?
        var basis: String
    }

    struct City: Sendable {
        var region: RegionCode
        /// The weighted mean of the scored measures, `nil` when none could be scored.
        var total: Decimal4?
        var lines: [Line]
        var rank: Int = 0
        var previousRank: Int?
        var previousTotal: Decimal4?
    }

    struct Period: Sendable {
        var runID: Int64
        var asOf: Day
        var month: YearMonth
    }

    var period: Period
    var previous: Period?
    /// Ranked: best first.
    var cities: [City]

    /// The evaluation of run `runID` (default: the newest run with indicator figures), `nil` when there is none.
    static func make(
        store: SQLiteFundStore, scheme: EvaluationScheme, dueDays: FindingDueDays = .standard, runID: Int64? = nil
    ) throws -> CityEvaluation? {
        let runs = try store.indicatorRuns(limit: 1_000).map {
            Period(runID: $0.runID, asOf: $0.asOf, month: IndicatorJudging.referenceMonth(asOf: $0.asOf))
        }
        let chosen = runID.map { id in runs.first { $0.runID == id } } ?? runs.first
        guard let current = chosen else { return nil }
        let previous = runs.first { $0.month < current.month }
        var cities = try scores(store: store, period: current, scheme: scheme, dueDays: dueDays)
        Self.rank(&cities)
        if let previous {
            var before = try scores(store: store, period: previous, scheme: scheme, dueDays: dueDays)
            Self.rank(&before)
            let byRegion = Dictionary(before.map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
            for index in cities.indices {
                cities[index].previousRank = byRegion[cities[index].region]?.rank
                cities[index].previousTotal = byRegion[cities[index].region]?.total
            }
        }
        return CityEvaluation(period: current, previous: previous, cities: cities)
    }

    /// Ranks by total, best first (a city without a total last); equal totals share a rank.
    static func rank(_ cities: inout [City]) {
        cities.sort { a, b in
            switch (a.total, b.total) {
            case (let x?, let y?): x != y ? x > y : a.region < b.region
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.region < b.region
            }
        }
        for index in cities.indices {
            let total = cities[index].total
            cities[index].rank =
                1
                + cities.filter { other in
                    switch (other.total, total) {
                    case (let x?, let y?): x > y
                    case (.some, nil): true
                    default: false
                    }
                }.count
        }
    }

    /// Every city's score from one run's stored figures.
    static func scores(store: SQLiteFundStore, period: Period, scheme: EvaluationScheme, dueDays: FindingDueDays)
        throws -> [City]
    {
        let readings = try store.indicatorReadings(
            IndicatorHistoryQuery(runs: .run(period.runID), limit: IndicatorRoutes.readLimit)
        ).rows
        let end = period.month.lastDay
        let timeliness =
            scheme.onTimeWeight > 0
            ? Dictionary(grouping: try store.findingTimelinessRows(asOf: end), by: \.regionCode.city) : [:]
        var headline: [String: [RegionCode: IndicatorReading]] = [:]
        for (id, rows) in Dictionary(grouping: readings, by: \.reading.indicatorID) {
            guard let period = IndicatorRoutes.headline(rows) else { continue }
            for row in rows where row.reading.periodKind == period.kind && row.reading.periodEnd == period.end {
                headline[id, default: [:]][row.reading.regionCode] = row.reading
            }
        }
        let cities = Set(readings.map(\.reading.regionCode)).filter { $0.impliedLevel == .city }
        return cities.map { city in
            var lines: [Line] = []
            if scheme.levelsWeight > 0 {
                let warnings = IndicatorPresentation.ids.compactMap { id -> (String, Severity)? in
                    headline[id]?[city]?.level.map { (id, $0) }
                }
                let deducted = warnings.reduce(0) { $0 + (scheme.deductions[$1.1] ?? 0) }
                lines.append(
                    Line(
                        measure: "levels", name: "指标预警", weight: scheme.levelsWeight, score: max(0, 100 - deducted),
                        basis: warnings.isEmpty
                            ? "无指标预警"
                            : warnings.map { "\($0.0) \($0.1.chineseName) −\(scheme.deductions[$0.1] ?? 0)" }
                                .joined(separator: "；")))
            }
            for figure in scheme.figures where figure.weight > 0 {
                let name = "\(figure.indicatorID) \(RuleNames.name(figure.indicatorID))"
                guard let reading = headline[figure.indicatorID]?[city], let value = reading.value else {
                    lines.append(
                        Line(
                            measure: figure.indicatorID, name: name, weight: figure.weight, score: nil,
                            basis: "无数据，不计分"))
                    continue
                }
                let (score, band) = figure.score(value)
                let text = IndicatorPresentation.figure(value, figure.indicatorID)
                let rule = band.map {
                    "\($0.isMaximum ? "不高于" : "不低于") \($0.bound)\(IndicatorPresentation.unit(figure.indicatorID))"
                }
                lines.append(
                    Line(
                        measure: figure.indicatorID, name: name, weight: figure.weight, score: score,
                        basis: "\(reading.periodText) \(text)" + (rule.map { "，\($0)" } ?? "，未达任何档次")))
            }
            if scheme.onTimeWeight > 0 {
                lines.append(Self.onTime(timeliness[city] ?? [], end: end, scheme: scheme, dueDays: dueDays))
            }
            let scored = lines.filter { $0.score != nil }
            let weights = scored.reduce(0) { $0 + $1.weight }
            let points = scored.reduce(0) { $0 + $1.weight * ($1.score ?? 0) }
            // Exact: the weighted mean in ten-thousandths, rounded half up.
            let total =
                weights > 0
                ? Decimal4(tenThousandths: (Int64(points) * 10_000 * 2 + Int64(weights)) / (2 * Int64(weights))) : nil
            return City(region: city, total: total, lines: lines)
        }
    }

    /// The findings verified on time: of a city's findings due before `end`, the share concluded by their due
    /// date, in percent (exact, four decimals), scored by the scheme's bands; not scored when none was due.
    static func onTime(_ rows: [FindingTimelinessRow], end: Day, scheme: EvaluationScheme, dueDays: FindingDueDays)
        -> Line
    {
        let due = rows.filter { dueDays.dueDate(firstSeen: $0.firstSeen, severity: $0.severity) < end }
        let onTime = due.filter { row in
            row.concluded.map { $0 <= dueDays.dueDate(firstSeen: row.firstSeen, severity: row.severity) } ?? false
        }
        let name = "疑点按时核查"
        guard !due.isEmpty else {
            return Line(
                measure: "on_time", name: name, weight: scheme.onTimeWeight, score: nil,
                basis: "截至 \(end.iso) 无到期疑点，不计分")
        }
        let count = Int64(due.count)
        let share = Decimal4(tenThousandths: (Int64(onTime.count) * 1_000_000 * 2 + count) / (2 * count))
        let (score, band) = scheme.onTime.score(share)
        let rule = band.map { "\($0.isMaximum ? "不高于" : "不低于") \($0.bound)%" }
        return Line(
            measure: "on_time", name: name, weight: scheme.onTimeWeight, score: score,
            basis: "截至 \(end.iso) 到期 \(due.count) 条，按期办结 \(onTime.count) 条（\(share)%）"
                + (rule.map { "，\($0)" } ?? "，未达任何档次"))
    }
}
