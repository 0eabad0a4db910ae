import FundModel
import FundStore
import Screening

/// How the console writes an indicator's figures: the unit of each indicator (rules.md §3), the level as
/// text beside its colour, the thresholds as a sentence.
enum IndicatorPresentation {
    /// The indicators of the catalogue, in order.
    static var ids: [String] { RuleCatalog.indicators.map(\.id) }

    /// The unit written after a figure.
    static func unit(_ id: String) -> String {
        switch id {
        case "I02": " 个月"
        case "I04", "I09": " 元"
        default: "%"
        }
    }

    /// The unit of a level's figure (a multiple for the indicators judged against the province).
    static func thresholdUnit(_ id: String, _ comparison: IndicatorReading.Comparison) -> String {
        comparison == .aboveProvinceMultiple ? " 倍" : unit(id)
    }

    /// `12.5%`, `8.25 个月`, `无` for an undefined figure.
    static func figure(_ value: Decimal4?, _ id: String) -> String {
        guard let value else { return "无" }
        return value.description + unit(id)
    }

    /// The level in words: the colour is never the only sign (红色 / 橙色 / 黄色 / 正常 / 未评判).
    static func levelText(_ reading: IndicatorReading) -> String {
        if let level = reading.level { return level.chineseName }
        if reading.comparison == .none || reading.periodKind == .month { return "不评判" }
        return reading.value == nil ? "无数据" : "正常"
    }

    /// The classes of the level's mark, from the console's stylesheet: a coloured badge for a warning, the
    /// green "cleared" mark for a judged figure below every level, muted text otherwise.
    static func levelClass(_ reading: IndicatorReading) -> String {
        if let level = reading.level { return "badge \(level.rawValue)" }
        return reading.value == nil || reading.comparison == .none || reading.periodKind == .month
            ? "muted" : "status cleared"
    }

    /// `红色：高于 50%；橙色：高于 35%；黄色：高于 20%`, or `仅监测，不设预警线`.
    static func thresholdText(_ reading: IndicatorReading) -> String {
        guard reading.comparison != .none, !reading.thresholds.isEmpty else { return "仅监测，不设预警线" }
        let verb = reading.comparison == .below ? "低于" : "高于"
        let of = reading.comparison == .aboveProvinceMultiple ? "全省的 " : " "
        return Severity.allCases.compactMap { level in
            reading.thresholds[level].map {
                "\(level.chineseName)：\(verb)\(of)\($0.description)\(thresholdUnit(reading.indicatorID, reading.comparison))"
            }
        }.joined(separator: "；")
    }
}
