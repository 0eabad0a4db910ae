import FundModel
import Testing

@testable import FundRules

/// City 410100 in 2024: avg_monthly_wage 8 000, so the own wage is bounded to [4 800, 24 000].
@Suite("Own wage bounds (本人工资): 条例 64")
struct OwnWageBoundsTests {
    let calculator = Fixture.calculator

    @Test(
        "条例 64: own wage bounded to [60 %, 300 %] of avg_monthly_wage 8 000 (below, at, inside, above)",
        arguments: [
            ("3000.00", "4800.00"),  // below the floor: 8 000 × 60 % = 4 800
            ("4799.99", "4800.00"),  // one fen below the floor
            ("4800.00", "4800.00"),  // exactly at the floor
            ("4800.01", "4800.01"),  // one fen above the floor: inside
            ("10000.00", "10000.00"),  // inside
            ("23999.99", "23999.99"),  // one fen below the cap: inside
            ("24000.00", "24000.00"),  // exactly at the cap: 8 000 × 300 % = 24 000
            ("24000.01", "24000.00"),  // one fen above the cap
            ("50000.00", "24000.00"),  // above the cap
            ("0.00", "4800.00"),  // a zero wage is below the floor
        ])
    func bounds(declared: String, bounded: String) throws {
        let result = try calculator.boundedOwnWage(declared: Fixture.yuan(declared), region: Fixture.city, year: 2024)
        #expect(result == Fixture.yuan(bounded))
    }

    @Test("条例 64: the bounds use the accident year's avg_monthly_wage (2023: the province's 6 000 → [3 600, 18 000])")
    func accidentYear() throws {
        #expect(
            try calculator.boundedOwnWage(declared: Money(yuan: 3000), region: Fixture.city, year: 2023)
                == Money(yuan: 3600))
        #expect(
            try calculator.boundedOwnWage(declared: Money(yuan: 20000), region: Fixture.city, year: 2023)
                == Money(yuan: 18000))
        // 2024 in the same city: the city's own 8 000 → the floor is 4 800.
        #expect(
            try calculator.boundedOwnWage(declared: Money(yuan: 3000), region: Fixture.city, year: 2024)
                == Money(yuan: 4800))
    }

    @Test("条例 64 with rules.md §5: a floor of 3 333.33 × 60 % = 1 999.998 is reported as 2 000.00")
    func fractionalFloor() throws {
        let result = try calculator.boundedOwnWage(
            declared: Money(yuan: 1000), region: Fixture.region("410300"), year: 2024)
        #expect(result == Fixture.yuan("2000.00"))
        // 1 999.99 declared is below 1 999.998: bounded up to the floor.
        #expect(
            try calculator.boundedOwnWage(
                declared: Fixture.yuan("1999.99"), region: Fixture.region("410300"), year: 2024)
                == Fixture.yuan("2000.00"))
    }

    @Test("条例 64: the schedule reports the bounded wage (declared 3 000 in 410200, avg 4 000 → 2 400)")
    func scheduleReportsBoundedWage() throws {
        let schedule = try calculator.schedule(
            for: Fixture.facts(region: "410200", wage: Money(yuan: 3000), grade: 10))
        // Bounds 4 000 × 60 % = 2 400 and 4 000 × 300 % = 12 000: 3 000 is inside.
        #expect(schedule.boundedOwnWage == Money(yuan: 3000))
        let low = try calculator.schedule(for: Fixture.facts(region: "410200", wage: Money(yuan: 1000), grade: 10))
        #expect(low.boundedOwnWage == Money(yuan: 2400))
    }

    @Test("条例 64: no avg_monthly_wage for the region and year is a missing parameter")
    func missingAverage() {
        #expect(throws: EntitlementError.missingParameter(name: "avg_monthly_wage", region: Fixture.city, year: 2019)) {
            try calculator.boundedOwnWage(declared: Money(yuan: 5000), region: Fixture.city, year: 2019)
        }
    }
}
