import Testing

@testable import FundModel

@Suite("Day: calendar days as integers")
struct DayTests {
    @Test("round-trips through YYYY-MM-DD across eras and leap days")
    func roundTrip() throws {
        for text in ["1970-01-01", "2000-02-29", "2024-02-29", "1900-03-01", "2100-12-31", "0001-01-01", "1969-12-31"] {
            let day = try #require(Day(iso: text))
            #expect(day.iso == text)
        }
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "1969-12-31")?.ordinal == -1)
    }

    @Test("rejects impossible and malformed dates")
    func rejects() {
        for text in ["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "2024/01/01", "24-01-01", ""]
        {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test("month arithmetic clamps to the month's end")
    func months() {
        #expect(Day(iso: "2024-01-31")!.adding(months: 1).iso == "2024-02-29")
        #expect(Day(iso: "2023-01-31")!.adding(months: 1).iso == "2023-02-28")
        #expect(Day(iso: "2024-03-31")!.adding(months: -1).iso == "2024-02-29")
        #expect(Day(iso: "2024-12-15")!.adding(months: 1).iso == "2025-01-15")
        #expect(Day(iso: "2024-02-29")!.adding(years: 1).iso == "2025-02-28")
    }

    @Test("the 18th birthday of someone born on 29 February falls on 1 March in a common year")
    func leapBirthday() {
        let born = Day(iso: "2008-02-29")!
        #expect(born.birthday(age: 18).iso == "2026-03-01")
        #expect(born.age(on: Day(iso: "2026-02-28")!) == 17)
        #expect(born.age(on: Day(iso: "2026-03-01")!) == 18)
        #expect(born.birthday(age: 16).iso == "2024-02-29")
        let other = Day(iso: "2000-06-15")!
        #expect(other.age(on: Day(iso: "2018-06-14")!) == 17)
        #expect(other.age(on: Day(iso: "2018-06-15")!) == 18)
    }

    @Test("months in a period count both ends (rules.md §5)")
    func monthsInclusive() {
        let a = YearMonth(iso: "2024-11")!
        #expect(a.monthsInclusive(to: YearMonth(iso: "2025-02")!) == 4)
        #expect(a.monthsInclusive(to: a) == 1)
        #expect(YearMonth(iso: "2024-13") == nil)
        #expect(a.lastDay.iso == "2024-11-30")
        #expect(Day(iso: "2024-02-10")!.yearMonth.iso == "2024-02")
    }
}
