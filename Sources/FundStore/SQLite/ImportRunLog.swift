import Foundation
import FundModel
import GRDB

/// The record of imports: written in the import's own transaction, so a
/// rejected import leaves no trace and a committed one always has its record.
enum ImportRunLog {
    static func record(_ summary: ImportSummary, startedAt: Date, user: String?, lenient: Bool, db: Database) throws
        -> Int64
    {
        try db.execute(
            sql: """
                INSERT INTO import_runs (started_at, finished_at, user, source, lenient, rows_imported, rows_rejected,
                    warnings, unmatched)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                Timestamp.text(startedAt), Timestamp.text(Date()), user, summary.source, lenient,
                summary.rowsImported, summary.rowsRejected, summary.warnings.joined(separator: "\n"),
                summary.unmatched.map(\.description).joined(separator: "\n"),
            ])
        let runID = db.lastInsertedRowID
        for file in summary.files {
            try db.execute(
                sql: """
                    INSERT INTO import_run_files (run_id, table_name, file, rows_read, rows_imported, rows_replaced,
                        rows_rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, file.table.rawValue, file.file, file.rowsRead, file.rowsImported, file.rowsReplaced,
                    file.rowsRejected,
                ])
        }
        return runID
    }
}

extension SQLiteFundStore {
    public func importRuns(limit: Int) throws -> [ImportRunRecord] {
        try pool.read { db in
            let runs = try Row.fetchAll(
                db, sql: "SELECT * FROM import_runs ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
            return try runs.map { row in
                let id: Int64 = row["id"]
                let files = try Row.fetchAll(
                    db, sql: "SELECT * FROM import_run_files WHERE run_id = ? ORDER BY rowid", arguments: [id]
                ).compactMap { file -> FileImportSummary? in
                    guard let table = FundModel.Table(rawValue: file["table_name"]) else { return nil }
                    return FileImportSummary(
                        table: table, file: file["file"], rowsRead: file["rows_read"],
                        rowsImported: file["rows_imported"], rowsReplaced: file["rows_replaced"],
                        rowsRejected: file["rows_rejected"])
                }
                let warnings: String = row["warnings"]
                let unmatched: String = row["unmatched"]
                return ImportRunRecord(
                    id: id, startedAt: Timestamp.date(row["started_at"]),
                    finishedAt: Timestamp.date(row["finished_at"]),
                    user: row["user"], source: row["source"], lenient: row["lenient"],
                    rowsImported: row["rows_imported"],
                    rowsRejected: row["rows_rejected"], files: files,
                    warnings: warnings.split(separator: "\n").map(String.init),
                    unmatched: unmatched.split(separator: "\n").map(String.init))
            }
        }
    }
}
