import FundModel
import Testing

@testable import FundStore

@Suite("Rev. 2 interchange: pensions by change, the pooling text")
struct Revision2ImportTests {
    static let person = PersonID.withCheckCharacter("11010119600101001")!

    @Test("ext_pensions.csv keeps one row per change of the amount; the same start date replaces")
    func pensionsByChange() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "ext_pensions.csv",
            "person_id,start_date,monthly_amount\n\(Self.person.raw),2024-01-01,3000.00\n\(Self.person.raw),2025-01-01,3120.00\n"
        )
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        #expect(
            try store.pensions(personID: Self.person).map(\.monthlyAmount) == [Money(yuan: 3000), Money(yuan: 3120)])
        dir.write(
            "ext_pensions.csv", "person_id,start_date,monthly_amount\n\(Self.person.raw),2025-01-01,3150.00\n",
            in: "again")
        _ = try Importer(store: store).importDirectory(dir.path + "/again")
        #expect(
            try store.pensions(personID: Self.person).map(\.monthlyAmount) == [Money(yuan: 3000), Money(yuan: 3150)])
        #expect(try store.loadDataSet().pensions?.count == 2)
    }

    @Test("parameters.csv: pooling is text (province or city); other words are refused with the line")
    func poolingText() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "parameters.csv", "region_code,year,name,value\n110000,2025,pooling,province\n110000,2024,pooling,city\n")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let rows = try store.parameters()
        #expect(rows.first { $0.year == 2025 }.map { PoolingLevel(storedValue: $0.value) } == .province)
        #expect(rows.first { $0.year == 2024 }.map { PoolingLevel(storedValue: $0.value) } == .city)
        let bad = TemporaryDirectory()
        bad.write("regions.csv", Fixture.regions)
        bad.write("parameters.csv", "region_code,year,name,value\n110000,2025,pooling,national\n")
        do {
            _ = try Importer(store: try bad.store()).importDirectory(bad.data)
            Issue.record("a pooling word other than province/city must be refused")
        } catch let error as ImportError {
            #expect(error.issues.first?.description.contains("parameters.csv:2") == true)
        }
    }
}
