import FundModel

/// Reads the typed columns of the current row of a query, following the storage conventions
/// of `SchemaMigrations` (days as ordinals, money as fen, empty as NULL).
///
/// Values are read straight from sqlite3 (no `Row`, no Codable): loading ten
/// million payments is the screening run's first step. Person ids, region
/// codes, codes and the `interned` text columns go through a per-column
/// `Interner`, so each distinct value is built and validated once.
final class ColumnReader {
    let statement: RawStatement
    let table: String
    /// Per column: an `Interner` of the column's value type, created on first use.
    /// Touched once a cell; a class's stored property is checked for exclusive access at run time
    /// on every touch, which this reader's single thread does not need.
    @exclusivity(unchecked) private var interners: [AnyObject?]

    init(statement: RawStatement, table: String, columnCount: Int = 32) {
        self.statement = statement
        self.table = table
        interners = Array(repeating: nil, count: columnCount)
    }

    @inline(__always)
    private func interner<Value>(_ i: Int32, _ type: Value.Type) -> Interner<Value> {
        if let existing = interners[Int(i)] { return unsafeDowncast(existing, to: Interner<Value>.self) }
        let created = Interner<Value>()
        interners[Int(i)] = created
        return created
    }

    @inline(__always)
    func text(_ i: Int32) -> String { statement.text(i) }

    @inline(__always)
    func optionalText(_ i: Int32) -> String? {
        statement.optionalBytes(i).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Text of a column with few distinct values (case ids, item codes, institution ids, accounts).
    @inline(__always)
    func interned(_ i: Int32) -> String { interned(i, statement.bytes(i)) }

    @inline(__always)
    func optionalInterned(_ i: Int32) -> String? { statement.optionalBytes(i).map { interned(i, $0) } }

    @inline(__always)
    private func interned(_ i: Int32, _ bytes: UnsafeRawBufferPointer) -> String {
        interner(i, String.self).value(bytes) { String(decoding: $0, as: UTF8.self) }
    }

    func personID(_ i: Int32, _ column: String) throws -> PersonID {
        try personID(i, column, statement.bytes(i))
    }

    func optionalPersonID(_ i: Int32, _ column: String) throws -> PersonID? {
        try statement.optionalBytes(i).map { try personID(i, column, $0) }
    }

    private func personID(_ i: Int32, _ column: String, _ bytes: UnsafeRawBufferPointer) throws -> PersonID {
        try interner(i, PersonID.self).value(bytes) { bytes in try uniquePersonID(column, bytes) }
    }

    /// The person id of a column whose every row differs (a table's own key, e.g. workers.worker_id):
    /// interning it would only add a hash-table entry a row.
    func uniquePersonID(_ i: Int32, _ column: String) throws -> PersonID {
        try uniquePersonID(column, statement.bytes(i))
    }

    private func uniquePersonID(_ column: String, _ bytes: UnsafeRawBufferPointer) throws -> PersonID {
        guard let id = PersonID(utf8: bytes) else {
            throw StoreError(table: table, column: column, value: String(decoding: bytes, as: UTF8.self))
        }
        return id
    }

    func regionCode(_ i: Int32, _ column: String) throws -> RegionCode {
        try interner(i, RegionCode.self).value(statement.bytes(i)) { bytes in
            let raw = String(decoding: bytes, as: UTF8.self)
            guard let code = RegionCode(raw) else { throw StoreError(table: table, column: column, value: raw) }
            return code
        }
    }

    func optionalRegionCode(_ i: Int32, _ column: String) throws -> RegionCode? {
        statement.isNull(i) ? nil : try regionCode(i, column)
    }

    @inline(__always)
    func day(_ i: Int32) -> Day { Day(ordinal: Int32(truncatingIfNeeded: statement.int(i))) }

    @inline(__always)
    func optionalDay(_ i: Int32) -> Day? {
        statement.optionalInt(i).map { Day(ordinal: Int32(truncatingIfNeeded: $0)) }
    }

    func month(_ i: Int32) -> YearMonth { YearMonth(index: Int32(truncatingIfNeeded: statement.int(i))) }

    @inline(__always)
    func money(_ i: Int32) -> Money { Money(fen: statement.int(i)) }

    @inline(__always)
    func optionalMoney(_ i: Int32) -> Money? { statement.optionalInt(i).map { Money(fen: $0) } }

    func int(_ i: Int32) -> Int { Int(statement.int(i)) }

    func optionalInt(_ i: Int32) -> Int? { statement.optionalInt(i).map { Int($0) } }

    @inline(__always)
    func bool(_ i: Int32) -> Bool { statement.int(i) != 0 }

    func code<Value: CodedValue>(_ i: Int32, _ column: String, as type: Value.Type = Value.self) throws -> Value {
        try code(i, column, statement.bytes(i))
    }

    func optionalCode<Value: CodedValue>(_ i: Int32, _ column: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        try statement.optionalBytes(i).map { try code(i, column, $0) }
    }

    private func code<Value: CodedValue>(_ i: Int32, _ column: String, _ bytes: UnsafeRawBufferPointer) throws
        -> Value
    {
        try interner(i, Value.self).value(bytes) { bytes in
            let raw = String(decoding: bytes, as: UTF8.self)
            guard let value = Value(rawValue: raw) else { throw StoreError(table: table, column: column, value: raw) }
            return value
        }
    }

    /// A `;`-joined list of ids (experts of an assessment); NULL is the empty list.
    ///
    /// Split on the bytes and each id interned: a few hundred experts are named in a million lists.
    func list(_ i: Int32) -> [String] {
        guard let bytes = statement.optionalBytes(i) else { return [] }
        var items: [String] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
            if end > start { items.append(interned(i, UnsafeRawBufferPointer(rebasing: bytes[start..<end]))) }
            start = end + 1
        }
        return items
    }
}
