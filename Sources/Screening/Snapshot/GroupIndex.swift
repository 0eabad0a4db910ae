/// A hash-free index from an interned key to the rows that carry it (compressed sparse rows).
///
/// Built once per run by a counting sort: `offsets[k]..<offsets[k+1]` are the
/// positions in `rows` of key `k`. Two flat `Int32` arrays whatever the number
/// of keys, no per-key allocation, and a lookup is two array reads. The rows
/// of a key keep the order in which they were visited when the index was
/// built, so building from rows already sorted by service date gives every
/// worker's (or case's, …) payments in service-date order.
public struct GroupIndex: Sendable {
    /// `keyCount + 1` offsets into `rows`.
    public let offsets: [Int32]
    /// Row numbers, grouped by key.
    public let rows: [Int32]

    /// An empty index (for a missing table).
    public init() {
        offsets = [0]
        rows = []
    }

    /// An index whose groups were built by the caller (`offsets.count` = keys + 1, ascending into `rows`).
    init(offsets: [Int32], rows: [Int32]) {
        precondition(offsets.first == 0 && Int(offsets.last ?? 0) == rows.count)
        self.offsets = offsets
        self.rows = rows
    }

    /// Groups the rows by `keys[row]`; rows with a negative key are left out.
    ///
    /// - Parameters:
    ///   - keys: the key of every row, in `0..<keyCount` or negative for "none".
    ///   - keyCount: the number of distinct keys.
    ///   - order: the order in which to visit the rows (default: row order); the
    ///     rows of each key keep this order.
    public init(keys: [Int32], keyCount: Int, order: [Int32]? = nil) {
        var counts = [Int32](repeating: 0, count: keyCount + 1)
        for key in keys where key >= 0 { counts[Int(key) + 1] += 1 }
        for k in 0..<keyCount { counts[k + 1] += counts[k] }
        let offsets = counts
        var next = counts
        var rows = [Int32](repeating: 0, count: Int(counts[keyCount]))
        if let order {
            for row in order {
                let key = keys[Int(row)]
                guard key >= 0 else { continue }
                rows[Int(next[Int(key)])] = row
                next[Int(key)] += 1
            }
        } else {
            for row in keys.indices {
                let key = keys[row]
                guard key >= 0 else { continue }
                rows[Int(next[Int(key)])] = Int32(row)
                next[Int(key)] += 1
            }
        }
        self.offsets = offsets
        self.rows = rows
    }

    /// The number of keys.
    public var keyCount: Int { offsets.count - 1 }

    /// The rows of `key`, in index order; empty for an unknown or negative key.
    @inlinable
    public func rows(for key: Int32) -> ArraySlice<Int32> {
        guard key >= 0, Int(key) < offsets.count - 1 else { return rows[0..<0] }
        return rows[Int(offsets[Int(key)])..<Int(offsets[Int(key) + 1])]
    }

    /// The number of rows of `key`.
    @inlinable
    public func count(for key: Int32) -> Int {
        guard key >= 0, Int(key) < offsets.count - 1 else { return 0 }
        return Int(offsets[Int(key) + 1] - offsets[Int(key)])
    }
}
