import FundModel
import Testing

@testable import FundRules

@Suite("Parameter table: interchange.md parameters.csv, rules.md §5")
struct ParameterTableTests {
    let table = Fixture.table
    let avg = ParameterName.avgMonthlyWage

    @Test("interchange.md: a city's own figure comes first")
    func cityOwn() {
        #expect(table.value(avg, region: Fixture.city, year: 2024) == Decimal4(8000))
        #expect(table.money(avg, region: Fixture.city, year: 2024) == Money(yuan: 8000))
        #expect(table.lookup(avg, region: Fixture.city, year: 2024)?.source == Fixture.city)
    }

    @Test("interchange.md: a city without a figure for the year inherits its province's")
    func cityFallsBackToProvince() {
        #expect(table.value(avg, region: Fixture.city, year: 2023) == Decimal4(6000))
        #expect(table.lookup(avg, region: Fixture.city, year: 2023)?.source == Fixture.province)
        // min_monthly_wage 2024 only exists for the province.
        #expect(table.value(ParameterName.minMonthlyWage, region: Fixture.city, year: 2024) == Decimal4(2100))
    }

    @Test("interchange.md: a county without a region row falls back to its city, then its province")
    func countyByShape() {
        #expect(table.value(avg, region: Fixture.region("410102"), year: 2024) == Decimal4(8000))
        #expect(table.value(avg, region: Fixture.region("410102"), year: 2023) == Decimal4(6000))
        #expect(
            table.fallbackChain(for: Fixture.region("410102")).map(\.raw) == ["410102", "410100", "410000", "000000"])
    }

    @Test("interchange.md: the region row's parent_code is followed (419001 → 410000, skipping 419000)")
    func parentCode() {
        #expect(table.value(avg, region: Fixture.region("419001"), year: 2024) == Decimal4(6500))
        #expect(table.fallbackChain(for: Fixture.region("419001")).map(\.raw) == ["419001", "410000", "000000"])
    }

    @Test("interchange.md: urban_disposable_income is national; a region falls through to 000000")
    func national() {
        let name = ParameterName.urbanDisposableIncome
        #expect(table.value(name, region: .national, year: 2024) == Decimal4(51821))
        #expect(table.value(name, region: Fixture.lowWageCity, year: 2023) == Decimal4(49283))
    }

    @Test("rules.md §5: a figure belongs to its year only; nil where no region has one")
    func yearExactAndMissing() {
        #expect(table.value(avg, region: Fixture.city, year: 2022) == nil)
        #expect(table.value("no_such_parameter", region: Fixture.city, year: 2024) == nil)
        #expect(table.money(avg, region: Fixture.region("520100"), year: 2024) == nil)
    }

    @Test("interchange.md: a value in yuan with four decimals becomes fen, half up")
    func moneyRounding() {
        let t = ParameterTable(
            parameters: [
                Fixture.parameter("410000", 2024, "a", "1234.5650"),
                Fixture.parameter("410000", 2024, "b", "1234.5649"),
            ], regions: [])
        #expect(t.money("a", region: Fixture.province, year: 2024) == Money(fen: 123_457))
        #expect(t.money("b", region: Fixture.province, year: 2024) == Money(fen: 123_456))
    }

    @Test("parameters.csv: of two rows with the same region, year and name, the later one counts")
    func laterRowWins() {
        let t = ParameterTable(
            parameters: [
                Fixture.parameter("410000", 2024, avg, "6000"), Fixture.parameter("410000", 2024, avg, "6100"),
            ], regions: [])
        #expect(t.value(avg, region: Fixture.province, year: 2024) == Decimal4(6100))
    }

    @Test("regions.csv: a cycle of parent codes ends the chain instead of looping")
    func parentCycle() {
        let a = Fixture.region("410100")
        let b = Fixture.region("410200")
        let t = ParameterTable(
            parameters: [Fixture.parameter("000000", 2024, avg, "5000")],
            regions: [
                Region(code: a, name: "a", level: .city, parentCode: b),
                Region(code: b, name: "b", level: .city, parentCode: a),
            ])
        #expect(t.fallbackChain(for: a).map(\.raw) == ["410100", "410200", "000000"])
        #expect(t.value(avg, region: a, year: 2024) == Decimal4(5000))
    }
}
