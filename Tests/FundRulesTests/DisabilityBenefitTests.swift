import FundModel
import Testing

@testable import FundRules

/// City 410100, accident 2024-05-10, own wage 10 000 (inside [4 800, 24 000]); min_monthly_wage 2 100 (province);
/// provincial months: medical 10 / 8 / 6 / 4 / 2.5 / 1 and employment 20 / 16 / 12 / 8 / 4 / 2 for grades 5–10.
@Suite("Disability benefits: 条例 35–37")
struct DisabilityBenefitTests {
    let calculator = Fixture.calculator

    struct GradeCase: Sendable, CustomTestStringConvertible {
        var grade: Int
        var lump: Int64  // yuan
        var fundMonthly: Int64?
        var employerMonthly: Int64?
        var medicalLump: Int64?
        var employmentLump: Int64?
        var testDescription: String { "grade \(grade)" }
    }

    static let grades: [GradeCase] = [
        // 条例 35: 27 / 25 / 23 / 21 months; 90 / 85 / 80 / 75 % monthly from the fund.
        GradeCase(grade: 1, lump: 10_000 * 27, fundMonthly: 9_000),
        GradeCase(grade: 2, lump: 10_000 * 25, fundMonthly: 8_500),
        GradeCase(grade: 3, lump: 10_000 * 23, fundMonthly: 8_000),
        GradeCase(grade: 4, lump: 10_000 * 21, fundMonthly: 7_500),
        // 条例 36: 18 / 16 months; 70 / 60 % monthly from the employer; provincial medical and employment months.
        GradeCase(grade: 5, lump: 180_000, employerMonthly: 7_000, medicalLump: 100_000, employmentLump: 200_000),
        GradeCase(grade: 6, lump: 160_000, employerMonthly: 6_000, medicalLump: 80_000, employmentLump: 160_000),
        // 条例 37: 13 / 11 / 9 / 7 months; no monthly allowance.
        GradeCase(grade: 7, lump: 130_000, medicalLump: 60_000, employmentLump: 120_000),
        GradeCase(grade: 8, lump: 110_000, medicalLump: 40_000, employmentLump: 80_000),
        GradeCase(grade: 9, lump: 90_000, medicalLump: 25_000, employmentLump: 40_000),  // 2.5 months
        GradeCase(grade: 10, lump: 70_000, medicalLump: 10_000, employmentLump: 20_000),
    ]

    @Test("条例 35–37: every item of every grade 1–10 (own wage 10 000)", arguments: grades)
    func everyGrade(_ expected: GradeCase) throws {
        let schedule = try calculator.schedule(for: Fixture.facts(grade: expected.grade))
        #expect(schedule.boundedOwnWage == Money(yuan: 10_000))
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: expected.lump))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == expected.fundMonthly.map { Money(yuan: $0) })
        #expect(schedule.amount(ItemCode.disabilityMonthly56) == expected.employerMonthly.map { Money(yuan: $0) })
        #expect(schedule.amount(ItemCode.medicalLump) == expected.medicalLump.map { Money(yuan: $0) })
        #expect(schedule.amount(ItemCode.employmentLump) == expected.employmentLump.map { Money(yuan: $0) })
        let others: Set<String> = [
            ItemCode.nursing, ItemCode.funeral, ItemCode.dependant, ItemCode.deathLump, ItemCode.med,
            ItemCode.pensionTopup, ItemCode.wageContinuation,
        ]
        #expect(schedule.items.allSatisfy { !others.contains($0.itemCode) })
    }

    @Test("条例 35–37: the articles, payers and paid-as of the disability items")
    func basisAndPayer() throws {
        let one = try calculator.schedule(for: Fixture.facts(grade: 1))
        #expect(
            one.items.map { "\($0.itemCode) \($0.payer.rawValue) \($0.paidAs.rawValue) \($0.basis)" } == [
                "DISABILITY_LUMP fund one_off 条例 35", "DISABILITY_MONTHLY fund monthly 条例 35",
            ])
        let five = try calculator.schedule(for: Fixture.facts(grade: 5))
        #expect(
            five.items.map { "\($0.itemCode) \($0.payer.rawValue) \($0.paidAs.rawValue) \($0.basis)" } == [
                "DISABILITY_LUMP fund one_off 条例 36", "MEDICAL_LUMP fund one_off 条例 36",
                "DISABILITY_MONTHLY_5_6 employer monthly 条例 36", "EMPLOYMENT_LUMP employer one_off 条例 36",
            ])
        let eight = try calculator.schedule(for: Fixture.facts(grade: 8))
        #expect(
            eight.items.map { "\($0.itemCode) \($0.payer.rawValue) \($0.basis)" } == [
                "DISABILITY_LUMP fund 条例 37", "MEDICAL_LUMP fund 条例 37", "EMPLOYMENT_LUMP employer 条例 37",
            ])
        #expect(eight.items.first?.name == "一次性伤残补助金")
    }

    @Test(
        "条例 35: grades 1–4 topped up by the fund to min_monthly_wage 2 000 (410200, own wage bounded to 2 400)",
        arguments: [
            (1, "2160.00"),  // 2 400 × 90 % = 2 160 ≥ 2 000: no top-up
            (2, "2040.00"),  // 2 400 × 85 % = 2 040
            (3, "2000.00"),  // 2 400 × 80 % = 1 920 → 2 000
            (4, "2000.00"),  // 2 400 × 75 % = 1 800 → 2 000
        ])
    func fundTopUp(grade: Int, monthly: String) throws {
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410200", wage: Money(yuan: 2000), grade: grade))
        #expect(schedule.boundedOwnWage == Money(yuan: 2400))
        let items = schedule.items(ItemCode.disabilityMonthly)
        #expect(items.map(\.amount) == [Fixture.yuan(monthly)])
        #expect(items.map(\.payer) == [.fund])
    }

    @Test(
        "条例 36: grades 5–6 topped up by the employer to min_monthly_wage 2 000 (410200, own wage 2 400)",
        arguments: [
            (5, "2000.00"),  // 2 400 × 70 % = 1 680 → 2 000
            (6, "2000.00"),  // 2 400 × 60 % = 1 440 → 2 000
        ])
    func employerTopUp(grade: Int, monthly: String) throws {
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410200", wage: Money(yuan: 2000), grade: grade))
        let items = schedule.items(ItemCode.disabilityMonthly56)
        #expect(items.map(\.amount) == [Fixture.yuan(monthly)])
        #expect(items.map(\.payer) == [.employer])
        #expect(schedule.items(ItemCode.disabilityMonthly).isEmpty)
    }

    @Test("条例 35: the top-up applies only where lower (exactly at, and one step above, the minimum)")
    func topUpBoundary() throws {
        // 2 500 × 80 % = 2 000 exactly: equal to the minimum.
        let at = try calculator.schedule(for: Fixture.facts(region: "410200", wage: Money(yuan: 2500), grade: 3))
        #expect(at.amount(ItemCode.disabilityMonthly) == Fixture.yuan("2000.00"))
        // 2 500.05 × 80 % = 2 000.04: above the minimum, paid as computed.
        let above = try calculator.schedule(
            for: Fixture.facts(region: "410200", wage: Fixture.yuan("2500.05"), grade: 3))
        #expect(above.amount(ItemCode.disabilityMonthly) == Fixture.yuan("2000.04"))
        // 2 499.95 × 80 % = 1 999.96: below, topped up to 2 000.
        let below = try calculator.schedule(
            for: Fixture.facts(region: "410200", wage: Fixture.yuan("2499.95"), grade: 3))
        #expect(below.amount(ItemCode.disabilityMonthly) == Fixture.yuan("2000.00"))
    }

    @Test("条例 36–37: the months are the province's for the accident year, unless the city has its own")
    func provincialMonths() throws {
        // 2023 in 410100: own wage bounded by the province's 6 000 → 10 000 is inside [3 600, 18 000];
        // grade 7: medical 6 months → 60 000; employment 12 months → 120 000.
        let s2023 = try calculator.schedule(for: Fixture.facts(accident: "2023-03-01", grade: 7))
        #expect(s2023.amount(ItemCode.medicalLump) == Money(yuan: 60_000))
        #expect(s2023.amount(ItemCode.employmentLump) == Money(yuan: 120_000))

        // A city that sets its own 9 months for grade 7 overrides the province's 6: 10 000 × 9 = 90 000.
        var rows = Fixture.parameters
        rows.append(Fixture.parameter("410100", 2024, ParameterName.medicalSubsidyMonths(grade: 7), "9"))
        let calculator = EntitlementCalculator(parameters: ParameterTable(parameters: rows, regions: Fixture.regions))
        let own = try calculator.schedule(for: Fixture.facts(grade: 7))
        #expect(own.amount(ItemCode.medicalLump) == Money(yuan: 90_000))
        #expect(own.amount(ItemCode.employmentLump) == Money(yuan: 120_000))
    }

    @Test("条例 36–37: medical and employment lumps use the bounded own wage (declared 2 000 → 4 800, grade 10)")
    func lumpsUseBoundedWage() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(wage: Money(yuan: 2000), grade: 10))
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: 4_800 * 7))
        #expect(schedule.amount(ItemCode.medicalLump) == Money(yuan: 4_800 * 1))
        #expect(schedule.amount(ItemCode.employmentLump) == Money(yuan: 4_800 * 2))
    }

    @Test("条例 64 with 35: a capped wage (declared 30 000 → 24 000) for grade 1")
    func cappedWage() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(wage: Money(yuan: 30_000), grade: 1))
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: 24_000 * 27))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == Money(yuan: 21_600))
    }

    @Test("社会保险法 36: an assessment without a grade (未达级) gives no disability benefits")
    func belowGrade() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(grade: nil, nursing: .full, assessed: true))
        #expect(schedule.items.isEmpty)
        #expect(schedule.boundedOwnWage == Money(yuan: 10_000))
    }
}
