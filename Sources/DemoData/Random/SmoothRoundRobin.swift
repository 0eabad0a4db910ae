/// Smooth weighted round robin (as in nginx): over any run of picks, each choice is taken in proportion
/// to its weight, give or take one.
///
/// The generator uses it where chance would trip a rule by accident: the
/// evidence hospitals and panels of severe and non-severe assessments are
/// rotated separately, so every hospital and expert sees the province's share
/// of grades 1–4 (R17), and every hospital of a grade sees the same mix of
/// cases (R16). Randomness there would put some of them three standard errors
/// out at a large enough province.
struct SmoothRoundRobin: Sendable {
    private let weights: [Int]
    private var current: [Int]
    private let total: Int

    init(weights: [Int]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 } && weights.contains { $0 > 0 })
        self.weights = weights
        self.current = Array(repeating: 0, count: weights.count)
        self.total = weights.reduce(0, +)
    }

    /// The next index.
    mutating func next() -> Int {
        var best = 0
        for i in weights.indices {
            current[i] += weights[i]
            if current[i] > current[best] { best = i }
        }
        current[best] -= total
        return best
    }
}
