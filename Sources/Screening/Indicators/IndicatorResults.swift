import FundModel

/// How an indicator's figure meets its warning levels (rules.md §3).
enum IndicatorTest: Sendable {
    /// The figure itself: strictly above the level's figure (`ascending` indicators, e.g. growth
    /// > 20 %) or strictly below it (`descending`, e.g. < 6 months).
    case figure
    /// The figure as a multiple of the province's for the same period, strictly above (e.g. I04 > 1.5 ×).
    case multipleOfProvince
}

/// A warning level reached by one region's figure: what a region finding reports.
struct IndicatorWarning: Sendable {
    var slot: Int
    var regionCode: RegionCode
    var regionName: String
    var period: IndicatorPeriod
    var value: Decimal4
    var provinceValue: Decimal4?
    var severity: Severity
    /// The level's threshold figure.
    var figure: Decimal4
}

/// The figures of one indicator for every region slot and period, and how they become
/// `IndicatorValue`s for the console and region findings.
///
/// Every figure is a `Decimal4` rounded half up to four decimals, and the
/// levels judge that figure, exactly: a growth of exactly 20 % is not
/// "> 20 %". Each region is judged with its own thresholds (a city's
/// overrides, or the province's settings for the province).
struct IndicatorResults: Sendable {
    let spec: RuleSpec
    let regions: IndicatorRegions
    let periods: [IndicatorPeriod]
    /// `[slot][period]`, `nil` where undefined (nothing to divide by, months missing).
    let values: [[Decimal4?]]
    let test: IndicatorTest
    /// The periods whose values are judged (their `IndicatorValue.severity` is set): the
    /// trailing 12 months, or the calendar years; a single month is context, not a warning.
    let judged: Set<Int>
    /// The periods a finding may be raised for; of several, the most severe wins, the later on a tie.
    let findingPeriods: [Int]

    /// The warning level of one figure, most severe first, or `nil`.
    func level(slot: Int, period: Int, settings: RuleSettings) -> (severity: Severity, figure: Decimal4)? {
        guard let value = values[slot][period] else { return nil }
        let levels = settings.gradedLevels
        switch test {
        case .figure:
            let descending = spec.levelOrder == .descending
            return levels.first { descending ? value < $0.figure : value > $0.figure }
        case .multipleOfProvince:
            guard let province = values[regions.provinceSlot][period] else { return nil }
            return levels.first {
                Exact.exceeds(
                    [Exact.factor(value.tenThousandths), 10_000],
                    [Exact.factor($0.figure.tenThousandths), Exact.factor(province.tenThousandths)])
            }
        }
    }

    /// The `IndicatorValue`s of every slot and period, and one finding per region whose figure for
    /// a finding period reaches a level (id `I0x-region-CODE`, no period suffix).
    func output(
        _ context: RuleContext, detail: (IndicatorWarning) -> String,
        amount: (IndicatorWarning) -> Money = { _ in .zero }
    ) -> RuleOutput {
        var indicatorValues: [IndicatorValue] = []
        var findings: [Finding] = []
        for slot in 0..<regions.count {
            let code = regions.codes[slot]
            let settings = context.settings(region: code)
            var warning: IndicatorWarning?
            for period in periods.indices {
                let reached = judged.contains(period) ? level(slot: slot, period: period, settings: settings) : nil
                let provinceValue = values[regions.provinceSlot][period]
                indicatorValues.append(
                    IndicatorValue(
                        indicatorID: spec.id, regionCode: code, period: periods[period], value: values[slot][period],
                        provinceValue: provinceValue, severity: reached?.severity))
                guard let reached, findingPeriods.contains(period), let value = values[slot][period] else { continue }
                if let current = warning, current.severity < reached.severity { continue }  // keep the more severe
                warning = IndicatorWarning(
                    slot: slot, regionCode: code, regionName: regions.names[slot], period: periods[period],
                    value: value, provinceValue: provinceValue, severity: reached.severity, figure: reached.figure)
            }
            if let warning {
                findings.append(
                    Finding(
                        ruleID: spec.id, severity: warning.severity, regionCode: code, subjectType: .region,
                        subjectID: code.raw, amount: amount(warning), detail: detail(warning), evidence: []))
            }
        }
        return RuleOutput(findings: findings, indicatorValues: indicatorValues)
    }
}

extension Decimal4 {
    /// For a detail line: the figure as judged (up to four decimals, so 2.9999 never reads as 3),
    /// or "无" for an undefined figure.
    static func text(_ value: Decimal4?) -> String { value?.description ?? "无" }
}
