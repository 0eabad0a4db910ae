import GRDB
import GRDBSQLite

/// A prepared statement driven through the sqlite3 C API, for the bulk paths.
///
/// GRDB prepares it (and keeps it alive in `statement`); the importer then
/// binds cells column by column straight from the CSV bytes and steps it,
/// and the loader reads columns without building `Row` values. This skips
/// GRDB's argument arrays and per-row dictionaries, which cost more than the
/// insert itself at hundreds of thousands of rows per second.
final class RawStatement {
    let statement: Statement
    let handle: OpaquePointer
    private let db: Database

    /// SQLite's `SQLITE_TRANSIENT`: "copy the bytes now" (a C macro Swift cannot import).
    static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    // MARK: Binding (parameters are 1-based)

    /// Binds bytes that stay valid until the next `step()` (the mapped file): no copy.
    @inline(__always)
    func bindText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_text(
            handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds bytes that SQLite must copy (a scratch buffer that may move).
    @inline(__always)
    func bindCopiedText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_text(
            handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
            RawStatement.transient)
    }

    func bindString(_ index: Int32, _ string: String) {
        sqlite3_bind_text(handle, index, string, -1, RawStatement.transient)
    }

    @inline(__always)
    func bindInt(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    @inline(__always)
    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Runs an INSERT/UPDATE to completion and resets it for the next row.
    @inline(__always)
    func execute() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw lastError(code) }
    }

    // MARK: Reading (columns are 0-based)

    /// Steps a query: `true` while there is a row.
    @inline(__always)
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw lastError(code)
    }

    func reset() { sqlite3_reset(handle) }

    /// The number of columns of a query's rows.
    var columnCount: Int32 { sqlite3_column_count(handle) }

    @inline(__always)
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    @inline(__always)
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column's integer, or nil for NULL (the cell fetched once, as in `optionalBytes`).
    @inline(__always)
    func optionalInt(_ column: Int32) -> Int64? {
        let value = sqlite3_column_value(handle, column)
        return sqlite3_value_type(value) == SQLITE_NULL ? nil : sqlite3_value_int64(value)
    }

    /// The column's text bytes, valid until the next step.
    ///
    /// Read as a blob: `sqlite3_column_text` must hand out a NUL-terminated string, which for a
    /// value decoded from a record means copying it into a buffer of its own, a copy per cell; the
    /// blob is the record's own bytes (the schema is STRICT, so a TEXT column holds text). The cell
    /// is fetched once (`sqlite3_column_value`) and asked for its bytes and length: each
    /// `sqlite3_column_*` call enters and leaves the statement's API guard, two calls a cell otherwise.
    /// The value is the statement's own and is read on the connection's thread only.
    @inline(__always)
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let value = sqlite3_column_value(handle, column)
        let pointer = sqlite3_value_blob(value)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }

    /// The column's text bytes, or nil for NULL.
    @inline(__always)
    func optionalBytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        let value = sqlite3_column_value(handle, column)
        guard sqlite3_value_type(value) != SQLITE_NULL else { return nil }
        let pointer = sqlite3_value_blob(value)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }

    @inline(__always)
    func text(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }

    private func lastError(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: statement.sql)
    }
}
