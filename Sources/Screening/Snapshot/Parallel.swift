import Dispatch

/// Runs independent pieces of work on all cores and waits for them.
///
/// Used to build the snapshot's columns and indexes: each task owns its own
/// output (written through a `ResultSlot`), so no locking is needed.
enum Parallel {
    static func run(_ tasks: [@Sendable () -> Void]) {
        if tasks.count == 1 {
            tasks[0]()
            return
        }
        DispatchQueue.concurrentPerform(iterations: tasks.count) { tasks[$0]() }
    }
}

/// A place where exactly one parallel task writes its result, read after `Parallel.run` returns.
///
/// `@unchecked Sendable` is sound here because the single writer finishes
/// before `concurrentPerform` returns and the reader runs after it.
final class ResultSlot<Value>: @unchecked Sendable {
    private var stored: Value?
    init() {}
    func set(_ value: Value) { stored = value }
    var value: Value {
        guard let stored else { preconditionFailure("parallel task did not produce its result") }
        return stored
    }
}

/// Sorting helpers shared by the index builders.
enum Ordering {
    /// Row numbers `0..<keys.count` sorted by `keys[row]`, then by row (stable).
    ///
    /// A counting sort when the keys span a modest range (days span a few
    /// thousand values even for decades of data), else a comparison sort.
    static func stableOrder(by keys: [Int32]) -> [Int32] {
        guard let lo = keys.min(), let hi = keys.max() else { return [] }
        let span = Int(hi) - Int(lo) + 1
        if span <= max(1 << 20, keys.count * 4) {
            var counts = [Int32](repeating: 0, count: span + 1)
            for key in keys { counts[Int(key) - Int(lo) + 1] += 1 }
            for i in 0..<span { counts[i + 1] += counts[i] }
            var order = [Int32](repeating: 0, count: keys.count)
            for row in keys.indices {
                let slot = Int(key: keys[row], lo: lo)
                order[Int(counts[slot])] = Int32(row)
                counts[slot] += 1
            }
            return order
        }
        return (0..<Int32(keys.count)).sorted { a, b in
            let ka = keys[Int(a)]
            let kb = keys[Int(b)]
            return ka != kb ? ka < kb : a < b
        }
    }
}

extension Int {
    fileprivate init(key: Int32, lo: Int32) { self = Int(key) - Int(lo) }
}
