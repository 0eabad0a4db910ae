import FundModel
import Testing

@testable import FundRules

@Suite("Rounding: rules.md §5 (half up to the fen, once, on each final amount)")
struct RoundingTests {
    let calculator = Fixture.calculator

    @Test("rules.md §5, 条例 35: 10 000.10 × 85 % = 8 500.085 → 8 500.09 (half up at .5 fen)")
    func halfUpMonthly() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(wage: Fixture.yuan("10000.10"), grade: 2))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == Fixture.yuan("8500.09"))
    }

    @Test("rules.md §5, 条例 34: 8 000.05 × 30 % = 2 400.015 → 2 400.02")
    func halfUpNursing() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(region: "410400", grade: 5, nursing: .partial))
        #expect(schedule.amount(ItemCode.nursing) == Fixture.yuan("2400.02"))
    }

    @Test("rules.md §5, 条例 64 with 37: a floor of 1 999.998 × months is rounded once, not twice")
    func roundOnceOverMonths() throws {
        // 410300: avg 3 333.33, so the floor is 3 333.33 × 60 % = 1 999.998 (declared 1 000 is below).
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410300", wage: Money(yuan: 1000), grade: 8))
        #expect(schedule.boundedOwnWage == Fixture.yuan("2000.00"))
        // 1 999.998 × 11 = 21 999.978 → 21 999.98 (rounding the wage first would give 22 000.00).
        #expect(schedule.amount(ItemCode.disabilityLump) == Fixture.yuan("21999.98"))
        // Medical lump, 4 months (province, grade 8): 1 999.998 × 4 = 7 999.992 → 7 999.99.
        #expect(schedule.amount(ItemCode.medicalLump) == Fixture.yuan("7999.99"))
    }

    @Test("rules.md §5, 条例 37: a fractional month count, 1 999.998 × 2.5 = 4 999.995 → 5 000.00 (half up)")
    func fractionalMonths() throws {
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410300", wage: Money(yuan: 1000), grade: 9))
        #expect(schedule.amount(ItemCode.medicalLump) == Fixture.yuan("5000.00"))
        // 1 999.998 × 9 = 17 999.982 → 17 999.98.
        #expect(schedule.amount(ItemCode.disabilityLump) == Fixture.yuan("17999.98"))
    }

    @Test("rules.md §5, 条例 39: a four-decimal avg wage is not rounded first (3 333.3333 × 6 = 19 999.9998 → 20 000.00)")
    func fourDecimalParameter() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(region: "410500", fatal: true))
        // Rounding the parameter to 3 333.33 first would give 19 999.98.
        #expect(schedule.amount(ItemCode.funeral) == Fixture.yuan("20000.00"))
    }

    @Test("rules.md §5, 条例 35: 60 % floor × 90 % as one fraction (1 999.998 × 90 % = 1 799.9982 → 1 800.00)")
    func floorTimesPercent() throws {
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410300", wage: Money(yuan: 1000), grade: 1))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == Fixture.yuan("1800.00"))
        // 1 999.998 × 27 = 53 999.946 → 53 999.95.
        #expect(schedule.amount(ItemCode.disabilityLump) == Fixture.yuan("53999.95"))
    }
}
