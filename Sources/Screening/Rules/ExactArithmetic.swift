import FundModel

/// Exact comparisons and roundings for the statistical rules (R16, R17, R25) and the indicators.
///
/// Their thresholds are ratios ("k × the median", "z standard errors",
/// "> 20 %"), and a test sits exactly on each boundary: a figure equal to the
/// threshold must not fire. So nothing here goes through a floating-point
/// type. A comparison cross-multiplies and compares the products in as many
/// 64-bit limbs as they need, so sums of a whole province's fen squared or
/// times a count never overflow.
enum Exact {
    /// The sign of ∏`lhs` − ∏`rhs` (-1, 0 or 1), for non-negative factors.
    static func compareProducts(_ lhs: [UInt64], _ rhs: [UInt64]) -> Int {
        let a = product(lhs)
        let b = product(rhs)
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    /// Whether ∏`lhs` > ∏`rhs` (non-negative factors).
    static func exceeds(_ lhs: [UInt64], _ rhs: [UInt64]) -> Bool { compareProducts(lhs, rhs) > 0 }

    /// The product as little-endian limbs without leading zero limbs (`[]` for zero).
    static func product(_ factors: [UInt64]) -> [UInt64] {
        var limbs: [UInt64] = [1]
        for factor in factors {
            if factor == 0 { return [] }
            var carry: UInt64 = 0
            for i in limbs.indices {
                let (high, low) = limbs[i].multipliedFullWidth(by: factor)
                let (sum, overflow) = low.addingReportingOverflow(carry)
                limbs[i] = sum
                carry = high &+ (overflow ? 1 : 0)
            }
            if carry != 0 { limbs.append(carry) }
        }
        return limbs
    }

    /// A non-negative `Int64` as a factor (negative values are a caller's error, taken as 0).
    static func factor(_ value: Int64) -> UInt64 { value > 0 ? UInt64(value) : 0 }

    /// The two middle values of a sorted, non-empty list (the same value twice for an odd count).
    ///
    /// The median is their mean; callers keep the pair so that "k × median"
    /// compares as `2 × figure` against `k × (low + high)`, with no half fen.
    static func middle(_ sorted: [Int64]) -> (low: Int64, high: Int64) {
        let n = sorted.count
        return n % 2 == 1 ? (sorted[n / 2], sorted[n / 2]) : (sorted[n / 2 - 1], sorted[n / 2])
    }

    /// `numerator × scale / denominator`, rounded half up (away from zero) to four decimals;
    /// `nil` when the denominator is zero.
    ///
    /// The figures reported by the indicators and in the rules' details.
    /// `scale` is 1 for a plain ratio, 100 for a percentage.
    static func decimal4(_ numerator: Int64, over denominator: Int64, scale: Int64 = 1) -> Decimal4? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        let (high, low) = n.multipliedFullWidth(by: UInt64(scale) * 10_000)
        guard high < d else { return nil }  // beyond four decimals of Int64: not a figure anyone reports
        let (quotient, remainder) = d.dividingFullWidth((high, low))
        var q = quotient
        if remainder >= d - remainder { q += 1 }  // remainder × 2 ≥ d, without overflow
        guard q <= UInt64(Int64.max) else { return nil }
        return Decimal4(tenThousandths: negative ? -Int64(q) : Int64(q))
    }

    /// `money` in yuan as a `Decimal4` (exact: a fen is 0.01).
    static func yuan(_ money: Money) -> Decimal4 { Decimal4(tenThousandths: money.fen * 100) }
}

extension Decimal4 {
    /// The figure with at most `places` decimals (half up), for a detail line: `2.3456` → `2.35`.
    func rounded(places: Int) -> String {
        var step: Int64 = 1
        for _ in 0..<max(0, 4 - places) { step *= 10 }
        let magnitude = tenThousandths.magnitude
        let rounded = (magnitude + UInt64(step / 2)) / UInt64(step) * UInt64(step)
        return Decimal4(tenThousandths: tenThousandths < 0 ? -Int64(rounded) : Int64(rounded)).description
    }
}
