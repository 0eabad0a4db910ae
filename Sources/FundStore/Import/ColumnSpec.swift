import FundModel

/// One column of an interchange file: its name, its type, and whether it must be there.
///
/// The importer is table-driven: a `TableSpec` lists its columns, and one loop
/// parses and binds them, so every table gets the same checks and messages.
struct ColumnSpec: Sendable {
    /// The CSV header name, which is also the SQL column name.
    let name: String
    let kind: ColumnKind
    let requirement: Requirement

    enum Requirement: Sendable {
        /// The column must be in the header and every cell must hold a value.
        case required
        /// The column must be in the header; an empty cell is allowed. Used for
        /// booleans, where an empty cell means `false`: a missing `advance` or
        /// `fatal` column would silently change what the rules see.
        case mustBePresent
        /// The column may be absent from the header (a warning); empty cells are NULL.
        case optional
    }

    static func required(_ name: String, _ kind: ColumnKind) -> ColumnSpec {
        ColumnSpec(name: name, kind: kind, requirement: .required)
    }
    static func optional(_ name: String, _ kind: ColumnKind) -> ColumnSpec {
        ColumnSpec(name: name, kind: kind, requirement: .optional)
    }
    static func flag(_ name: String) -> ColumnSpec {
        ColumnSpec(name: name, kind: .bool, requirement: .mustBePresent)
    }

    /// Whether a header without this column is an error.
    var mustBeInHeader: Bool { requirement != .optional }
}

/// How a cell is read, checked and stored.
enum ColumnKind: Sendable {
    /// Opaque text, stored as given (valid UTF-8 required).
    case text
    /// A citizen id: its shape is checked, not its check character (that is DQ01).
    case personID
    case regionCode
    /// `YYYY-MM-DD`, stored as `Day.ordinal`.
    case day
    /// `YYYY-MM`, stored as `YearMonth.index`.
    case month
    /// Yuan with at most two decimals, stored as fen.
    case money
    /// A whole number within a range.
    case integer(ClosedRange<Int>)
    /// `true`/`false`/`1`/`0`; empty is `false`.
    case bool
    /// One of a closed vocabulary (a `CodedValue`).
    case code(CodeSet)
    /// A decimal with up to four places, stored in ten-thousandths (`Decimal4`).
    case decimal4
    /// Items separated by `;`, stored trimmed and `;`-joined; `allowed` restricts the items.
    case list(allowed: CodeSet?)
}

/// The accepted codes of a vocabulary, as bytes for a comparison without Strings.
final class CodeSet: Sendable {
    let codes: [[UInt8]]
    /// `injury | disease | deemed`, for messages.
    let listText: String

    init<Value: CodedValue>(_ type: Value.Type) {
        codes = Value.allCases.map { Array($0.rawValue.utf8) }
        listText = Value.codeList
    }

    /// Whether the bytes are one of the codes (exact, case-sensitive).
    @inline(__always)
    func contains(_ b: UnsafeRawBufferPointer) -> Bool {
        for code in codes where code.count == b.count {
            var equal = true
            for i in 0..<code.count where code[i] != b[i] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }
}
