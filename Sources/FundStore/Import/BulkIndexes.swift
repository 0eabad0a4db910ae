import FundModel
import GRDB

/// A table's secondary indexes, dropped for a bulk load and rebuilt after it.
///
/// Inserting a million rows into a table with six indexes updates seven
/// B-trees in random order; building an index afterwards sorts once and
/// writes it in order, several times faster. Both happen inside the import's
/// transaction (SQLite's DDL is transactional), so a failed import leaves the
/// indexes as they were. Unique indexes stay: they carry the upsert keys.
struct BulkIndexes {
    let table: FundModel.Table
    /// `CREATE INDEX` statements, as the migrations wrote them.
    let statements: [String]

    /// Rebuilding pays off when the file is big and not small next to the table.
    static func worthRebuilding(fileBytes: Int, existingRows: Int) -> Bool {
        let estimatedRows = fileBytes / 100
        return fileBytes >= 4 << 20 && estimatedRows * 2 >= existingRows
    }

    static func drop(on table: FundModel.Table, _ db: Database) throws -> BulkIndexes {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                """,
            arguments: [table.rawValue])
        for row in rows {
            let name: String = row["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return BulkIndexes(table: table, statements: rows.map { $0["sql"] })
    }

    func recreate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }
}
