import FundModel
import Testing

@testable import FundRules

@Suite("Statutory amount of one item: rule R10 (rules.md §1, §2)")
struct StatutoryAmountTests {
    let calculator = Fixture.calculator

    func amount(_ code: String, _ facts: CaseFacts, _ dependent: PersonID? = nil, month: String? = nil) throws
        -> Money?
    {
        try calculator.statutoryAmount(
            itemCode: code, facts: facts, dependentID: dependent, month: month.map { YearMonth(iso: $0)! })
    }

    @Test(
        "R10: items without a statutory amount, and provincial items, have none",
        arguments: ["MED", "REHAB", "MEAL", "TRAVEL", "DEVICE", "ASSESSMENT_FEE", "WAGE_CONTINUATION", "ZJ_HEAT"])
    func noStatutoryAmount(code: String) throws {
        // Even with facts that cannot be computed (no wage, no parameters).
        #expect(try amount(code, Fixture.facts(accident: "2019-01-01", wage: nil, fatal: true, grade: 1)) == nil)
    }

    @Test("rules.md §1 rev. 2: an item the case is entitled to nothing of has a statutory amount of 0")
    func entitledToNothing() throws {
        #expect(try amount(ItemCode.disabilityMonthly, Fixture.facts(grade: 7)) == .zero)
        #expect(try amount(ItemCode.disabilityMonthly, Fixture.facts(grade: 5)) == .zero)
        #expect(try amount(ItemCode.medicalLump, Fixture.facts(grade: 4)) == .zero)
        #expect(try amount(ItemCode.employmentLump, Fixture.facts(grade: 1)) == .zero)
        #expect(try amount(ItemCode.funeral, Fixture.facts(grade: 2)) == .zero)
        #expect(try amount(ItemCode.deathLump, Fixture.facts(grade: 2)) == .zero)
        #expect(try amount(ItemCode.pensionTopup, Fixture.facts(grade: 2)) == .zero)
        let living = Fixture.facts(grade: 2, dependents: [Fixture.dependent(1, .spouse)])
        #expect(try amount(ItemCode.dependant, living, Fixture.person(1)) == .zero)
    }

    @Test("rules.md §1: what cannot be judged is nil, not 0 (R12 reports it)")
    func cannotJudge() throws {
        #expect(try amount(ItemCode.disabilityMonthly56, Fixture.facts(grade: 4)) == nil)
        #expect(try amount(ItemCode.nursing, Fixture.facts(grade: 2, nursing: NursingLevel.none)) == nil)
        #expect(try amount(ItemCode.pensionTopup, Fixture.facts(grade: nil)) == nil)
    }

    @Test("rules.md §5: without a grade there is nothing to compare (R12 reports it, not R10)")
    func noGrade() throws {
        for code in [ItemCode.disabilityLump, ItemCode.disabilityMonthly, ItemCode.medicalLump, ItemCode.nursing] {
            #expect(try amount(code, Fixture.facts(grade: nil, nursing: .full)) == nil)
        }
    }

    @Test("R10 with 条例 35: DISABILITY_MONTHLY per month for grade 2 (10 000 × 85 % = 8 500)")
    func monthly() throws {
        #expect(try amount(ItemCode.disabilityMonthly, Fixture.facts(grade: 2)) == Money(yuan: 8500))
    }

    @Test("R10 with 条例 39: FUNERAL and DEATH_LUMP need no own wage")
    func noWageNeeded() throws {
        let facts = Fixture.facts(wage: nil, fatal: true)
        #expect(try amount(ItemCode.funeral, facts) == Money(yuan: 48_000))
        #expect(try amount(ItemCode.deathLump, facts) == Money(yuan: 1_036_420))
        #expect(try amount(ItemCode.nursing, Fixture.facts(wage: nil, grade: 3, nursing: .most)) == Money(yuan: 3200))
    }

    @Test("R10 with 条例 39(1)(2): DEPENDANT per dependant, after the cap (130 % → 3 076.92 and 2 307.69)")
    func perDependant() throws {
        let facts = Fixture.facts(
            fatal: true,
            dependents: [
                Fixture.dependent(1, .spouse), Fixture.dependent(2, .child), Fixture.dependent(3, .parent),
                Fixture.dependent(4, .parent),
            ])
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(1)) == Fixture.yuan("3076.92"))
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(3)) == Fixture.yuan("2307.69"))
    }

    @Test("R10 with 供养亲属范围规定 art. 4: a dependant whose pension ended is entitled to nothing (R15 reports it)")
    func endedDependant() throws {
        let facts = Fixture.facts(
            fatal: true,
            dependents: [Fixture.dependent(1, .spouse), Fixture.dependent(2, .child, ended: Fixture.day("2024-08-01"))])
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(2), month: "2024-09") == .zero)
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(2)) == Money(yuan: 3000))
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(1)) == Money(yuan: 4000))
    }

    @Test(
        "R10: the amount of each item equals the schedule's, for every grade, fatal or not",
        arguments: [false, true])
    func agreesWithSchedule(fatal: Bool) throws {
        let dependents = [
            Fixture.dependent(1, .spouse), Fixture.dependent(2, .child, lone: true), Fixture.dependent(3, .parent),
        ]
        for grade in 1...10 {
            for nursing in NursingLevel.allCases {
                let facts = Fixture.facts(
                    wage: Fixture.yuan("7777.77"), fatal: fatal, grade: grade, nursing: nursing,
                    dependents: dependents)
                let schedule = try calculator.schedule(for: facts)
                for code in ItemCode.withStatutoryAmount {
                    for row in schedule.items(code) {
                        #expect(try amount(code, facts, row.dependentID) == row.amount)
                    }
                    if schedule.items(code).isEmpty && code != ItemCode.dependant {
                        // Left out of the schedule: entitled to nothing (0) or nothing to judge (nil).
                        #expect(try (amount(code, facts) ?? .zero) == .zero)
                    }
                }
            }
        }
    }
}
