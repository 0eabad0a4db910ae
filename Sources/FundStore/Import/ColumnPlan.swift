/// A column as the per-cell loop needs it: a plain tag and bounds, so that
/// switching on it copies no String or array (no reference counting per cell).
struct ColumnPlan {
    enum Kind: UInt8 {
        case text, personID, regionCode, day, month, money, integer, bool, code, decimal4, list
    }

    let kind: Kind
    /// An empty cell is an error.
    let required: Bool
    /// A list column whose items must not all be empty.
    let listRequired: Bool
    let lowerBound: Int
    let upperBound: Int
    /// The vocabulary of a code or restricted list column. Not retained: the catalogue's
    /// specs own every code set for the life of the process.
    unowned(unsafe) let codes: CodeSet?

    init(_ column: ColumnSpec) {
        var lower = 0
        var upper = 0
        var codes: CodeSet?
        switch column.kind {
        case .text: kind = .text
        case .personID: kind = .personID
        case .regionCode: kind = .regionCode
        case .day: kind = .day
        case .month: kind = .month
        case .money: kind = .money
        case .integer(let range):
            kind = .integer
            lower = range.lowerBound
            upper = range.upperBound
        case .bool: kind = .bool
        case .code(let set):
            kind = .code
            codes = set
        case .decimal4: kind = .decimal4
        case .list(let allowed):
            kind = .list
            codes = allowed
        }
        // A list is checked item by item: its emptiness is known only after splitting.
        required = column.requirement == .required && kind != .list
        listRequired = column.requirement == .required && kind == .list
        lowerBound = lower
        upperBound = upper
        self.codes = codes
    }
}
