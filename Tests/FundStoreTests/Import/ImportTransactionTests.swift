import Foundation
import FundModel
import GRDB
import Testing

@testable import FundStore

/// Row counts of every interchange table, and the number of import runs.
private func snapshot(_ store: SQLiteFundStore) throws -> [String: Int] {
    try store.databaseWriter.read { db in
        var counts: [String: Int] = [:]
        for table in FundModel.Table.allCases {
            counts[table.rawValue] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)")
        }
        counts["import_runs"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM import_runs")
        return counts
    }
}

@Suite("Importer: one transaction, upsert by key")
struct ImportTransactionTests {
    @Test("a file failing half way leaves the database unchanged, other files of the import included")
    func failedImportKeepsNothing() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions, in: "first")
        dir.write("workers.csv", Fixture.workers, in: "first")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.path + "/first")
        let before = try snapshot(store)
        let regionsBefore = try store.regions()

        // Second import: a renamed region and a new worker (both valid), then payments whose last row is bad.
        dir.write("regions.csv", Fixture.regions.replacingOccurrences(of: "甲市", with: "改名市"))
        dir.write("workers.csv", Fixture.workers + "\(Fixture.badCheck),王五,M,,,110100,,\n")
        dir.write("injury_cases.csv", Fixture.cases)
        dir.write(
            "payments.csv",
            Fixture.payments((1...500).map { Fixture.payment("P\($0)") } + [Fixture.payment("P501", ["amount": "abc"])])
        )
        let error = try expectRejected(store, dir.data)
        #expect(
            error.issues.map(\.description) == [
                "payments.csv:502: amount: 金额无效 not an amount in yuan (expected digits with at most two decimals, e.g. 1234.50): \"abc\""
            ])

        #expect(try snapshot(store) == before)
        #expect(try store.regions() == regionsBefore)
        #expect(try store.importedTables() == [.regions, .workers])
        #expect(try store.importRuns(limit: 10).count == 1)
    }

    @Test("an error in an early file still lets later files be checked, and everything is reported")
    func errorsInSeveralFiles() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions + "110200,乙市,town,110000\n")
        dir.write("payments.csv", Fixture.payments([Fixture.payment("P1", ["paid_date": "2023-8-1"])]))
        let store = try dir.store()
        let error = try expectRejected(store, dir.data)
        #expect(error.issueCountByFile == ["regions.csv": 1, "payments.csv": 1])
        #expect(try snapshot(store).values.allSatisfy { $0 == 0 })
    }

    @Test("re-importing rows with existing ids replaces them (upsert), and the summary counts the replacements")
    func upsert() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions, in: "january")
        dir.write("payments.csv", Fixture.payments([Fixture.payment("P1"), Fixture.payment("P2")]), in: "january")
        dir.write(
            "payments.csv",
            Fixture.payments([Fixture.payment("P2", ["amount": "99.99"]), Fixture.payment("P3")]), in: "february")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.path + "/january")
        let summary = try Importer(store: store).importDirectory(dir.path + "/february")

        #expect(
            summary.files == [
                FileImportSummary(
                    table: .payments, file: "payments.csv", rowsRead: 2, rowsImported: 2, rowsReplaced: 1,
                    rowsRejected: 0)
            ])
        let payments = try store.loadDataSet().payments ?? []
        #expect(payments.map(\.paymentID).sorted() == ["P1", "P2", "P3"])
        #expect(try store.payment(id: "P2")?.amount == Money(fen: 9_999))
        #expect(try store.payment(id: "P1")?.amount == Money(fen: 123_450))
    }

    @Test("tables without a single id upsert on their natural key")
    func naturalKeys() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "wages.csv", "worker_id,month,wage\n\(Fixture.worker1),2023-01,5000\n\(Fixture.worker1),2023-02,5100\n")
        dir.write("parameters.csv", "region_code,year,name,value\n110100,2023,avg_monthly_wage,8000\n")
        dir.write(
            "ext_deaths.csv",
            "person_id,death_date,source\n\(Fixture.worker1),2023-09-01,公安\n\(Fixture.worker1),2023-09-02,民政\n")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)

        dir.write("wages.csv", "worker_id,month,wage\n\(Fixture.worker1),2023-02,5200\n", in: "again")
        dir.write("parameters.csv", "region_code,year,name,value\n110100,2023,avg_monthly_wage,8100.5\n", in: "again")
        dir.write("ext_deaths.csv", "person_id,death_date,source\n\(Fixture.worker1),2023-09-03,公安\n", in: "again")
        _ = try Importer(store: store).importDirectory(dir.path + "/again")

        let data = try store.loadDataSet()
        #expect(data.wages?.map(\.wage) == [Money(fen: 500_000), Money(fen: 520_000)])
        #expect(data.parameters?.map(\.value) == [Decimal4(tenThousandths: 81_005_000)])
        // One death record per person and source: 公安's was replaced, 民政's kept.
        #expect(
            Set(data.deaths?.map { "\($0.source ?? "")\($0.deathDate.iso)" } ?? []) == ["公安2023-09-03", "民政2023-09-02"])
    }

    @Test("many rows: full 64-row batches and a partial one, copied cells and a skipped row keep their values")
    func batches() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        var rows: [String] = []
        for i in 1...150 {
            var cells: [String: String] = ["amount": "\(i).0\(i % 10)"]
            if i % 7 == 0 { cells["invoice_no"] = "\"A\"\"\(i)\"\"\"" }  // quoted with doubled quotes: unescaped copy
            if i % 11 == 0 { cells["worker_id"] = "11010519491231002x" }  // normalised to X: a copy
            if i == 70 { cells["paid_date"] = "bad" }  // skipped in the middle of the second batch
            rows.append(Fixture.payment("P\(i)", cells))
        }
        dir.write("payments.csv", Fixture.payments(rows))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data, options: ImportOptions(lenient: true))
        #expect(summary.files.first { $0.table == .payments }?.rowsImported == 149)

        let payments = Dictionary(
            uniqueKeysWithValues: (try store.loadDataSet().payments ?? []).map { ($0.paymentID, $0) })
        #expect(payments.count == 149)
        #expect(payments["P70"] == nil)
        for i in [1, 7, 11, 63, 64, 65, 69, 71, 77, 128, 129, 143, 150] {
            let payment = try #require(payments["P\(i)"])
            #expect(payment.amount == Money(fen: Int64(i * 100 + i % 10)), "P\(i)")
            #expect(payment.invoiceNo == (i % 7 == 0 ? "A\"\(i)\"" : "INV-P\(i)"), "P\(i)")
            #expect(payment.workerID.raw == Fixture.worker1, "P\(i)")
        }
    }
}
