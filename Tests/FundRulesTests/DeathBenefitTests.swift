import FundModel
import Testing

@testable import FundRules

/// City 410100, accident 2024-05-10, own wage 10 000, avg_monthly_wage 8 000 (2024), national
/// urban_disposable_income 49 283 (2023), 51 821 (2024), 54 188 (2025).
@Suite("Death benefits: 条例 39, 供养亲属范围规定")
struct DeathBenefitTests {
    let calculator = Fixture.calculator
    typealias F = Fixture

    func amounts(_ schedule: EntitlementSchedule) -> [Money] { schedule.items(ItemCode.dependant).map(\.amount) }

    @Test("条例 39(1)(1)(3): FUNERAL 6 × 8 000 = 48 000; DEATH_LUMP 20 × 51 821 = 1 036 420")
    func funeralAndDeathLump() throws {
        let schedule = try calculator.schedule(for: F.facts(fatal: true))
        #expect(schedule.amount(ItemCode.funeral) == Money(yuan: 48_000))
        #expect(schedule.amount(ItemCode.deathLump) == Money(yuan: 1_036_420))
        #expect(schedule.items.map(\.itemCode) == ["FUNERAL", "DEATH_LUMP"])
        #expect(schedule.items.allSatisfy { $0.payer == .fund && $0.basis == "条例 39" })
    }

    @Test("条例 39 with rules.md §5: both amounts keyed to the accident year (2023: 6 × 6 000; 20 × 49 283)")
    func accidentYear2023() throws {
        let schedule = try calculator.schedule(for: F.facts(accident: "2023-06-01", fatal: true))
        #expect(schedule.amount(ItemCode.funeral) == Money(yuan: 36_000))
        #expect(schedule.amount(ItemCode.deathLump) == Money(yuan: 985_660))
    }

    @Test("条例 39(1)(3): the year turns at 1 January (2024-12-31: 1 036 420; 2025-01-01: 20 × 54 188 = 1 083 760)")
    func deathLumpYearBoundary() throws {
        let before = try calculator.schedule(for: F.facts(accident: "2024-12-31", fatal: true))
        let after = try calculator.schedule(for: F.facts(accident: "2025-01-01", fatal: true))
        #expect(before.amount(ItemCode.deathLump) == Money(yuan: 1_036_420))
        #expect(after.amount(ItemCode.deathLump) == Money(yuan: 1_083_760))
        // 2025: the province's avg_monthly_wage 7 000 → funeral 42 000.
        #expect(after.amount(ItemCode.funeral) == Money(yuan: 42_000))
    }

    @Test("条例 39(1)(3): the national income is used, never a provincial row (410000 has 60 000 for 2024)")
    func nationalIncomeOnly() throws {
        let schedule = try calculator.schedule(for: F.facts(region: "410200", fatal: true))
        #expect(schedule.amount(ItemCode.deathLump) == Money(yuan: 1_036_420))
    }

    @Test("条例 39(1)(2): spouse 40 %, each other dependant 30 % of the own wage (10 000 → 4 000, 3 000)")
    func dependantShares() throws {
        let schedule = try calculator.schedule(
            for: F.facts(fatal: true, dependents: [F.dependent(1, .spouse), F.dependent(2, .child)]))
        let rows = schedule.items(ItemCode.dependant)
        #expect(rows.map(\.amount) == [Money(yuan: 4000), Money(yuan: 3000)])
        #expect(rows.map(\.dependentID) == [F.person(1), F.person(2)])
        #expect(rows.allSatisfy { $0.payer == .fund && $0.paidAs == .monthly && $0.basis == "条例 39" })
    }

    @Test("条例 39(1)(2): the dependants' shares use the bounded own wage (declared 3 000 → 4 800; spouse 1 920)")
    func dependantBoundedWage() throws {
        let schedule = try calculator.schedule(
            for: F.facts(wage: Money(yuan: 3000), fatal: true, dependents: [F.dependent(1, .spouse)]))
        #expect(amounts(schedule) == [Money(yuan: 1920)])
    }

    @Test("条例 39(1)(2) with rules.md §5: +10 points for a lone elder (40 %) or an orphan (30 % → 40 %)")
    func lone() throws {
        let orphan = try calculator.schedule(
            for: F.facts(fatal: true, dependents: [F.dependent(1, .child, lone: true)]))
        #expect(amounts(orphan) == [Money(yuan: 4000)])
        let elder = try calculator.schedule(
            for: F.facts(fatal: true, dependents: [F.dependent(1, .spouse), F.dependent(2, .parent, lone: true)]))
        #expect(amounts(elder) == [Money(yuan: 4000), Money(yuan: 4000)])
    }

    @Test("条例 39(1)(2): shares adding up to exactly 100 % are not scaled (4 000 + 3 000 + 3 000)")
    func exactlyAtCap() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                fatal: true,
                dependents: [F.dependent(1, .spouse), F.dependent(2, .child), F.dependent(3, .child)]))
        #expect(amounts(schedule) == [Money(yuan: 4000), Money(yuan: 3000), Money(yuan: 3000)])
    }

    @Test("条例 39(1)(2) with rules.md §5: 130 % scaled by 100/130, each rounded separately (sum 9 999.99)")
    func capScaling() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                fatal: true,
                dependents: [
                    F.dependent(1, .spouse), F.dependent(2, .child), F.dependent(3, .parent), F.dependent(4, .parent),
                ]))
        // 10 000 × 40/130 = 3 076.923… → 3 076.92; 10 000 × 30/130 = 2 307.692… → 2 307.69.
        #expect(amounts(schedule) == [F.yuan("3076.92"), F.yuan("2307.69"), F.yuan("2307.69"), F.yuan("2307.69")])
        #expect(amounts(schedule).reduce(.zero, +) == F.yuan("9999.99"))
    }

    @Test("条例 39(1)(2): a lone elder counts toward the cap (40 + 40 + 30 = 110 %)")
    func capWithLone() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                fatal: true,
                dependents: [F.dependent(1, .spouse), F.dependent(2, .grandparent, lone: true), F.dependent(3, .child)]
            ))
        // 10 000 × 40/110 = 3 636.3636… → 3 636.36; 10 000 × 30/110 = 2 727.2727… → 2 727.27.
        #expect(amounts(schedule) == [F.yuan("3636.36"), F.yuan("3636.36"), F.yuan("2727.27")])
    }

    @Test("rules.md §5: each dependant rounded separately, half up (7 000.07 × 30/140 = 1 500.015 → 1 500.02)")
    func separateRoundingHalfUp() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                wage: F.yuan("7000.07"), fatal: true,
                dependents: [
                    F.dependent(1, .spouse), F.dependent(2, .child), F.dependent(3, .child),
                    F.dependent(4, .parent, lone: true),
                ]))
        // 40 + 30 + 30 + 40 = 140 %. 700 007 fen × 40/140 = 200 002 fen exactly;
        // 700 007 × 30/140 = 150 001.5 fen → 150 002 (half up). Together 700 008 fen: one fen over the wage,
        // because each is rounded on its own.
        #expect(amounts(schedule) == [F.yuan("2000.02"), F.yuan("1500.02"), F.yuan("1500.02"), F.yuan("2000.02")])
        #expect(amounts(schedule).reduce(.zero, +) == F.yuan("7000.08"))
    }

    @Test("供养亲属范围规定 art. 4: a dependant past the end_date is not listed and does not count toward the cap")
    func endedDependant() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                fatal: true,
                dependents: [
                    F.dependent(1, .spouse), F.dependent(2, .child), F.dependent(3, .parent),
                    F.dependent(4, .child, ended: F.day("2024-09-01")),
                ]),
            on: F.day("2024-10-15"))
        // Without the ended child: 40 + 30 + 30 = 100 %, no scaling.
        #expect(amounts(schedule) == [Money(yuan: 4000), Money(yuan: 3000), Money(yuan: 3000)])
        #expect(!schedule.items(ItemCode.dependant).contains { $0.dependentID == F.person(4) })
    }

    @Test("条例 39: a dependant listed twice is counted once")
    func duplicateDependant() throws {
        let schedule = try calculator.schedule(
            for: F.facts(fatal: true, dependents: [F.dependent(1, .spouse), F.dependent(1, .spouse)]))
        #expect(amounts(schedule) == [Money(yuan: 4000)])
    }

    @Test("条例 39(3): a grade 1–4 worker who dies gets FUNERAL and DEPENDANT but no DEATH_LUMP")
    func fatalHighGrade() throws {
        let schedule = try calculator.schedule(
            for: F.facts(
                fatal: true, grade: 3, nursing: .full, dependents: [F.dependent(1, .spouse)], died: "2024-12-01",
                gradeBeforeDeath: 3),
            on: F.day("2024-12-01"))
        #expect(schedule.amount(ItemCode.deathLump) == nil)
        #expect(schedule.amount(ItemCode.funeral) == Money(yuan: 48_000))
        #expect(schedule.amount(ItemCode.dependant) == Money(yuan: 4000))
        // The disability benefits of grade 3 accrued while the worker lived: 23 months, 80 %, nursing 50 %.
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: 230_000))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == Money(yuan: 8000))
        #expect(schedule.amount(ItemCode.nursing) == Money(yuan: 4000))
    }

    @Test("rules.md §1 rev. 2: a fatal grade 5–10 case gets DEATH_LUMP; the lumps of 条例 36–37 as the grade gives them")
    func fatalLowGrade() throws {
        let schedule = try calculator.schedule(for: F.facts(fatal: true, grade: 7))
        #expect(
            schedule.items.map(\.itemCode) == [
                "DISABILITY_LUMP", "MEDICAL_LUMP", "FUNERAL", "DEATH_LUMP", "EMPLOYMENT_LUMP",
            ])
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: 130_000))
        #expect(schedule.amount(ItemCode.deathLump) == Money(yuan: 1_036_420))
    }

    @Test("条例 39: a fatal case needs no assessment")
    func fatalWithoutAssessment() throws {
        let schedule = try calculator.schedule(for: F.facts(fatal: true, grade: nil, assessed: false))
        #expect(schedule.items.count == 2)
    }
}
