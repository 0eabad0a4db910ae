import FundModel

/// Reads typed values straight from a cell's bytes.
///
/// These are the byte-level twins of FundModel's `Day(iso:)`,
/// `YearMonth(iso:)`, `Money(yuan:)` and `PersonID(_:)`, with exactly the same
/// rules (the tests check each pair against the other): the FundModel
/// initialisers take a String and copy its UTF-8 into an array, which is one
/// allocation per cell too many for ten million payments.
enum CellParser {
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")
    private static let dash = UInt8(ascii: "-")

    @inline(__always)
    private static func digits(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let d = b[i] &- zero
            guard d <= 9 else { return nil }
            value = value &* 10 &+ Int(d)
        }
        return value
    }

    /// `YYYY-MM-DD`, exactly as `Day(iso:)`.
    static func day(_ b: UnsafeRawBufferPointer) -> Day? {
        guard b.count == 10, b[4] == dash, b[7] == dash, let y = digits(b, 0, 4), let m = digits(b, 5, 2),
            let d = digits(b, 8, 2)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `YYYY-MM`, exactly as `YearMonth(iso:)`.
    static func month(_ b: UnsafeRawBufferPointer) -> YearMonth? {
        guard b.count == 7, b[4] == dash, let y = digits(b, 0, 4), let m = digits(b, 5, 2) else { return nil }
        return YearMonth(year: y, month: m)
    }

    /// Yuan with at most two decimals, exactly as `Money(yuan:)`.
    static func money(_ b: UnsafeRawBufferPointer) throws(MoneyParseError) -> Money {
        var i = 0
        let n = b.count
        guard n > 0 else { throw .empty }
        var negative = false
        if b[0] == dash || b[0] == UInt8(ascii: "+") {
            negative = b[0] == dash
            i = 1
        }
        var whole: Int64 = 0
        var sawDigit = false
        var fraction: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        while i < n {
            let byte = b[i]
            i += 1
            if byte == UInt8(ascii: ".") {
                if inFraction { throw .malformed }
                inFraction = true
                continue
            }
            let d = byte &- zero
            guard d <= 9 else { throw .malformed }
            let digit = Int64(d)
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
        return Money(fen: negative ? -fen : fen)
    }

    /// Whether the cell has the shape of a citizen id (17 digits, then a digit, `X` or `x`), as `PersonID(_:)`.
    ///
    /// The check character itself is not verified: a wrong one is finding DQ01, not an import error.
    static func isPersonID(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count == 18 else { return false }
        for i in 0..<17 where b[i] &- zero > 9 { return false }
        let last = b[17]
        return last &- zero <= 9 || last == UInt8(ascii: "X") || last == UInt8(ascii: "x")
    }

    /// Six digits, as `RegionCode(_:)`.
    static func isRegionCode(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count == 6 else { return false }
        for i in 0..<6 where b[i] &- zero > 9 { return false }
        return true
    }

    /// `true`/`false` in any letter case, or `1`/`0`.
    static func bool(_ b: UnsafeRawBufferPointer) -> Bool? {
        switch b.count {
        case 1:
            if b[0] == UInt8(ascii: "1") { return true }
            if b[0] == zero { return false }
            return nil
        case 4:
            return matchesLowercased(b, "true") ? true : nil
        case 5:
            return matchesLowercased(b, "false") ? false : nil
        default:
            return nil
        }
    }

    private static func matchesLowercased(_ b: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        let w = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard w.count == b.count else { return false }
        for i in 0..<b.count {
            var c = b[i]
            if c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") { c += 32 }
            if c != w[i] { return false }
        }
        return true
    }

    /// A whole number with an optional sign, at most 9 digits.
    static func integer(_ b: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        var negative = false
        if b.count > 0, b[0] == dash || b[0] == UInt8(ascii: "+") {
            negative = b[0] == dash
            i = 1
        }
        let count = b.count - i
        guard count > 0, count <= 9, let value = digits(b, i, count) else { return nil }
        return negative ? -value : value
    }

    /// Whether every byte is ASCII (then the cell is valid UTF-8 without further checks).
    @inline(__always)
    static func isASCII(_ b: UnsafeRawBufferPointer) -> Bool {
        var bits: UInt8 = 0
        for byte in b { bits |= byte }
        return bits < 0x80
    }

    /// Whether the cell is valid UTF-8 (a GBK-encoded export is the usual culprit when not).
    static func isValidUTF8(_ b: UnsafeRawBufferPointer) -> Bool {
        if isASCII(b) { return true }
        return String(validating: b, as: UTF8.self) != nil
    }
}
