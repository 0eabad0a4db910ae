import FundModel
import FundRules

/// A small province whose figures are chosen so that every amount in the tests can be worked out by hand.
///
/// - 410000 the province: avg_monthly_wage 6 000 (2023), 6 500 (2024), 7 000 (2025), 7 500 (2026);
///   min_monthly_wage 2 000 (2023), 2 100 (2024); subsidy months for grades 5–10 in 2023 and 2024:
///   medical 10 / 8 / 6 / 4 / 2.5 / 1, employment 20 / 16 / 12 / 8 / 4 / 2; and a provincial
///   urban_disposable_income row (60 000, 2024) that must be ignored (the figure is national).
/// - 410100 a city with its own avg_monthly_wage 8 000 in 2024 only.
/// - 410200 a low-wage city: avg 4 000, min 2 000 (2024), for the minimum-wage top-ups.
/// - 410300 avg 3 333.33, 410400 avg 8 000.05, 410500 avg 3 333.3333 (2024): rounding cases.
/// - 419001 a county-level city directly under the province (parent_code 410000); 419000 has a row that
///   419001 must not inherit.
/// - 000000 national urban_disposable_income 49 283 (2023), 51 821 (2024), 54 188 (2025).
enum Fixture {
    static func region(_ code: String) -> RegionCode { RegionCode(code)! }
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let province = region("410000")
    static let city = region("410100")
    static let lowWageCity = region("410200")

    static let regions: [Region] = [
        Region(code: province, name: "示范省", level: .province, parentCode: nil),
        Region(code: city, name: "一市", level: .city, parentCode: province),
        Region(code: lowWageCity, name: "二市", level: .city, parentCode: province),
        Region(code: region("410300"), name: "三市", level: .city, parentCode: province),
        Region(code: region("410400"), name: "四市", level: .city, parentCode: province),
        Region(code: region("410500"), name: "五市", level: .city, parentCode: province),
        Region(code: region("419000"), name: "省直辖", level: .city, parentCode: province),
        Region(code: region("419001"), name: "直管市", level: .county, parentCode: province),
    ]

    static func parameter(_ code: String, _ year: Int, _ name: String, _ value: String) -> Parameter {
        Parameter(regionCode: region(code), year: year, name: name, value: Decimal4(value)!)
    }

    static let parameters: [Parameter] = {
        var rows: [Parameter] = [
            parameter("000000", 2023, ParameterName.urbanDisposableIncome, "49283"),
            parameter("000000", 2024, ParameterName.urbanDisposableIncome, "51821"),
            parameter("000000", 2025, ParameterName.urbanDisposableIncome, "54188"),
            parameter("410000", 2024, ParameterName.urbanDisposableIncome, "60000"),
            parameter("410000", 2023, ParameterName.avgMonthlyWage, "6000"),
            parameter("410000", 2024, ParameterName.avgMonthlyWage, "6500"),
            parameter("410000", 2025, ParameterName.avgMonthlyWage, "7000"),
            parameter("410000", 2026, ParameterName.avgMonthlyWage, "7500"),
            parameter("410000", 2023, ParameterName.minMonthlyWage, "2000"),
            parameter("410000", 2024, ParameterName.minMonthlyWage, "2100"),
            parameter("410100", 2024, ParameterName.avgMonthlyWage, "8000"),
            parameter("410200", 2024, ParameterName.avgMonthlyWage, "4000"),
            parameter("410200", 2024, ParameterName.minMonthlyWage, "2000"),
            parameter("410300", 2024, ParameterName.avgMonthlyWage, "3333.33"),
            parameter("410300", 2024, ParameterName.minMonthlyWage, "1000"),
            parameter("410400", 2024, ParameterName.avgMonthlyWage, "8000.05"),
            parameter("410500", 2024, ParameterName.avgMonthlyWage, "3333.3333"),
            parameter("419000", 2024, ParameterName.avgMonthlyWage, "9999"),
        ]
        let medical = ["10", "8", "6", "4", "2.5", "1"]
        let employment = ["20", "16", "12", "8", "4", "2"]
        for year in [2023, 2024] {
            for (offset, grade) in (5...10).enumerated() {
                rows.append(
                    parameter("410000", year, ParameterName.medicalSubsidyMonths(grade: grade), medical[offset]))
                rows.append(
                    parameter("410000", year, ParameterName.employmentSubsidyMonths(grade: grade), employment[offset]))
            }
        }
        return rows
    }()

    static let table = ParameterTable(parameters: parameters, regions: regions)
    static let calculator = EntitlementCalculator(parameters: table)

    /// A person id of the right shape; the number makes it unique.
    static func person(_ n: Int) -> PersonID {
        let digits = String(n)
        return PersonID("41010219800101" + String(repeating: "0", count: 4 - digits.count) + digits)!
    }

    /// A dependant eligible under 供养亲属范围规定 art. 3 unless told otherwise: an elder relative born in 1950,
    /// a young one in 2015 (the id itself says 1980, a woman).
    static func dependent(
        _ n: Int, _ relation: Relation, lone: Bool = false, ended: Day? = nil, caseID: String = "C1",
        born: String? = nil, disabled: Bool = false, started: Day? = nil
    ) -> Dependent {
        let young: Set<Relation> = [.child, .grandchild, .sibling]
        return Dependent(
            dependentID: person(n), caseID: caseID, relation: relation,
            birthDate: day(born ?? (young.contains(relation) ? "2015-06-01" : "1950-06-01")), lone: lone,
            disabled: disabled, startDate: started, endDate: ended)
    }

    /// The facts of case C1; by default in city 410100, accident 2024-05-10, declared wage 10 000 yuan.
    static func facts(
        region code: String = "410100", accident: String = "2024-05-10", wage: Money? = Money(yuan: 10_000),
        fatal: Bool = false, grade: Int? = nil, nursing: NursingLevel? = nil, dependents: [Dependent] = [],
        assessed: Bool? = nil, died: String? = nil, gradeBeforeDeath: Int? = nil, pensions: [PensionRecord] = []
    ) -> CaseFacts {
        CaseFacts(
            caseID: "C1", regionCode: region(code), accidentDate: day(accident), declaredOwnWage: wage, fatal: fatal,
            grade: grade, nursing: nursing, dependents: dependents, hasConcludedAssessment: assessed,
            deathDate: died.map(day), gradeBeforeDeath: gradeBeforeDeath, pensions: pensions)
    }

    /// Yuan with two decimals, written as in the hand calculation: `yuan("3076.92")`.
    static func yuan(_ text: String) -> Money { try! Money(yuan: text) }
}
