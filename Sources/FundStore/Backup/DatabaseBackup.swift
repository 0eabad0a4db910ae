import Foundation
import GRDB

/// `fundguard backup` and `fundguard restore`: an online, consistent copy of the database, and its return.
///
/// The backup is SQLite's backup API (through GRDB) from a read transaction of its own connection: in WAL
/// mode that transaction sees one committed state of the database, so a copy taken while an import or a
/// screening writes holds that write whole or not at all, and neither waits for the other. The copy is
/// written to a new file (mode 0600), switched from WAL to a rollback journal so that it is one
/// self-contained file, then checked: `PRAGMA integrity_check` and every table's row count, which must equal
/// the counts read in the same transaction as the copy.
///
/// A restore checks the backup first (integrity, a FundGuard database), refuses a database in use (another
/// connection open on it, e.g. a running `fundguard serve`) and an existing file unless `force` is given,
/// then copies the backup into the database with the same API and checks the result the same way.
public enum DatabaseBackup {
    /// The result of a check: `integrity_check`'s lines (`["ok"]` when sound) and each table's rows.
    public struct Check: Sendable, Hashable {
        public var integrity: [String]
        /// Every table (SQLite's own excepted), by name.
        public var rowCounts: [TableRows]
        /// The file's size in bytes.
        public var bytes: Int64

        public var isSound: Bool { integrity == ["ok"] }

        /// Lines for a terminal: the integrity verdict, then one line per table.
        public var lines: [String] {
            ["integrity_check: \(integrity.joined(separator: "; "))", "size: \(bytes) bytes"]
                + rowCounts.map { "  \($0.table): \($0.rows)" }
        }
    }

    public struct TableRows: Sendable, Hashable {
        public var table: String
        public var rows: Int
    }

    /// Why a backup or a restore was refused or failed.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Copies the database at `database` to the new file `output` and checks the copy.
    @discardableResult public static func backup(database: String, to output: String) throws -> Check {
        guard FileManager.default.fileExists(atPath: database) else {
            throw Failure("数据库不存在 no database at \(database)")
        }
        guard try OwnerOnlyFiles.createEmptyFileIfMissing(output) else {
            throw Failure("备份文件已存在 the backup file exists already: \(output)")
        }
        var sourceCounts: [TableRows] = []
        do {
            var sourceConfiguration = Configuration()
            sourceConfiguration.readonly = true
            sourceConfiguration.busyMode = .timeout(30)
            let source = try DatabaseQueue(path: database, configuration: sourceConfiguration)
            let destination = try DatabaseQueue(path: output)
            try destination.writeWithoutTransaction { destinationDB in
                // One read transaction for the counts and the copy: both see the same committed state.
                try source.read { sourceDB in
                    sourceCounts = try rowCounts(sourceDB)
                    try sourceDB.backup(to: destinationDB)
                }
                // The copy carries the source's WAL flag; one self-contained file is what a backup should be.
                _ = try String.fetchOne(destinationDB, sql: "PRAGMA journal_mode = DELETE")
            }
            try source.close()
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: output)
            throw error
        }
        let check = try Self.check(output)
        guard check.isSound else {
            throw Failure("备份校验失败 the backup fails integrity_check: \(check.integrity.joined(separator: "; "))")
        }
        guard check.rowCounts == sourceCounts else {
            throw Failure("备份行数与数据库不符 the backup's row counts differ from the database's")
        }
        return check
    }

    /// `PRAGMA integrity_check` and the row count of every table of the database at `path`, read only.
    public static func check(_ path: String) throws -> Check {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure("文件不存在 no file at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Failure("无法打开 cannot open \(path) as a database: \(error)")
        }
        defer { try? queue.close() }
        let (integrity, counts): ([String], [TableRows])
        do {
            (integrity, counts) = try queue.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try rowCounts(db))
            }
        } catch {
            throw Failure("不是可读的数据库 \(path) is not a readable database: \(error)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return Check(integrity: integrity, rowCounts: counts, bytes: bytes)
    }

    /// Replaces the database at `database` with the backup at `backup`, and checks the result.
    ///
    /// Refused, with the database untouched: a backup that is not sound or not a FundGuard database; a
    /// database that another connection has open (always, `force` or not: it would be overwritten under
    /// that connection); an existing database file without `force`.
    @discardableResult public static func restore(from backup: String, to database: String, force: Bool) throws
        -> Check
    {
        let checked = try check(backup)
        guard checked.isSound else {
            throw Failure("备份校验失败 the backup fails integrity_check: \(checked.integrity.joined(separator: "; "))")
        }
        guard checked.rowCounts.contains(where: { $0.table == "grdb_migrations" }) else {
            throw Failure("不是 FundGuard 的备份 \(backup) is not a FundGuard database")
        }
        let exists = FileManager.default.fileExists(atPath: database)
        if exists, !force {
            throw Failure("数据库已存在，须加 --force 才覆盖 the database exists: give --force to overwrite it: \(database)")
        }
        if !exists { try OwnerOnlyFiles.createEmptyFileIfMissing(database) }
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let destination = try DatabaseQueue(path: database, configuration: configuration)
        do {
            try destination.writeWithoutTransaction { db in
                // Leaving WAL mode needs the only connection to the database: SQLite refuses (busy) while any
                // other is open, in this process or another. A database in use is never overwritten.
                let mode: String?
                do {
                    mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                } catch {
                    throw Failure("数据库正在使用，不能恢复 the database is in use (stop the server first): \(database)")
                }
                guard mode?.lowercased() == "delete" else {
                    throw Failure("数据库正在使用，不能恢复 the database is in use (stop the server first): \(database)")
                }
                // Held from here to the end of the copy: no other connection may start meanwhile.
                _ = try String.fetchOne(db, sql: "PRAGMA locking_mode = EXCLUSIVE")
                var sourceConfiguration = Configuration()
                sourceConfiguration.readonly = true
                let source = try DatabaseQueue(path: backup, configuration: sourceConfiguration)
                try source.read { sourceDB in try sourceDB.backup(to: db) }
                try source.close()
                _ = try String.fetchOne(db, sql: "PRAGMA locking_mode = NORMAL")
            }
            try destination.close()
        } catch {
            try? destination.close()
            if !exists { try? FileManager.default.removeItem(atPath: database) }
            throw error
        }
        let restored = try check(database)
        guard restored.isSound, restored.rowCounts == checked.rowCounts else {
            throw Failure("恢复后的数据库校验失败 the restored database does not match the backup")
        }
        return restored
    }

    /// Every table's row count, by name (SQLite's internal tables left out).
    static func rowCounts(_ db: Database) throws -> [TableRows] {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.map { table in
            TableRows(
                table: table,
                rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0)
        }
    }
}
