import FundModel
import FundStore
import Screening

/// Turns a run's indicator figures into the readings the store keeps (issue 14 #1): each figure with the
/// level the engine judged, the period's last month, and the thresholds in force for its region.
///
/// Shared by the console's screening and `fundguard screen`/`demo`, so a run records its indicators the same
/// way whoever starts it. The figures and levels are the engine's, copied, never recomputed.
public enum IndicatorHistoryRecorder {
    public static func readings(_ report: ScreeningReport, configuration: RulesConfiguration) -> [IndicatorReading] {
        let reference = IndicatorJudging.referenceMonth(asOf: report.asOf)
        var thresholdsCache: [String: [Severity: Decimal4]] = [:]
        return report.indicatorValues.compactMap { value in
            guard let judging = IndicatorJudging.of(value.indicatorID) else { return nil }
            let kind: IndicatorReading.PeriodKind
            switch value.period {
            case .month: kind = .month
            case .trailing12: kind = .trailing12
            case .year: kind = .year
            }
            let key = value.indicatorID + "/" + value.regionCode.raw
            let thresholds =
                thresholdsCache[key]
                ?? {
                    var levels: [Severity: Decimal4] = [:]
                    for level in configuration.settings(value.indicatorID, region: value.regionCode).gradedLevels {
                        levels[level.severity] = level.figure
                    }
                    thresholdsCache[key] = levels
                    return levels
                }()
            return IndicatorReading(
                indicatorID: value.indicatorID, regionCode: value.regionCode, periodKind: kind,
                periodEnd: IndicatorJudging.lastMonth(of: value.period, reference: reference), value: value.value,
                provinceValue: value.provinceValue, level: value.severity, comparison: comparison(judging),
                thresholds: thresholds)
        }
    }

    static func comparison(_ judging: IndicatorJudging) -> IndicatorReading.Comparison {
        switch judging {
        case .above: .above
        case .below: .below
        case .aboveProvinceMultiple: .aboveProvinceMultiple
        case .none: .none
        }
    }
}
