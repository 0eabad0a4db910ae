import FundModel

/// An amount of money kept exactly as `units × numerator / denominator` fen until it becomes `Money`.
///
/// rules.md §5 rounds each final amount once, half up, to the fen. A bounded
/// own wage can itself be a fraction of a fen (60 % of 3 333.33 yuan is
/// 1 999.998 yuan), so it is carried as a fraction through "× months" or
/// "× percent" and rounded only at the end, in `Money.scaled(by:over:)`.
struct ExactAmount: Sendable {
    var units: Int64
    var numerator: Int64
    var denominator: Int64

    static let zero = ExactAmount(.zero)

    /// A whole-fen amount.
    init(_ money: Money) {
        units = money.fen
        numerator = 1
        denominator = 1
    }

    /// A parameter in yuan: its ten-thousandths of a yuan are hundredths of a fen, so nothing is rounded here.
    init(yuan: Decimal4) {
        units = yuan.tenThousandths
        numerator = 1
        denominator = 100
    }

    /// `self × n / d`, exactly (`d` positive; a negative `n` only comes from a wrong parameter row).
    func times(_ n: Int64, over d: Int64) -> ExactAmount {
        precondition(d > 0, "denominator must be positive")
        let (num, o1) = numerator.multipliedReportingOverflow(by: n)
        let (den, o2) = denominator.multipliedReportingOverflow(by: d)
        precondition(!o1 && !o2, "statutory factor overflow")
        let g = ExactAmount.gcd(num, den)
        var result = self
        result.numerator = num / g
        result.denominator = den / g
        return result
    }

    /// Rounded half up to the fen: the one rounding of rules.md §5.
    var rounded: Money { Money(fen: units).scaled(by: numerator, over: denominator) }

    /// Exact comparison, with full-width products so that no amount can overflow.
    static func compare(_ a: ExactAmount, _ b: ExactAmount) -> Int {
        let (fa, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (fb, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        precondition(!o1 && !o2, "statutory factor overflow")
        let lhs = a.units.multipliedFullWidth(by: fa)
        let rhs = b.units.multipliedFullWidth(by: fb)
        if lhs.high != rhs.high { return lhs.high < rhs.high ? -1 : 1 }
        if lhs.low != rhs.low { return lhs.low < rhs.low ? -1 : 1 }
        return 0
    }

    static func max(_ a: ExactAmount, _ b: ExactAmount) -> ExactAmount { compare(a, b) >= 0 ? a : b }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int64(x)
    }
}
