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

    /// Groups the rows by `keys[row]`, each group in order of `sortKeys[row]`, then row (stable);
    /// rows with a negative key are left out.
    ///
    /// The same index as `init(keys:keyCount:order:)` given the rows sorted by `sortKeys`, built another
    /// way when that is cheaper: visiting ten million rows in date order reads every key array at random
    /// (a cache miss a row), while payments come in runs (a case's payments together, each kind of
    /// payment by date), so that a group built in row order is a few runs already in date order. Each
    /// group is built in row order and, when out of order, sorted alone (the standard library's sort
    /// merges runs). When the groups are large (an institution's ten thousand payments, in as many runs
    /// as it has cases), visiting the rows in `order` is cheaper.
    ///
    /// - Parameters:
    ///   - order: the rows sorted by `sortKeys`, then row (`Ordering.stableOrder(by:)`).
    init(keys: [Int32], keyCount: Int, sortedBy sortKeys: [Int32], order: [Int32]) {
        guard keyCount * Self.largeGroup >= keys.count else {
            self.init(keys: keys, keyCount: keyCount, order: order)
            return
        }
        let unsorted = GroupIndex(keys: keys, keyCount: keyCount)
        let offsets = unsorted.offsets
        var rows = unsorted.rows
        rows.withUnsafeMutableBufferPointer { rows in
            sortKeys.withUnsafeBufferPointer { sortKeys in
                for key in 0..<keyCount {
                    let group = Int(offsets[key])..<Int(offsets[key + 1])
                    guard group.count > 1, !Self.isSorted(rows, group, by: sortKeys) else { continue }
                    Self.stableSort(rows, group, by: sortKeys)
                }
            }
        }
        self.init(offsets: offsets, rows: rows)
    }

    /// Above this many rows a group on average, the index is built by visiting the rows in order.
    static let largeGroup = 256

    private static func isSorted(
        _ rows: UnsafeMutableBufferPointer<Int32>, _ range: Range<Int>, by sortKeys: UnsafeBufferPointer<Int32>
    ) -> Bool {
        var previous = sortKeys[Int(rows[range.lowerBound])]
        for i in range.dropFirst() {
            let key = sortKeys[Int(rows[i])]
            if key < previous { return false }
            previous = key
        }
        return true
    }

    /// Sorts `rows[range]` (ascending row numbers) by `sortKeys[row]`, keeping row order among equals.
    private static func stableSort(
        _ rows: UnsafeMutableBufferPointer<Int32>, _ range: Range<Int>, by sortKeys: UnsafeBufferPointer<Int32>
    ) {
        // The rows are ascending, so (key, row) order is the stable order by key.
        rows[range].sort { a, b in
            let ka = sortKeys[Int(a)]
            let kb = sortKeys[Int(b)]
            return ka != kb ? ka < kb : a < b
        }
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
