import FundModel
import GRDB

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// WAL lets the console and the API read while an import or a screening run
/// writes. Opening a store creates the file if needed and runs the pending
/// migrations, so a database written by an older version is brought up to
/// date on first use.
public final class SQLiteFundStore: FundRepository {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the database at `path` and migrates it.
    ///
    /// A new database file is created readable by its owner only (0600); SQLite gives its `-wal` and `-shm`
    /// files the database file's mode (`OwnerOnlyFiles`).
    public init(path: String) throws {
        if path != ":memory:", !path.isEmpty { try OwnerOnlyFiles.createEmptyFileIfMissing(path) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // 16 KiB pages (for a new database; SQLite ignores it for an existing one): a quarter of
            // the B-tree pages and WAL frames of 4 KiB pages, measurably cheaper bulk loads and scans.
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        try SchemaMigrations.migrator.migrate(pool)
    }

    /// The GRDB writer, for other SQLite-backed components of the platform (and tests).
    public var databaseWriter: any DatabaseWriter { pool }
}

/// A value in the database that FundModel cannot accept (written by hand, or by a buggy version).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var table: String
    public var column: String
    public var value: String

    public var description: String {
        "数据库中的值无效 invalid value in the database: \(table).\(column) = \"\(value)\""
    }
}
