/// A calendar day, kept as the number of days since 1970-01-01 (proleptic Gregorian).
///
/// The core never uses `Foundation.Date`: statutory clocks, birthdays and
/// service periods are whole days, and integer days compare and hash fast in
/// the screening snapshots. Conversion uses the civil-from-days algorithm of
/// Howard Hinnant, which is exact for every date in range.
public struct Day: Sendable, Hashable, Comparable, Codable, Strideable {
    /// Days since 1970-01-01.
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// A day from its year, month (1–12) and day of month; `nil` if there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    public func distance(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// The day `n` days later (earlier for negative `n`).
    public func adding(days n: Int) -> Day { advanced(by: n) }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(ordinal)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var yearMonth: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month)! }

    /// The same day of the month `n` months later; a day past the end of the
    /// target month falls on that month's last day (2024-01-31 + 1 month = 2024-02-29).
    public func adding(months n: Int) -> Day {
        let c = components
        let index = c.year * 12 + (c.month - 1) + n
        let year = index / 12
        let month = index % 12 + 1
        let day = min(c.day, Day.daysInMonth(year: year, month: month))
        return Day(year: year, month: month, day: day)!
    }

    /// The same day `n` years later; 29 February becomes 28 February in a common year.
    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// The day a person born on `self` reaches `age` full years.
    ///
    /// For someone born on 29 February the birthday in a common year is taken as
    /// 1 March: on 28 February they have not yet completed the year. This is the
    /// reading of 周岁 (full years) used for the dependant age limits of
    /// 供养亲属范围规定 art. 3–4 (under 18, 55, 60).
    public func birthday(age: Int) -> Day {
        let c = components
        if c.month == 2, c.day == 29, !Day.isLeapYear(c.year + age) {
            return Day(year: c.year + age, month: 3, day: 1)!
        }
        return Day(year: c.year + age, month: c.month, day: c.day)!
    }

    /// Full years of age on `day` for a person born on `self`.
    public func age(on day: Day) -> Int {
        var age = day.year - year
        if day < birthday(age: age) { age -= 1 }
        return age
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = Day.digits(bytes, 0, 4), let m = Day.digits(bytes, 5, 2), let d = Day.digits(bytes, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}
