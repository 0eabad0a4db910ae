/// The demo generator's own pseudo-random numbers: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same province on every platform and Swift version,
/// which `SystemRandomNumberGenerator` and Foundation cannot promise. Every
/// draw is an integer: money is drawn in whole fen and probabilities are in
/// per mille, so no floating-point value ever reaches an amount.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for a seed and any number of stream keys: `DemoRandom(seed, 3, 17)` is an independent
    /// stream for "city 3, ticket 17" that does not depend on how many numbers other streams drew.
    public init(_ seed: UInt64, _ keys: UInt64...) {
        var mix = seed
        for key in keys { mix = DemoRandom.splitMix(mix ^ DemoRandom.splitMix(key &+ 0x632B_E59B_D9B4_E019)) }
        var state = mix
        s0 = DemoRandom.splitMixNext(&state)
        s1 = DemoRandom.splitMixNext(&state)
        s2 = DemoRandom.splitMixNext(&state)
        s3 = DemoRandom.splitMixNext(&state)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in the closed range (unbiased, by rejection).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var x = next()
        while x >= limit { x = next() }
        return range.lowerBound + Int(x % span)
    }

    /// A uniform amount in whole fen between two amounts in yuan.
    public mutating func money(yuan range: ClosedRange<Int>) -> Int64 {
        Int64(int((range.lowerBound * 100)...(range.upperBound * 100)))
    }

    /// True with probability `perMille` / 1000.
    public mutating func chance(perMille: Int) -> Bool { int(0...999) < perMille }

    /// An element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given integer weights (at least one positive).
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var x = int(0...(total - 1))
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Fisher–Yates, with this generator.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = int(0...i)
            if i != j { items.swapAt(i, j) }
        }
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    static func splitMix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func splitMixNext(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
