import FundColumns
import FundModel
import GRDB

/// Counts the imported rows whose references point nowhere.
///
/// interchange.md keeps such rows (a payment of an unknown case is exactly
/// what the rules must see) but wants them counted and reported. Files are
/// loaded referenced-tables-first (`TableCatalog.loadOrder`), so when a file
/// is read, the keys of the tables it refers to — from earlier imports and
/// from this one — are already in the database; they are loaded once into
/// hash sets and every row is checked while it is read. A reference is
/// checked only against tables that have been imported: before any
/// workers.csv, every payment's worker would be "unknown", which says nothing.
/// A table referring to itself (a region's parent) is checked after its load.
final class ReferenceChecker {
    private let db: Database
    private let state: ImportState
    /// Tables imported before this import, and those loaded so far in it.
    private(set) var importedTables: Set<FundModel.Table>
    private var keyCache: [String: ByteKeySet] = [:]

    init(db: Database, importedBefore: Set<FundModel.Table>, state: ImportState) {
        self.db = db
        self.importedTables = importedBefore
        self.state = state
    }

    /// The checks of one file, given where each column is in its header.
    func begin(_ spec: TableSpec, fieldIndex: [String: Int]) throws -> FileReferenceCheck {
        var checks: [FileReferenceCheck.Check] = []
        for reference in spec.references where !reference.targets.contains(where: { $0.table == spec.table }) {
            guard let field = fieldIndex[reference.column] else { continue }
            let targets = reference.targets.filter { importedTables.contains($0.table) }
            guard !targets.isEmpty else {
                notChecked(spec, reference)
                continue
            }
            let personID =
                spec.columns.first { $0.name == reference.column }.map {
                    if case .personID = $0.kind { true } else { false }
                } ?? false
            checks.append(
                FileReferenceCheck.Check(
                    column: reference.column, field: field, exempt: reference.exempt.map { Array($0.utf8) },
                    keys: try union(targets.map { try keys($0.table, $0.column) }), isPersonID: personID,
                    target: targets.map { "\($0.table.rawValue).\($0.column)" }.joined(separator: "|")))
        }
        let keyColumn = spec.keyColumns[0]
        return FileReferenceCheck(
            table: spec.table, keyField: fieldIndex[keyColumn] ?? -1, keyIsColumn: keyColumn, checks: checks)
    }

    /// After a file is loaded: its table counts as imported, and a reference to itself is checked
    /// over the rows this import wrote (rowid above `rowidBefore`).
    func finish(_ spec: TableSpec, rowidBefore: Int64) throws -> [UnmatchedReferences] {
        importedTables.insert(spec.table)
        keyCache = keyCache.filter { !$0.key.hasPrefix(spec.table.rawValue + ".") }
        var result: [UnmatchedReferences] = []
        for reference in spec.references {
            guard let target = reference.targets.first(where: { $0.table == spec.table }) else { continue }
            let table = spec.table.rawValue
            let key = spec.keyColumns[0]
            let condition = """
                x.rowid > \(rowidBefore) AND x.\(reference.column) IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM \(table) AS t WHERE t.\(target.column) = x.\(reference.column))
                """
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) AS x WHERE \(condition)") ?? 0
            guard count > 0 else { continue }
            let examples = try Row.fetchAll(
                db, sql: "SELECT x.\(key), x.\(reference.column) FROM \(table) AS x WHERE \(condition) LIMIT 5"
            ).map { row -> String in "\(row[0] as String) → \(row[1] as String)" }
            result.append(
                UnmatchedReferences(
                    table: spec.table, column: reference.column, target: "\(table).\(target.column)", count: count,
                    examples: examples))
        }
        return result
    }

    private func notChecked(_ spec: TableSpec, _ reference: ReferenceSpec) {
        let names = reference.targets.map(\.table.fileName).joined(separator: " / ")
        state.warn(
            "\(spec.table.fileName) \(reference.column): 未检查引用（未导入 \(names)）reference not checked: \(names) never imported"
        )
    }

    private func union(_ sets: [ByteKeySet]) -> ByteKeySet {
        guard var result = sets.first else { return ByteKeySet() }
        for set in sets.dropFirst() { result.formUnion(set) }
        return result
    }

    /// The keys of `table.column` as they are now in the transaction (earlier imports and this one).
    private func keys(_ table: FundModel.Table, _ column: String) throws -> ByteKeySet {
        let name = "\(table.rawValue).\(column)"
        if let cached = keyCache[name] { return cached }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0
        var set = ByteKeySet(minimumCapacity: count)
        let statement = try RawStatement(
            db, sql: "SELECT \(column) FROM \(table.rawValue) WHERE \(column) IS NOT NULL")
        while try statement.step() { set.insert(statement.bytes(0)) }
        statement.reset()
        keyCache[name] = set
        return set
    }
}

/// The reference checks of one file, run on every row as it is read.
struct FileReferenceCheck {
    /// One column's check. A class, so that the per-row loop neither copies nor re-checks
    /// the uniqueness of the key sets it holds.
    final class Check {
        let column: String
        /// The column's field in the CSV record.
        let field: Int
        let exempt: [[UInt8]]
        /// The value must be one of these (the keys of every target table).
        let keys: ByteKeySet
        /// Person ids are stored with an upper-case X.
        let isPersonID: Bool
        let target: String
        var count = 0
        var examples: [String] = []

        init(column: String, field: Int, exempt: [[UInt8]], keys: ByteKeySet, isPersonID: Bool, target: String) {
            self.column = column
            self.field = field
            self.exempt = exempt
            self.keys = keys
            self.isPersonID = isPersonID
            self.target = target
        }

        @inline(__always)
        func matches(_ cell: UnsafeRawBufferPointer) -> Bool {
            if !exempt.isEmpty {
                for value in exempt where value.elementsEqual(cell) { return true }
            }
            if isPersonID, cell.count == 18, cell[17] == UInt8(ascii: "x") {
                return withUnsafeTemporaryAllocation(byteCount: 18, alignment: 1) { copy in
                    copy.copyMemory(from: cell)
                    copy[17] = UInt8(ascii: "X")
                    return keys.contains(UnsafeRawBufferPointer(copy))
                }
            }
            return keys.contains(cell)
        }
    }

    let table: FundModel.Table
    let keyField: Int
    let keyIsColumn: String
    let checks: [Check]

    var isEmpty: Bool { checks.isEmpty }

    /// Checks the current record of `reader` (a row that was imported).
    @inline(__always)
    func check(_ reader: CSVReader) {
        for check in checks {
            let cell = reader.field(check.field)
            guard cell.count > 0, !check.matches(cell) else { continue }
            check.count += 1
            if check.examples.count < 5 {
                let value = String(decoding: cell, as: UTF8.self)
                if check.column == keyIsColumn || keyField < 0 {
                    check.examples.append(value)
                } else {
                    check.examples.append("\(String(decoding: reader.field(keyField), as: UTF8.self)) → \(value)")
                }
            }
        }
    }

    var results: [UnmatchedReferences] {
        checks.filter { $0.count > 0 }.map {
            UnmatchedReferences(
                table: table, column: $0.column, target: $0.target, count: $0.count, examples: $0.examples)
        }
    }
}
