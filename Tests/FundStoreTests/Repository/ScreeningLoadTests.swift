import FundModel
import GRDB
import Testing

@testable import FundStore

@Suite("loadScreeningData: payments as columns, read in parallel")
struct ScreeningLoadTests {
    /// 40 payments covering every kind of cell: empty case, institution, invoice, account; dependants;
    /// every channel and none; advances; reversals; open periods.
    static func writePayments(_ dir: TemporaryDirectory) {
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        dir.write("injury_cases.csv", Fixture.cases)
        // Wages of both workers (the loader splits the wages at the middle worker id) and health visits.
        let wages = (1...12).flatMap { m in
            [Fixture.worker1, Fixture.worker2].map { "\($0),2023-\(m < 10 ? "0" : "")\(m),\(5000 + m).5" }
        }
        dir.write("wages.csv", (["worker_id,month,wage"] + wages).joined(separator: "\n") + "\n")
        dir.write(
            "ext_health_visits.csv",
            "person_id,institution_id,visit_date,diagnosis\n\(Fixture.worker1),H1,2023-07-02,骨折\n\(Fixture.worker2),,2023-07-03,\n"
        )
        let channels = ["direct", "reimbursement", "bank", ""]
        let rows = (1...40).map { i in
            Fixture.payment(
                "P\(i)",
                [
                    "case_id": i % 5 == 0 ? "" : (i % 2 == 0 ? "C1" : "C2"),
                    "worker_id": i % 3 == 0 ? Fixture.worker2 : Fixture.worker1,
                    "item_code": i % 4 == 0 ? "DEPENDANT" : "MED",
                    "amount": i % 7 == 0 ? "-\(i).05" : "\(i * 100).\(i % 10)0",
                    "paid_date": "2023-08-\(10 + i % 18)",
                    "period_start": i % 6 == 0 ? "" : "2023-07-\(10 + i % 18)",
                    "period_end": i % 6 == 0 || i % 5 == 1 ? "" : "2023-07-28",
                    "institution_id": i % 8 == 0 ? "" : "H\(i % 3)",
                    "invoice_no": i % 9 == 0 ? "" : "INV-\(i % 17)",
                    "channel": channels[i % 4],
                    "payee_account": i % 4 == 0 ? "62220000\(i % 5)" : "",
                    "dependent_id": i % 4 == 0 ? Fixture.worker2 : "",
                    "advance": i % 5 == 0 ? "true" : "false",
                ])
        }
        dir.write("payments.csv", Fixture.payments(rows))
    }

    @Test("the columns hold exactly the records loadDataSet reads, in the same order, for any number of parts")
    func sameAsRecords() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.rowsRejected == 0)
        let records = try #require(try store.loadDataSet().payments)
        #expect(records.count == 40)
        for parts in [1, 2, 3, 7, 64] {
            let data = try store.loadScreeningData(tables: nil, parts: parts)
            #expect(data.payments == nil)
            let table = try #require(data.paymentTable)
            #expect(table.records == records, "parts: \(parts)")
            let full = try store.loadDataSet()
            #expect(data.workers == full.workers)
            #expect(data.wages == full.wages)
            #expect(data.wages?.count == 24)
            #expect(data.healthVisits == full.healthVisits)
            #expect(data.healthVisits?.count == 2)
            #expect(data.cases?.map(\.caseID) == ["C1", "C2"])
            #expect(data.hasPayments)
        }
        // Distinct values are kept once, whatever the parts: two workers, two cases.
        let table = try #require(try store.loadScreeningData(tables: nil, parts: 3).paymentTable)
        #expect(table.worker.dictionary.count == 2)
        #expect(table.caseID.dictionary.count == 2)
        #expect(table.caseID.codes.filter { $0 == -1 }.count == 8)
    }

    @Test("only the tables asked for are read; the others stay nil as if never imported")
    func chosenTables() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let data = try store.loadScreeningData(tables: [.payments, .workers], parts: 2)
        #expect(data.paymentTable?.count == 40)
        #expect(data.workers?.count == 2)
        #expect(data.wages == nil)
        #expect(data.healthVisits == nil)
        #expect(data.cases == nil)
        #expect(data.regions.count == 2)
        let noPayments = try store.loadScreeningData(tables: [.wages], parts: 2)
        #expect(noPayments.paymentTable == nil && !noPayments.hasPayments)
        #expect(noPayments.wages?.count == 24)
    }

    @Test("rowid gaps (rows replaced or deleted) split and load correctly")
    func rowidGaps() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        try store.databaseWriter.write { db in
            try db.execute(sql: "DELETE FROM payments WHERE rowid % 3 = 0 OR rowid BETWEEN 10 AND 20")
        }
        let records = try #require(try store.loadDataSet().payments)
        #expect(records.count < 40 && records.count > 10)
        for parts in [2, 5] {
            #expect(try store.loadScreeningData(tables: nil, parts: parts).paymentTable?.records == records)
        }
    }

    @Test("an import landing between the plan and the tasks: the load notices it and starts again")
    func importDuringLoad() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let more = TemporaryDirectory()
        more.write("payments.csv", Fixture.payments([Fixture.payment("P41", ["amount": "41.00"])]))
        var plans = 0
        let data = try store.loadScreeningData(tables: nil, parts: 3) {
            plans += 1
            // The first plan saw 40 payments; this import commits before the tasks read.
            if plans == 1 { _ = try Importer(store: store).importDirectory(more.data) }
        }
        #expect(plans == 2)
        let table = try #require(data.paymentTable)
        #expect(table.count == 41)
        #expect(table.records == (try store.loadDataSet().payments))
    }

    @Test("imports landing during three loads in a row: an error saying to screen again, not mixed data")
    func importsDuringEveryLoad() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let more = TemporaryDirectory()
        var plans = 0
        #expect(throws: ConcurrentImportError.self) {
            try store.loadScreeningData(tables: nil, parts: 2) {
                plans += 1
                more.write("payments.csv", Fixture.payments([Fixture.payment("Q\(plans)")]))
                _ = try Importer(store: store).importDirectory(more.data)
            }
        }
        #expect(plans == 3)
        #expect(String(describing: ConcurrentImportError()).contains("重新筛查"))
    }

    @Test("a date stored as 0 (1970-01-01) is a date, not a missing one; NULL is missing")
    func zeroIsNotNull() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        try store.databaseWriter.write { db in
            try db.execute(sql: "UPDATE payments SET period_start = 0, period_end = NULL WHERE payment_id = 'P1'")
            try db.execute(sql: "UPDATE injury_cases SET own_wage = 0 WHERE case_id = 'C1'")
        }
        let data = try store.loadScreeningData(tables: nil, parts: 2)
        let table = try #require(data.paymentTable)
        let p1 = try #require(table.records.first { $0.paymentID == "P1" })
        #expect(p1.periodStart?.iso == "1970-01-01")
        #expect(p1.periodEnd == nil)
        #expect(table.records == (try store.loadDataSet().payments))
        #expect(data.cases?.first { $0.caseID == "C1" }?.ownWage == Money(fen: 0))
        #expect(data.cases?.first { $0.caseID == "C2" }?.ownWage == nil)
    }

    @Test("payments never imported: no table, and the screening says so")
    func neverImported() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let data = try store.loadScreeningData()
        #expect(data.paymentTable == nil)
        #expect(data.payments == nil)
        #expect(!data.hasPayments)
        #expect(data.workers?.count == 2)
    }

    @Test("an invalid person id in the database is an error naming the table, column and value")
    func invalidValue() throws {
        let dir = TemporaryDirectory()
        Self.writePayments(dir)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        try store.databaseWriter.write { db in
            try db.execute(sql: "UPDATE payments SET worker_id = 'NOT-AN-ID' WHERE payment_id = 'P33'")
        }
        #expect {
            try store.loadScreeningData(tables: nil, parts: 2)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("payments.worker_id") && text.contains("NOT-AN-ID")
        }
    }
}
