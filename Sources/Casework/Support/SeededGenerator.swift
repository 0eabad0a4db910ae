/// A random number generator that gives the same numbers for the same seed on every machine and Swift version:
/// SplitMix64 (Steele, Lea, Flood 2014).
///
/// Draws must be replayable from their stored seed (条例 25 draws are
/// audited), so neither the system generator nor the standard library's
/// `random(in:using:)` (whose reduction may change between versions) is used:
/// `uniform(below:)` is this file's own unbiased rejection method.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0)
        let n = UInt64(bound)
        let limit = UInt64.max - UInt64.max % n
        var x = next()
        while x >= limit { x = next() }
        return Int(x % n)
    }

    /// A fresh seed from the system generator, for a draw that was not given one.
    public static func freshSeed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next()
    }
}
