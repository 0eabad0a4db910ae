import FundModel
import Testing

@testable import FundRules

@Suite("Nursing allowance (生活护理费): 条例 34")
struct NursingTests {
    let calculator = Fixture.calculator

    @Test(
        "条例 34: 50 / 40 / 30 % of avg_monthly_wage 8 000 by self-care level",
        arguments: [
            (NursingLevel.full, "4000.00"),  // 8 000 × 50 %
            (.most, "3200.00"),  // 8 000 × 40 %
            (.partial, "2400.00"),  // 8 000 × 30 %
        ])
    func levels(level: NursingLevel, monthly: String) throws {
        let schedule = try calculator.schedule(for: Fixture.facts(grade: 2, nursing: level))
        let items = schedule.items(ItemCode.nursing)
        #expect(items.map(\.amount) == [Fixture.yuan(monthly)])
        #expect(items.map(\.payer) == [.fund])
        #expect(items.map(\.paidAs) == [.monthly])
        #expect(items.map(\.basis) == ["条例 34"])
    }

    @Test(
        "条例 34: no allowance without a confirmed care need (level none or no level)",
        arguments: [
            NursingLevel.none, nil,
        ])
    func noNeed(level: NursingLevel?) throws {
        let schedule = try calculator.schedule(for: Fixture.facts(grade: 2, nursing: level))
        #expect(schedule.items(ItemCode.nursing).isEmpty)
    }

    @Test("条例 34: nursing does not depend on the own wage (same 4 000 for wages 2 000 and 30 000)")
    func independentOfOwnWage() throws {
        for wage in [Money(yuan: 2000), Money(yuan: 30_000)] {
            let schedule = try calculator.schedule(for: Fixture.facts(wage: wage, grade: 1, nursing: .full))
            #expect(schedule.amount(ItemCode.nursing) == Money(yuan: 4000))
        }
    }

    @Test("条例 34 with rules.md §5: the accident year's wage, a county falling back to its city, 2023 to the province")
    func yearAndRegion() throws {
        // County 410102 has no figure: its city's 8 000 in 2024 → 40 % = 3 200.
        let county = try calculator.schedule(for: Fixture.facts(region: "410102", grade: 4, nursing: .most))
        #expect(county.amount(ItemCode.nursing) == Money(yuan: 3200))
        // 2023: the city has no figure, the province's 6 000 → 50 % = 3 000.
        let earlier = try calculator.schedule(for: Fixture.facts(accident: "2023-12-31", grade: 4, nursing: .full))
        #expect(earlier.amount(ItemCode.nursing) == Money(yuan: 3000))
    }

    @Test("条例 34: nursing is paid for a grade 5–10 worker too (grade 9, partial: 2 400)")
    func lowerGrades() throws {
        let schedule = try calculator.schedule(for: Fixture.facts(grade: 9, nursing: .partial))
        #expect(schedule.amount(ItemCode.nursing) == Money(yuan: 2400))
    }
}
