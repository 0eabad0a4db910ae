import GRDB

/// The checked cells of up to `capacity` rows, inserted with one multi-row INSERT.
///
/// One `INSERT … VALUES (…), (…), …` of 64 rows costs SQLite far less than 64
/// single-row statements: the statement starts, opens its cursors and resets
/// once instead of 64 times. Cells are kept as values (integers, or text by
/// pointer into the mapped file) until the batch is full, then bound in one
/// go. Text that does not live in the file (an unescaped quoted field, a
/// normalised id, a list) is copied into the batch's own arena.
final class RowBatch {
    let columns: Int
    let capacity: Int
    private(set) var rows = 0

    private struct Cell {
        enum Kind: UInt8 { case null, integer, fileText, ownText }
        var kind: Kind = .null
        var integer: Int64 = 0
        var pointer: UnsafeRawPointer?
        /// Text length; for `ownText`, `integer` holds the offset in the arena.
        var count = 0
    }

    private let cells: UnsafeMutablePointer<Cell>
    private var arena: UnsafeMutableRawPointer
    private var arenaCapacity = 1 << 12
    private var arenaCount = 0
    private let table: String
    private let columnNames: [String]
    private let db: Database
    private var full: RawStatement?
    /// Statements for a last, partial batch, by row count.
    private var partial: [Int: RawStatement] = [:]

    /// The mapped file: text inside it can be bound by pointer.
    private let file: UnsafeRawBufferPointer

    init(db: Database, table: String, columnNames: [String], file: UnsafeRawBufferPointer) {
        self.db = db
        self.file = file
        self.table = table
        self.columnNames = columnNames
        columns = columnNames.count
        capacity = max(1, min(64, 32_766 / max(1, columnNames.count)))
        cells = .allocate(capacity: capacity * columns)
        cells.initialize(repeating: Cell(), count: capacity * columns)
        arena = .allocate(byteCount: arenaCapacity, alignment: 8)
    }

    deinit {
        cells.deinitialize(count: capacity * columns)
        cells.deallocate()
        arena.deallocate()
    }

    // MARK: The current row (`rows`), column by column (0-based)

    @inline(__always)
    private func cell(_ column: Int) -> UnsafeMutablePointer<Cell> { cells + (rows * columns + column) }

    @inline(__always)
    func setNull(_ column: Int) { cell(column).pointee.kind = .null }

    @inline(__always)
    func setInt(_ column: Int, _ value: Int64) {
        let c = cell(column)
        c.pointee.kind = .integer
        c.pointee.integer = value
    }

    /// Text that stays valid until the batch is inserted (the mapped file).
    @inline(__always)
    private func setFileText(_ column: Int, _ bytes: UnsafeRawBufferPointer) {
        let c = cell(column)
        c.pointee.kind = .fileText
        c.pointee.pointer = bytes.baseAddress
        c.pointee.count = bytes.count
    }

    /// Text of a cell: by pointer when it lies in the mapped file, else copied.
    @inline(__always)
    func setText(_ column: Int, _ bytes: UnsafeRawBufferPointer) {
        if let start = bytes.baseAddress, let fileStart = file.baseAddress, start >= fileStart,
            start + bytes.count <= fileStart + file.count
        {
            setFileText(column, bytes)
        } else {
            setOwnText(column, bytes)
        }
    }

    /// Text that must be copied (a scratch buffer, a temporary).
    func setOwnText(_ column: Int, _ bytes: UnsafeRawBufferPointer) {
        if arenaCount + bytes.count > arenaCapacity {
            var grown = arenaCapacity * 2
            while grown < arenaCount + bytes.count { grown *= 2 }
            let memory = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
            memory.copyMemory(from: arena, byteCount: arenaCount)
            arena.deallocate()
            arena = memory
            arenaCapacity = grown
        }
        if let base = bytes.baseAddress { (arena + arenaCount).copyMemory(from: base, byteCount: bytes.count) }
        let c = cell(column)
        c.pointee.kind = .ownText
        c.pointee.integer = Int64(arenaCount)
        c.pointee.count = bytes.count
        arenaCount += bytes.count
    }

    func setOwnText(_ column: Int, _ string: String) {
        var s = string
        s.withUTF8 { setOwnText(column, UnsafeRawBufferPointer($0)) }
    }

    /// The current row is complete: keep it, and insert the batch when full.
    @inline(__always)
    func commitRow() throws {
        rows += 1
        if rows == capacity { try flush() }
    }

    /// Inserts the rows kept so far.
    func flush() throws {
        guard rows > 0 else { return }
        let statement = try statement(rows: rows)
        for index in 0..<(rows * columns) {
            let c = cells[index]
            let parameter = Int32(index + 1)
            switch c.kind {
            case .null: statement.bindNull(parameter)
            case .integer: statement.bindInt(parameter, c.integer)
            case .fileText: statement.bindText(parameter, UnsafeRawBufferPointer(start: c.pointer, count: c.count))
            case .ownText:
                statement.bindText(parameter, UnsafeRawBufferPointer(start: arena + Int(c.integer), count: c.count))
            }
        }
        try statement.execute()
        rows = 0
        arenaCount = 0
    }

    private func statement(rows: Int) throws -> RawStatement {
        if rows == capacity, let full { return full }
        if let cached = partial[rows] { return cached }
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let sql =
            "INSERT OR REPLACE INTO \(table) (\(columnNames.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ", ")
        let statement = try RawStatement(db, sql: sql)
        if rows == capacity { full = statement } else { partial[rows] = statement }
        return statement
    }
}
