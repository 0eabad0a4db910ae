import FundModel
import GRDB
import Testing

@testable import FundStore

@Suite("Schema")
struct SchemaTests {
    @Test("one SQLite file in WAL mode with 16 KiB pages")
    func walAndPageSize() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        let (mode, pageSize) = try store.databaseWriter.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        #expect(mode == "wal")
        #expect(pageSize == 16384)
    }

    @Test("every interchange table has exactly the columns of its CSV file, under the same names")
    func tablesMatchFiles() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        let columns = try store.databaseWriter.read { db in
            try TableCatalog.all.map { spec in
                try Row.fetchAll(db, sql: "PRAGMA table_info(\(spec.table.rawValue))").map { $0["name"] as String }
            }
        }
        #expect(columns == TableCatalog.all.map { $0.columns.map(\.name) })
        #expect(Set(TableCatalog.all.map(\.table)) == Set(FundModel.Table.allCases))
    }

    @Test("the lookups the rules and the console need are indexed")
    func indexes() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        let missing = try store.databaseWriter.read { db -> [String] in
            func indexed(_ table: String, _ column: String) throws -> Bool {
                let indexes = try Row.fetchAll(db, sql: "PRAGMA index_list(\(table))").map { $0["name"] as String }
                return try indexes.contains { index in
                    try Row.fetchAll(db, sql: "PRAGMA index_info(\(index))").first?["name"] == column
                }
            }
            var missing: [String] = []
            for (table, column) in [
                ("payments", "payment_id"), ("payments", "worker_id"), ("payments", "case_id"),
                ("payments", "institution_id"), ("payments", "region_code"), ("payments", "payee_account"),
                ("payments", "dependent_id"), ("injury_cases", "worker_id"), ("assessments", "case_id"),
                ("dependents", "case_id"), ("agreements", "institution_id"), ("ext_deaths", "person_id"),
                ("ext_medical_insurance", "person_id"), ("ext_medical_insurance", "invoice_no"),
                ("ext_pensions", "person_id"), ("ext_health_visits", "person_id"),
                ("ext_traffic_accidents", "person_id"), ("ext_imprisonments", "person_id"),
                ("wages", "worker_id"), ("findings", "rule_id"), ("findings", "region_code"),
            ] where try !indexed(table, column) {
                missing.append("\(table).\(column)")
            }
            return missing
        }
        #expect(missing == [])
    }
}
