import FundModel
import Testing

@testable import FundRules

@Suite("Statutory amount of one item: rule R10 (rules.md §1, §2)")
struct StatutoryAmountTests {
    let calculator = Fixture.calculator

    func amount(_ code: String, _ facts: CaseFacts, _ dependent: PersonID? = nil) throws -> Money? {
        try calculator.statutoryAmount(itemCode: code, facts: facts, dependentID: dependent)
    }

    @Test(
        "R10: items without a statutory amount, and provincial items, have none",
        arguments: [
            "MED", "REHAB", "MEAL", "TRAVEL", "DEVICE", "ASSESSMENT_FEE", "PENSION_TOPUP", "WAGE_CONTINUATION",
            "ZJ_HEAT",
        ])
    func noStatutoryAmount(code: String) throws {
        // Even with facts that cannot be computed (no wage, no parameters).
        #expect(try amount(code, Fixture.facts(accident: "2019-01-01", wage: nil, fatal: true, grade: 1)) == nil)
    }

    @Test("R10 with 条例 35–37: an item the grade does not entitle has no amount")
    func notEntitled() throws {
        #expect(try amount(ItemCode.disabilityMonthly, Fixture.facts(grade: 7)) == nil)
        #expect(try amount(ItemCode.disabilityMonthly, Fixture.facts(grade: 5)) == nil)
        #expect(try amount(ItemCode.disabilityMonthly56, Fixture.facts(grade: 4)) == nil)
        #expect(try amount(ItemCode.medicalLump, Fixture.facts(grade: 4)) == nil)
        #expect(try amount(ItemCode.employmentLump, Fixture.facts(grade: 1)) == nil)
        #expect(try amount(ItemCode.nursing, Fixture.facts(grade: 2, nursing: NursingLevel.none)) == nil)
        #expect(try amount(ItemCode.funeral, Fixture.facts(grade: 2)) == nil)
        #expect(try amount(ItemCode.deathLump, Fixture.facts(grade: 2)) == nil)
        #expect(try amount(ItemCode.dependant, Fixture.facts(grade: 2), Fixture.person(1)) == nil)
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

    @Test("R10 with 供养亲属范围规定 art. 4: a dependant whose pension ended has no amount (R15 reports it)")
    func endedDependant() throws {
        let facts = Fixture.facts(
            fatal: true,
            dependents: [Fixture.dependent(1, .spouse), Fixture.dependent(2, .child, ended: Fixture.day("2024-08-01"))])
        #expect(try amount(ItemCode.dependant, facts, Fixture.person(2)) == nil)
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
                        #expect(try amount(code, facts) == nil)
                    }
                }
            }
        }
    }
}
