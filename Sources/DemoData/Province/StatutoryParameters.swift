import FundModel

/// The yearly statutory figures of 东海省 (`parameters.csv`).
///
/// Average wages are fictional but shaped like a coastal province's: the
/// province's 上年度职工月平均工资 starts at 7 300 yuan in 2020 and grows 4.5 %
/// a year, each city at its own level. The national urban disposable income is
/// the real series of domain.md §G (row Y holds the income of Y−1); the row for
/// 2026 is a demo estimate, because the 2025 figure was not verified.
enum StatutoryParameters {
    /// National 城镇居民人均可支配收入 of the previous year, by the year it applies in (yuan). 2021–2025 are
    /// domain.md §G; 2016–2020 are the NBS figures of 2015–2019 (needed by the older death cases, not in §G);
    /// 2008–2015 are the NBS figures of 2007–2014, for a longer history (`DemoOptions.historyYears`).
    static let urbanDisposableIncome: [Int: Int64] = [
        2008: 13_786, 2009: 15_781, 2010: 17_175, 2011: 19_109, 2012: 21_810, 2013: 24_565, 2014: 26_467,
        2015: 28_844,
        2016: 31_195, 2017: 33_616, 2018: 36_396, 2019: 39_251, 2020: 42_359, 2021: 43_834, 2022: 47_412, 2023: 49_283,
        2024: 51_821, 2025: 54_188,
        // Estimate for the demo (not an official figure): 2024's income grown by 4.3 %.
        2026: 56_518,
    ]

    /// 一次性工伤医疗补助金 in months of own wage, grades 5–10 (provincial standard, demo figures).
    static let medicalSubsidyMonths: [Int: Decimal4] = [
        5: Decimal4(16), 6: Decimal4(13), 7: Decimal4(10), 8: Decimal4(7), 9: Decimal4(4),
        10: Decimal4(tenThousandths: 25_000),
    ]
    /// 一次性伤残就业补助金 in months of own wage, grades 5–10 (provincial standard, demo figures).
    static let employmentSubsidyMonths: [Int: Decimal4] = [
        5: Decimal4(20), 6: Decimal4(16), 7: Decimal4(12), 8: Decimal4(9), 9: Decimal4(6), 10: Decimal4(3),
    ]

    /// The province's average monthly wage in yuan for a year.
    static func provinceAverageWage(year: Int) -> Int64 {
        var wage: Int64 = 7_300
        if year >= 2020 {
            for _ in 2020..<year { wage = (wage * 1_045 + 500) / 1_000 }
        } else {
            for _ in year..<2020 { wage = (wage * 1_000 + 522) / 1_045 }
        }
        return wage
    }

    /// A city's average monthly wage in yuan for a year.
    static func cityAverageWage(_ city: CityBlueprint, year: Int) -> Int64 {
        (provinceAverageWage(year: year) * Int64(city.wageLevelPerMille) + 500) / 1_000
    }

    /// 最低工资标准 in yuan by tier (0 highest) for a year: raised in 2021 and 2024.
    static func minimumWage(tier: Int, year: Int) -> Int64 {
        let steps: [[Int64]] = [[2_010, 1_800, 1_660], [2_280, 2_070, 1_840], [2_490, 2_260, 2_010]]
        let era = year >= 2024 ? 2 : (year >= 2021 ? 1 : 0)
        return steps[era][min(max(tier, 0), 2)]
    }

    /// 条例 40: the province's yearly adjustment of 伤残津贴 and 供养亲属抚恤金 applied from January of `year`
    /// (rev. 2): a ratio of 3 % to 5 % (in 1/10 000) and an amount in yuan, the same every seed. Demo
    /// figures, shaped like the provinces' notices (a percentage and a fixed sum).
    static func adjustment(year: Int) -> (ratio: Decimal4, yuan: Int64) {
        let ratios: [Int64] = [300, 350, 400, 450, 500]
        let amounts: [Int64] = [0, 30, 20, 50, 40]
        let k = ((year % 5) + 5) % 5
        return (Decimal4(tenThousandths: ratios[(k * 3) % 5]), amounts[k])
    }

    /// Every row for the years, for the province, its cities and the nation: the adjustments (条例 40) from
    /// the second year on, and the province's pooling level (`city`: each city's own figures) on the first.
    static func rows(cities: [CityBlueprint], years: ClosedRange<Int>) -> [Parameter] {
        var rows: [Parameter] = [
            Parameter(
                regionCode: ProvinceBlueprint.code, year: years.lowerBound, name: ParameterName.pooling,
                value: PoolingLevel.city.storedValue)
        ]
        for year in years {
            if year > years.lowerBound {
                let adjustment = adjustment(year: year)
                rows.append(
                    Parameter(
                        regionCode: ProvinceBlueprint.code, year: year, name: ParameterName.adjustRatio,
                        value: adjustment.ratio))
                rows.append(
                    Parameter(
                        regionCode: ProvinceBlueprint.code, year: year, name: ParameterName.adjustAmount,
                        value: Decimal4(adjustment.yuan)))
            }
            rows.append(
                Parameter(
                    regionCode: ProvinceBlueprint.code, year: year, name: ParameterName.avgMonthlyWage,
                    value: Decimal4(provinceAverageWage(year: year))))
            rows.append(
                Parameter(
                    regionCode: ProvinceBlueprint.code, year: year, name: ParameterName.minMonthlyWage,
                    value: Decimal4(minimumWage(tier: 2, year: year))))
            for grade in 5...10 {
                rows.append(
                    Parameter(
                        regionCode: ProvinceBlueprint.code, year: year,
                        name: ParameterName.medicalSubsidyMonths(grade: grade), value: medicalSubsidyMonths[grade]!))
                rows.append(
                    Parameter(
                        regionCode: ProvinceBlueprint.code, year: year,
                        name: ParameterName.employmentSubsidyMonths(grade: grade),
                        value: employmentSubsidyMonths[grade]!))
            }
            for city in cities {
                rows.append(
                    Parameter(
                        regionCode: city.code, year: year, name: ParameterName.avgMonthlyWage,
                        value: Decimal4(cityAverageWage(city, year: year))))
                rows.append(
                    Parameter(
                        regionCode: city.code, year: year, name: ParameterName.minMonthlyWage,
                        value: Decimal4(minimumWage(tier: city.minimumWageTier, year: year))))
            }
            if let income = urbanDisposableIncome[year] {
                rows.append(
                    Parameter(
                        regionCode: .national, year: year, name: ParameterName.urbanDisposableIncome,
                        value: Decimal4(income)))
            }
        }
        return rows
    }
}
