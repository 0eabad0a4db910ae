import FundModel

/// The fixed figures of the 工伤保险条例 (2010): months, percentages and bounds that no province changes.
///
/// The figures a province or year does change (average and minimum wages,
/// subsidy months, the national income) are in `ParameterTable`.
public enum StatutoryRates {
    /// 条例 22: disability grades run from 1 (most severe) to 10.
    public static let grades: ClosedRange<Int> = 1...10

    /// 条例 64: the own wage is bounded to [60 %, 300 %] of the pooling region's average monthly wage.
    public static let ownWageFloorPercent: Int64 = 60
    public static let ownWageCapPercent: Int64 = 300

    /// 条例 35–37: months of own wage of 一次性伤残补助金 by grade.
    public static func disabilityLumpMonths(grade: Int) -> Int64? {
        switch grade {
        case 1: 27
        case 2: 25
        case 3: 23
        case 4: 21
        case 5: 18
        case 6: 16
        case 7: 13
        case 8: 11
        case 9: 9
        case 10: 7
        default: nil
        }
    }

    /// 条例 35 (grades 1–4, fund) and 36 (grades 5–6, employer): 伤残津贴 as a percentage of own wage.
    public static func disabilityMonthlyPercent(grade: Int) -> Int64? {
        switch grade {
        case 1: 90
        case 2: 85
        case 3: 80
        case 4: 75
        case 5: 70
        case 6: 60
        default: nil
        }
    }

    /// 条例 34: 生活护理费 as a percentage of the average monthly wage; `nil` for no self-care impairment.
    public static func nursingPercent(_ level: NursingLevel) -> Int64? {
        switch level {
        case .full: 50
        case .most: 40
        case .partial: 30
        case .none: nil
        }
    }

    /// 条例 39(1)(1): 丧葬补助金 is 6 months of the average monthly wage.
    public static let funeralMonths: Int64 = 6

    /// 条例 39(1)(2): 供养亲属抚恤金 shares of the deceased's own wage.
    public static let spousePercent: Int64 = 40
    public static let otherDependantPercent: Int64 = 30
    /// rules.md §5: "+10 %" for 孤寡老人 or 孤儿 means ten percentage points.
    public static let lonePercentagePoints: Int64 = 10
    /// The dependants' pensions together may not exceed the deceased's wage.
    public static let dependantsCapPercent: Int64 = 100

    /// 工伤预防费使用管理暂行办法 (人社部规〔2017〕13号) art. 5: prevention spending may not exceed 3 % of
    /// the previous year's revenue (indicator I03's cap).
    public static let preventionCapPercent: Int64 = 3

    /// 条例 39(1)(3): 一次性工亡补助金 is 20 times the national urban disposable income.
    public static let deathLumpMultiple: Int64 = 20

    /// The share of the own wage a dependant is entitled to before the cap (条例 39(1)(2)).
    public static func dependantPercent(_ dependent: Dependent) -> Int64 {
        (dependent.relation == .spouse ? spousePercent : otherDependantPercent)
            + (dependent.lone ? lonePercentagePoints : 0)
    }
}

extension StatutoryRates {
    /// The article that sets the disability benefits of a grade: 35 for 1–4, 36 for 5–6, 37 for 7–10.
    public static func article(grade: Int) -> String {
        switch grade {
        case 1...4: "条例 35"
        case 5...6: "条例 36"
        default: "条例 37"
        }
    }
}
