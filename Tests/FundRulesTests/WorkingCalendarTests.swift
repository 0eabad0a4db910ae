import FundModel
import Testing

@testable import FundRules

@Suite("Working calendar (工作日历): 民法典 203, rules.md §5 \"Deadlines\" (rev. 2)")
struct WorkingCalendarTests {
    func d(_ iso: String) -> Day { Fixture.day(iso) }
    let national = WorkingCalendar.national

    @Test("ISO weekdays from the ordinal (1970-01-01 was a Thursday)")
    func weekdays() {
        #expect(d("1970-01-01").weekday == 4)
        #expect(d("1969-12-28").weekday == 7)  // before the epoch: negative ordinals
        #expect(d("2024-01-31").weekday == 3)
        #expect(d("2024-10-12").weekday == 6)
        #expect(d("2024-10-13").isWeekend && !d("2024-10-14").isWeekend)
    }

    @Test("An unlisted day: Monday to Friday work, weekends off")
    func unlisted() {
        let empty = WorkingCalendar()
        #expect(empty.isEmpty)
        #expect(empty.isWorkingDay(d("2024-10-01")))  // no holidays without a listing
        #expect(!empty.isWorkingDay(d("2024-10-12")))
        #expect(empty.nextWorkingDay(onOrAfter: d("2024-10-12")) == d("2024-10-14"))
        #expect(empty.deadline(lastDay: d("2024-10-11")) == d("2024-10-11"))
    }

    @Test(
        "A 30-day deadline across National Day 2024 and Spring Festival 2024 (国办发明电〔2023〕7号)",
        arguments: [
            ("2024-09-01", "2024-10-08"),  // 1 October (holiday to 7 October) → Tuesday 8 October
            ("2024-09-12", "2024-10-12"),  // a make-up working Saturday stays
            ("2024-09-14", "2024-10-14"),  // Monday
            ("2024-09-15", "2024-10-15"),
            ("2024-09-13", "2024-10-14"),  // Sunday 13 October, an ordinary weekend → Monday
            ("2024-01-13", "2024-02-18"),  // 12 February, Spring Festival to the 17th → make-up Sunday 18 February
            ("2024-01-05", "2024-02-04"),  // make-up working Sunday 4 February stays
            ("2024-01-01", "2024-01-31"),  // Wednesday: R20's worked case
        ])
    func thirtyDays(start: String, due: String) {
        #expect(national.deadline(lastDay: d(start).adding(days: 30)) == d(due))
        #expect(DeterminationClock.employerApplicationDue(accident: d(start)) == d(due))
    }

    @Test("National Day 2025 (国办发明电〔2024〕12号) and Spring Festival 2026, 9 days off")
    func otherYears() {
        #expect(national.nextWorkingDay(onOrAfter: d("2025-10-01")) == d("2025-10-09"))
        #expect(national.isWorkingDay(d("2025-10-11")))  // Saturday, make-up
        #expect(national.nextWorkingDay(onOrAfter: d("2026-02-15")) == d("2026-02-24"))
        #expect(national.isWorkingDay(d("2026-02-14")) && national.isWorkingDay(d("2026-02-28")))
        // 元旦 2023 began on 31 December 2022 (国办发明电〔2022〕16号).
        #expect(national.nextWorkingDay(onOrAfter: d("2022-12-31")) == d("2023-01-03"))
        // 2020: the Spring Festival extended to 2 February (国办发明电〔2020〕1号): Saturday 1 February is off.
        #expect(!national.isWorkingDay(d("2020-02-01")))
        #expect(national.nextWorkingDay(onOrAfter: d("2020-01-24")) == d("2020-02-03"))
    }

    @Test("The clocks move every due day: decision, acceptance, delivery, assessment, 1 year")
    func clocks() {
        // Accepted 2024-08-02: the 60th day is 1 October → 8 October.
        #expect(DeterminationClock.decisionDue(accepted: d("2024-08-02")) == d("2024-10-08"))
        // The worker's year from 2023-10-01 ends on 2024-10-01 → 8 October.
        #expect(DeterminationClock.personalApplicationDue(accident: d("2023-10-01")) == d("2024-10-08"))
        #expect(DeterminationClock.acceptanceDue(applied: d("2024-01-27")) == d("2024-02-18"))
        #expect(DeterminationClock.deliveryDue(decided: d("2024-12-12")) == d("2025-01-02"))
        #expect(AssessmentClock.secondAssessmentDue(received: d("2024-12-20")) == d("2025-01-06"))
        #expect(AssessmentClock.conclusionDue(applied: d("2025-08-02")) == d("2025-10-09"))
        // The first day of a review is a waiting period, not a deadline: not moved.
        #expect(AssessmentClock.earliestReview(concluded: d("2023-10-01")) == d("2024-10-01"))
    }

    @Test("Region rows apply city first, then province, then national")
    func regions() {
        let province = RegionCode("440000")!
        let city = RegionCode("440100")!
        let otherCity = RegionCode("440300")!
        let county = RegionCode("440106")!
        let calendar = national.adding([
            // The province gives 8 October 2024 off; the city works it after all.
            CalendarDay(date: d("2024-10-08"), kind: .holiday, regionCode: province),
            CalendarDay(date: d("2024-10-08"), kind: .workday, regionCode: city),
            // The city works the national holiday of 7 October.
            CalendarDay(date: d("2024-10-07"), kind: .workday, regionCode: city),
        ])
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: city) == d("2024-10-07"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: county) == d("2024-10-07"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: otherCity) == d("2024-10-09"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: province) == d("2024-10-09"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: RegionCode("450100")!) == d("2024-10-08"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01")) == d("2024-10-08"))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-01"), region: .national) == d("2024-10-08"))
        #expect(
            DeterminationClock.decisionDue(accepted: d("2024-08-02"), calendar: calendar, region: otherCity)
                == d("2024-10-09"))
    }

    @Test("A file's national row overrides the shipped day; a later row for the same day and region wins")
    func overrides() {
        let calendar = national.adding([
            CalendarDay(date: d("2024-10-12"), kind: .holiday),
            CalendarDay(date: d("2024-10-14"), kind: .holiday, regionCode: .national),
            CalendarDay(date: d("2024-10-15"), kind: .holiday),
            CalendarDay(date: d("2024-10-15"), kind: .workday),
        ])
        #expect(!calendar.isWorkingDay(d("2024-10-12")))
        #expect(calendar.nextWorkingDay(onOrAfter: d("2024-10-12")) == d("2024-10-15"))
        #expect(national.isWorkingDay(d("2024-10-12")))  // the shipped calendar is unchanged
    }

    @Test("A calendar with no working day for over a year gives the day itself")
    func runaway() {
        let start = d("2024-01-01")
        let calendar = WorkingCalendar((0..<400).map { CalendarDay(date: start.adding(days: $0), kind: .holiday) })
        #expect(calendar.nextWorkingDay(onOrAfter: start) == start)
    }

    @Test("The shipped notices: 2020–2026, make-up days on weekends only, no day both")
    func shipped() {
        #expect(NationalHolidays.years == 2020...2026)
        var seen: [Day: CalendarDayKind] = [:]
        for day in NationalHolidays.days {
            #expect(seen[day.date] == nil, "listed twice: \(day.date)")
            seen[day.date] = day.kind
            #expect(day.regionCode == nil)
            if day.kind == .workday { #expect(day.date.isWeekend, "a make-up working day on a weekday: \(day.date)") }
        }
        for notice in NationalHolidays.notices {
            #expect(!notice.source.isEmpty)
            // Each year's National Day and Spring Festival are there.
            #expect(seen[Day(year: notice.year, month: 10, day: 1)!] == .holiday)
        }
        // Days off a year: 11 statutory days until 2024, 13 from 2025, plus the weekends they take.
        let off2024 = NationalHolidays.days.filter { $0.date.year == 2024 && $0.kind == .holiday && !$0.date.isWeekend }
        #expect(off2024.count == 11 + 8)  // 8 make-up working days repaid
        let off2025 = NationalHolidays.days.filter { $0.date.year == 2025 && $0.kind == .holiday && !$0.date.isWeekend }
        #expect(off2025.count == 13 + 5)
    }
}
