/// A calendar month (`YYYY-MM`), for wages and the fund ledger.
public struct YearMonth: Sendable, Hashable, Comparable, Codable {
    /// `year × 12 + (month − 1)`: consecutive months are consecutive integers.
    public var index: Int32

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        index = Int32(year * 12 + month - 1)
    }

    public init(index: Int32) { self.index = index }

    public var year: Int { Int(index) / 12 }
    public var month: Int { Int(index) % 12 + 1 }
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysInMonth(year: year, month: month))! }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.index < rhs.index }

    public func adding(months n: Int) -> YearMonth { YearMonth(index: index + Int32(n)) }

    /// The number of calendar months from `self` to `other`, both included
    /// (rules.md §5: months = (y2·12 + m2) − (y1·12 + m1) + 1).
    public func monthsInclusive(to other: YearMonth) -> Int { Int(other.index - index) + 1 }

    /// Parses `YYYY-MM` exactly.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let y = Day.digits(bytes, 0, 4),
            let m = Day.digits(bytes, 5, 2)
        else { return nil }
        self.init(year: y, month: m)
    }

    public var iso: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }
}

extension YearMonth: CustomStringConvertible {
    public var description: String { iso }
}
