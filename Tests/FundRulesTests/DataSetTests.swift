import FundModel
import Testing

@testable import FundRules

@Suite("Calculator from a data set")
struct DataSetTests {
    @Test("条例 39(1)(1): the data set's parameters, regions and item rows are used (FUNERAL 6 × 8 000 = 48 000)")
    func fromDataSet() throws {
        var data = DataSet()
        data.regions = Fixture.regions
        data.parameters = Fixture.parameters
        data.benefitItems = [BenefitItemRow(itemCode: "X1", name: "慰问金", payer: .fund, basis: nil, status: .active)]
        let calculator = EntitlementCalculator(dataSet: data)
        #expect(calculator.items.item("X1")?.isSelfMade == true)
        let amount = try calculator.statutoryAmount(
            itemCode: ItemCode.funeral, facts: Fixture.facts(fatal: true), dependentID: nil)
        #expect(amount == Money(yuan: 48_000))
    }

    @Test("条例 64: a data set without parameters reports the missing parameter")
    func withoutParameters() {
        let calculator = EntitlementCalculator(dataSet: DataSet())
        #expect(throws: EntitlementError.missingParameter(name: "avg_monthly_wage", region: Fixture.city, year: 2024)) {
            try calculator.schedule(for: Fixture.facts(grade: 5))
        }
    }
}
