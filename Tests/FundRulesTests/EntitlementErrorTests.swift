import FundModel
import Testing

@testable import FundRules

@Suite("Entitlement errors: what is missing is named")
struct EntitlementErrorTests {
    let calculator = Fixture.calculator

    @Test("条例 64: a case without a declared own wage")
    func missingOwnWage() {
        #expect(throws: EntitlementError.missingOwnWage(caseID: "C1")) {
            try calculator.schedule(for: Fixture.facts(wage: nil, grade: 5))
        }
        #expect(throws: EntitlementError.missingOwnWage(caseID: "C1")) {
            try calculator.statutoryAmount(
                itemCode: ItemCode.disabilityLump, facts: Fixture.facts(wage: nil, grade: 5), dependentID: nil)
        }
    }

    @Test("条例 64 with rules.md §5: no avg_monthly_wage for the region (nor province, nor nation) and year")
    func missingAverageWage() {
        #expect(throws: EntitlementError.missingParameter(name: "avg_monthly_wage", region: Fixture.city, year: 2019)) {
            try calculator.schedule(for: Fixture.facts(accident: "2019-07-01", grade: 5))
        }
    }

    @Test("条例 35: no min_monthly_wage for the accident year (2025) of a grade 1–4 case")
    func missingMinimumWage() {
        #expect(throws: EntitlementError.missingParameter(name: "min_monthly_wage", region: Fixture.city, year: 2025)) {
            try calculator.schedule(for: Fixture.facts(accident: "2025-02-01", grade: 2))
        }
    }

    @Test("条例 37: no provincial months for the grade and year (medical_subsidy_months_8, 2025)")
    func missingMonths() {
        #expect(
            throws: EntitlementError.missingParameter(
                name: "medical_subsidy_months_8", region: Fixture.city, year: 2025)
        ) {
            try calculator.schedule(for: Fixture.facts(accident: "2025-02-01", grade: 8))
        }
    }

    @Test("条例 39(1)(3): no national urban_disposable_income for the accident year (2026)")
    func missingIncome() {
        #expect(
            throws: EntitlementError.missingParameter(name: "urban_disposable_income", region: .national, year: 2026)
        ) {
            try calculator.schedule(for: Fixture.facts(accident: "2026-03-01", fatal: true))
        }
    }

    @Test("社会保险法 36: a non-fatal case without a concluded assessment")
    func missingAssessment() {
        #expect(throws: EntitlementError.missingAssessment(caseID: "C1")) {
            try calculator.schedule(for: Fixture.facts(grade: nil))
        }
    }

    @Test("条例 22: a grade outside 1–10", arguments: [0, 11, -1])
    func invalidGrade(grade: Int) {
        #expect(throws: EntitlementError.invalidGrade(grade)) {
            try calculator.schedule(for: Fixture.facts(grade: grade))
        }
        #expect(throws: EntitlementError.invalidGrade(grade)) {
            try calculator.statutoryAmount(
                itemCode: ItemCode.disabilityLump, facts: Fixture.facts(grade: grade), dependentID: nil)
        }
    }

    @Test("条例 39(1)(2): a DEPENDANT amount needs a dependant id, of a dependant of the case")
    func dependantErrors() {
        let facts = Fixture.facts(fatal: true, dependents: [Fixture.dependent(1, .spouse)])
        #expect(throws: EntitlementError.missingDependentID(caseID: "C1")) {
            try calculator.statutoryAmount(itemCode: ItemCode.dependant, facts: facts, dependentID: nil)
        }
        #expect(throws: EntitlementError.unknownDependent(caseID: "C1", dependentID: Fixture.person(9))) {
            try calculator.statutoryAmount(itemCode: ItemCode.dependant, facts: facts, dependentID: Fixture.person(9))
        }
    }

    @Test("the description names what is missing, in Chinese and English")
    func descriptions() {
        let missing = EntitlementError.missingParameter(name: "avg_monthly_wage", region: Fixture.city, year: 2019)
        #expect(missing.description.contains("avg_monthly_wage"))
        #expect(missing.description.contains("410100"))
        #expect(missing.description.contains("2019"))
        #expect(missing.description.contains("缺少"))
        #expect(EntitlementError.missingOwnWage(caseID: "C9").description.contains("本人工资"))
        #expect(EntitlementError.missingOwnWage(caseID: "C9").description.contains("C9"))
        #expect(EntitlementError.missingAssessment(caseID: "C9").description.contains("劳动能力鉴定"))
        #expect(EntitlementError.invalidGrade(12).description.contains("12"))
        #expect(EntitlementError.missingDependentID(caseID: "C9").description.contains("供养亲属"))
        #expect(
            EntitlementError.unknownDependent(caseID: "C9", dependentID: Fixture.person(3)).description.contains(
                Fixture.person(3).raw))
    }
}
