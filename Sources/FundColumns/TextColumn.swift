import FundModel

/// A text column stored as dictionary codes: each distinct value once (`IDTable`), each row an `Int32`.
///
/// Ten million payments name a million workers, a few hundred institutions
/// and a handful of regions: coding the column keeps one `String` per
/// distinct value instead of one per row, and lets the snapshot carry a
/// column over to its own id tables by mapping the distinct values only.
/// A missing value (NULL, or the empty string) is the code -1.
public struct TextColumn: Sendable {
    /// The distinct values, by code.
    public private(set) var dictionary = IDTable()
    /// The code of each row, -1 for none.
    public private(set) var codes: [Int32] = []
    /// The codes of the two values last appended as bytes, most recent first (-1: none yet).
    private var recent: (Int32, Int32) = (-1, -1)

    public init() {}

    /// The number of rows.
    @inlinable public var count: Int { codes.count }

    public mutating func reserveCapacity(_ rows: Int) { codes.reserveCapacity(rows) }

    /// Makes room for `rows` rows and `distinct` distinct values (joining columns: no rehash on the way).
    public mutating func reserveCapacity(_ rows: Int, distinct: Int) {
        codes.reserveCapacity(rows)
        dictionary.reserveCapacity(distinct)
    }

    /// Appends a value; `nil` and the empty string are "none".
    public mutating func append(_ value: String?) {
        guard let value, !value.isEmpty else { return codes.append(-1) }
        codes.append(dictionary.intern(value))
    }

    /// Appends a value given as bytes (a database cell); `nil` and no bytes are "none".
    ///
    /// - Returns: whether the value is new to the dictionary (so a loader can validate each distinct value once).
    @discardableResult
    public mutating func append(bytes: UnsafeRawBufferPointer?) -> Bool {
        guard let bytes, bytes.count > 0 else {
            codes.append(-1)
            return false
        }
        // Rows come in runs (a case's payments are exported together, often alternating between two
        // values: a medical bill and its meal allowance, the hospital's account and the worker's): the
        // two values last seen are compared first, which saves the hash probe, a cache miss in a table
        // of a million workers.
        if recent.0 >= 0, dictionary.matches(recent.0, bytes: bytes) {
            codes.append(recent.0)
            return false
        }
        if recent.1 >= 0, dictionary.matches(recent.1, bytes: bytes) {
            recent = (recent.1, recent.0)
            codes.append(recent.0)
            return false
        }
        let before = dictionary.count
        let code = dictionary.intern(bytes: bytes)
        recent = (code, recent.0)
        codes.append(code)
        return dictionary.count > before
    }

    /// The value of a row, or `nil`.
    @inlinable
    public func value(_ row: Int) -> String? {
        let code = codes[row]
        return code >= 0 ? dictionary.name(code) : nil
    }

    /// Appends the rows of another column, carrying its codes over to this dictionary.
    public mutating func append(contentsOf other: TextColumn) {
        let map = dictionary.absorb(other.dictionary)
        codes.reserveCapacity(codes.count + other.count)
        for code in other.codes { codes.append(code >= 0 ? map[Int(code)] : -1) }
    }

    /// The codes of this column in another id table (interning the values it lacks): the snapshot's
    /// way of giving the payments' workers the ids of workers.csv.
    public func codes(in table: inout IDTable) -> [Int32] {
        let map = table.absorb(dictionary)
        return codes.map { $0 >= 0 ? map[Int($0)] : -1 }
    }
}
