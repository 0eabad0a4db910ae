import FundModel
import GRDB
import Testing

@testable import FundStore

/// The dashboard's fund by month: the province's consolidated rows or its cities, never both added.
@Suite("ledgerByMonth: the fund by month in a scope")
struct LedgerByMonthTests {
    static func insert(_ store: SQLiteFundStore, _ region: String, _ month: String, revenue: Int64) throws {
        let index = Int64(YearMonth(iso: month)!.index)
        try store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO fund_ledger (region_code, month, revenue, benefit_expenditure, prevention_expenditure,
                        assessment_expenditure, other_expenditure, balance) VALUES (?, ?, ?, ?, 0, 0, 0, ?)
                    """, arguments: [region, index, revenue * 100, revenue * 50, revenue * 1_000])
        }
    }

    @Test("with province rows the province is their figure; a city is its own rows and its counties'")
    func provinceRowsWin() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        try Self.insert(store, "390000", "2025-01", revenue: 300)
        try Self.insert(store, "390100", "2025-01", revenue: 200)
        try Self.insert(store, "390102", "2025-01", revenue: 20)
        try Self.insert(store, "390200", "2025-01", revenue: 100)
        let all = try store.ledgerByMonth(scope: .all)
        #expect(all.map(\.revenue) == [Money(yuan: 300)])
        #expect(all.first?.expenditure == Money(yuan: 150) && all.first?.balance == Money(yuan: 3_000))
        let city = try store.ledgerByMonth(scope: .city(RegionCode("390100")!))
        #expect(city.map(\.revenue) == [Money(yuan: 220)])
    }

    @Test("without province rows the province is the sum of its cities")
    func citiesSummed() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        try Self.insert(store, "390100", "2025-01", revenue: 200)
        try Self.insert(store, "390200", "2025-01", revenue: 100)
        try Self.insert(store, "390200", "2025-02", revenue: 50)
        let all = try store.ledgerByMonth(scope: .all)
        #expect(all.map(\.revenue) == [Money(yuan: 300), Money(yuan: 50)])
    }
}
