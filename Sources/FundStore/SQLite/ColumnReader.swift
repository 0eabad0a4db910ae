import FundModel

/// Reads the typed columns of the current row of a query, following the storage conventions
/// of `SchemaMigrations` (days as ordinals, money as fen, empty as NULL).
///
/// Values are read straight from sqlite3 (no `Row`, no Codable): loading ten
/// million payments is the screening run's first step.
struct ColumnReader {
    let statement: RawStatement
    let table: String

    @inline(__always)
    func text(_ i: Int32) -> String { statement.text(i) }

    @inline(__always)
    func optionalText(_ i: Int32) -> String? { statement.isNull(i) ? nil : statement.text(i) }

    func personID(_ i: Int32, _ column: String) throws -> PersonID {
        let raw = statement.text(i)
        guard let id = PersonID(raw) else { throw StoreError(table: table, column: column, value: raw) }
        return id
    }

    func optionalPersonID(_ i: Int32, _ column: String) throws -> PersonID? {
        statement.isNull(i) ? nil : try personID(i, column)
    }

    func regionCode(_ i: Int32, _ column: String) throws -> RegionCode {
        let raw = statement.text(i)
        guard let code = RegionCode(raw) else { throw StoreError(table: table, column: column, value: raw) }
        return code
    }

    func optionalRegionCode(_ i: Int32, _ column: String) throws -> RegionCode? {
        statement.isNull(i) ? nil : try regionCode(i, column)
    }

    @inline(__always)
    func day(_ i: Int32) -> Day { Day(ordinal: Int32(truncatingIfNeeded: statement.int(i))) }

    @inline(__always)
    func optionalDay(_ i: Int32) -> Day? { statement.isNull(i) ? nil : day(i) }

    func month(_ i: Int32) -> YearMonth { YearMonth(index: Int32(truncatingIfNeeded: statement.int(i))) }

    @inline(__always)
    func money(_ i: Int32) -> Money { Money(fen: statement.int(i)) }

    @inline(__always)
    func optionalMoney(_ i: Int32) -> Money? { statement.isNull(i) ? nil : money(i) }

    func int(_ i: Int32) -> Int { Int(statement.int(i)) }

    func optionalInt(_ i: Int32) -> Int? { statement.isNull(i) ? nil : int(i) }

    @inline(__always)
    func bool(_ i: Int32) -> Bool { statement.int(i) != 0 }

    func code<Value: CodedValue>(_ i: Int32, _ column: String, as type: Value.Type = Value.self) throws -> Value {
        let raw = statement.text(i)
        guard let value = Value(rawValue: raw) else { throw StoreError(table: table, column: column, value: raw) }
        return value
    }

    func optionalCode<Value: CodedValue>(_ i: Int32, _ column: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        statement.isNull(i) ? nil : try code(i, column, as: type)
    }

    /// A `;`-joined list; NULL is the empty list.
    func list(_ i: Int32) -> [String] {
        guard !statement.isNull(i) else { return [] }
        return statement.text(i).split(separator: ";").map(String.init)
    }
}
