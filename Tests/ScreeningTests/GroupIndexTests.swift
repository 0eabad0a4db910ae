import Testing

@testable import Screening

@Suite("GroupIndex: groups in service-date order, built either way")
struct GroupIndexTests {
    /// Rows in runs, as an export gives them: each key's rows together in a few runs, each run by date.
    static func runs(keys keyCount: Int, rows: Int, seed: UInt64) -> (keys: [Int32], dates: [Int32]) {
        var mix = SnapshotTests.Mix(state: seed)
        var keys: [Int32] = []
        var dates: [Int32] = []
        while keys.count < rows {
            let key = Int32(mix.next(keyCount + 1)) - 1  // -1: no key
            var date = Int32(mix.next(400))
            for _ in 0..<(1 + mix.next(90)) where keys.count < rows {
                keys.append(key)
                dates.append(date)
                date += Int32(mix.next(3))  // ties included
            }
        }
        return (keys, dates)
    }

    @Test("sorting each group alone gives the same index as visiting the rows in date order")
    func sameAsOrdered() {
        // Many small keys (groups sorted alone), few large ones (built from the order), one key, none.
        for (keyCount, seed) in [(5_000, 1), (800, 2), (12, 3), (1, 4), (0, 5)] as [(Int, UInt64)] {
            let (keys, dates) = Self.runs(keys: keyCount, rows: 20_000, seed: seed)
            let order = Ordering.stableOrder(by: dates)
            let expected = GroupIndex(keys: keys, keyCount: keyCount, order: order)
            let built = GroupIndex(keys: keys, keyCount: keyCount, sortedBy: dates, order: order)
            #expect(built.offsets == expected.offsets, "keys: \(keyCount)")
            #expect(built.rows == expected.rows, "keys: \(keyCount)")
        }
    }

    @Test("equal dates keep row order, and rows with no key are left out")
    func stableAndWithoutNone() {
        let keys: [Int32] = [0, 1, 0, -1, 0, 1, 0]
        let dates: [Int32] = [5, 3, 5, 1, 2, 3, 9]
        let index = GroupIndex(keys: keys, keyCount: 2, sortedBy: dates, order: Ordering.stableOrder(by: dates))
        #expect(Array(index.rows(for: 0)) == [4, 0, 2, 6])
        #expect(Array(index.rows(for: 1)) == [1, 5])
        #expect(index.rows.count == 6)
    }
}
