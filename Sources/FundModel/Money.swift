/// An amount of money in whole fen (分), the smallest unit of the renminbi.
///
/// Money is never a floating-point number in FundGuard: every statutory
/// amount is computed in integer fen and rounded once, half up, at the end
/// (rules.md §5 "Rounding"). The interchange files write yuan with at most two
/// decimals; `init(yuan:)` parses that exactly and `description` writes it back.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in fen. Negative for a reversal.
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Whole yuan, for tests and tables of statutory figures.
    public init(yuan: Int64) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.fen -= rhs.fen }
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(fen: lhs.fen * rhs) }

    /// `self × numerator / denominator`, rounded half up (half away from zero) to the fen.
    ///
    /// This is the one place where FundGuard rounds: percentages are written as
    /// `scaled(by: 90, over: 100)`, months as `scaled(by: 27, over: 1)`.
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        precondition(denominator > 0, "denominator must be positive")
        let product = fen.multipliedFullWidth(by: numerator)
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        // Half up on the magnitude: |remainder| * 2 >= denominator rounds away from zero.
        if remainder.magnitude * 2 >= denominator.magnitude {
            return Money(fen: quotient + (remainder < 0 ? -1 : 1))
        }
        return Money(fen: quotient)
    }

    /// Parses yuan with at most two decimals: `1234`, `1234.5`, `1234.50`, `-20.00`, `+3`.
    ///
    /// Rejects exponents, thousands separators, more than two decimals and
    /// anything that would overflow, and says why in `MoneyParseError`.
    public init(yuan text: some StringProtocol) throws(MoneyParseError) {
        var utf8 = Array(text.utf8)[...]
        guard !utf8.isEmpty else { throw .empty }
        var negative = false
        if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") {
            negative = utf8.first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var whole: Int64 = 0
        var sawDigit = false
        var fraction: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if inFraction { throw .malformed }
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .malformed }
            let digit = Int64(byte - UInt8(ascii: "0"))
            sawDigit = true
            if inFraction {
                fractionDigits += 1
                if fractionDigits > 2 { throw .tooManyDecimals }
                fraction = fraction * 10 + digit
            } else {
                let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 || next > Money.maximumYuan { throw .outOfRange }
                whole = next
            }
        }
        guard sawDigit else { throw .malformed }
        if fractionDigits == 1 { fraction *= 10 }
        let fen = whole * 100 + fraction
        self.fen = negative ? -fen : fen
    }

    /// The largest whole-yuan amount accepted from a file (10^13 yuan): far above any
    /// fund's figures, far below Int64 overflow when amounts are summed.
    public static let maximumYuan: Int64 = 10_000_000_000_000

    /// Yuan with exactly two decimals, e.g. `1234.50`, `-20.00`.
    public var yuanString: String {
        let magnitude = fen.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        let sign = fen < 0 ? "-" : ""
        return "\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Yuan thousands-separated with two decimals, e.g. `1,234,567.89`: what a fund report prints.
    public var groupedYuanString: String {
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + whole + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}

extension Money: CustomStringConvertible {
    public var description: String { yuanString }
}

/// Why a money cell could not be read.
public enum MoneyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case malformed
    case tooManyDecimals
    case outOfRange

    public var description: String {
        switch self {
        case .empty: "empty amount"
        case .malformed: "not an amount in yuan (expected digits with at most two decimals, e.g. 1234.50)"
        case .tooManyDecimals: "more than two decimals (money is kept to the fen)"
        case .outOfRange: "amount out of range"
        }
    }
}
