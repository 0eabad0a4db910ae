import FundModel
import Testing

@testable import FundRules

@Suite("Calculator from the imported tables")
struct CalculatorFromTablesTests {
    /// What the screening snapshot does with a data set's parameters.csv, regions and benefit_items.csv.
    func calculator(parameters: [Parameter], regions: [Region], items: [BenefitItemRow]) -> EntitlementCalculator {
        EntitlementCalculator(
            parameters: ParameterTable(parameters: parameters, regions: regions), items: ItemList(provincialRows: items)
        )
    }

    @Test("条例 39(1)(1): the data set's parameters, regions and item rows are used (FUNERAL 6 × 8 000 = 48 000)")
    func fromDataSet() throws {
        let calculator = calculator(
            parameters: Fixture.parameters, regions: Fixture.regions,
            items: [BenefitItemRow(itemCode: "X1", name: "慰问金", payer: .fund, basis: nil, status: .active)])
        #expect(calculator.items.item("X1")?.isSelfMade == true)
        let amount = try calculator.statutoryAmount(
            itemCode: ItemCode.funeral, facts: Fixture.facts(fatal: true), dependentID: nil)
        #expect(amount == Money(yuan: 48_000))
    }

    @Test("条例 64: a data set without parameters reports the missing parameter")
    func withoutParameters() {
        let calculator = calculator(parameters: [], regions: [], items: [])
        #expect(throws: EntitlementError.missingParameter(name: "avg_monthly_wage", region: Fixture.city, year: 2024)) {
            try calculator.schedule(for: Fixture.facts(grade: 5))
        }
    }
}
