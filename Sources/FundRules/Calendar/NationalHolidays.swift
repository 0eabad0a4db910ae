import FundModel

/// The shipped national calendar: the holidays and make-up working days of each year's notice of the State Council
/// General Office (国务院办公厅关于XXXX年部分节假日安排的通知), 2020 to 2026.
///
/// One source of truth: `WorkingCalendar.national` is built from these notices only. The sources (number and date
/// of each notice) are listed in docs/decisions.md "Calendar". A year not here has no listed day: its weekends are
/// its only days off until a `calendar.csv` adds them.
public enum NationalHolidays {
    /// One year's arrangement.
    public struct Notice: Sendable {
        public let year: Int
        /// The notice (number and date of issue).
        public let source: String
        /// The days off (放假调休), each range inclusive; weekend days inside a range are listed too.
        public let holidays: [ClosedRange<Day>]
        /// The weekend days that are working days (调休上班).
        public let workdays: [Day]
    }

    /// The years shipped.
    public static var years: ClosedRange<Int> { notices.first!.year...notices.last!.year }

    /// Every listed day of every notice, as national `calendar.csv` rows.
    public static var days: [CalendarDay] {
        notices.flatMap { notice in
            notice.holidays.flatMap { range in
                (range.lowerBound...range.upperBound).map { CalendarDay(date: $0, kind: .holiday) }
            } + notice.workdays.map { CalendarDay(date: $0, kind: .workday) }
        }
    }

    public static let notices: [Notice] = [
        Notice(
            year: 2020,
            source: "国办发明电〔2019〕16号（2019-11-21）；春节延长至 2 月 2 日：国办发明电〔2020〕1号（2020-01-26）",
            holidays: [
                r("2020-01-01", "2020-01-01"),
                // 1 月 24–30 日, extended to 2 February: the make-up working Saturday 1 February fell with it.
                r("2020-01-24", "2020-02-02"),
                r("2020-04-04", "2020-04-06"), r("2020-05-01", "2020-05-05"), r("2020-06-25", "2020-06-27"),
                r("2020-10-01", "2020-10-08"),
            ],
            workdays: d(["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"])),
        Notice(
            year: 2021, source: "国办发明电〔2020〕27号（2020-11-25）",
            holidays: [
                r("2021-01-01", "2021-01-03"), r("2021-02-11", "2021-02-17"), r("2021-04-03", "2021-04-05"),
                r("2021-05-01", "2021-05-05"), r("2021-06-12", "2021-06-14"), r("2021-09-19", "2021-09-21"),
                r("2021-10-01", "2021-10-07"),
            ],
            workdays: d([
                "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09",
            ])),
        Notice(
            year: 2022, source: "国办发明电〔2021〕11号（2021-10-25）",
            holidays: [
                r("2022-01-01", "2022-01-03"), r("2022-01-31", "2022-02-06"), r("2022-04-03", "2022-04-05"),
                r("2022-04-30", "2022-05-04"), r("2022-06-03", "2022-06-05"), r("2022-09-10", "2022-09-12"),
                r("2022-10-01", "2022-10-07"),
            ],
            workdays: d([
                "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09",
            ])),
        Notice(
            year: 2023, source: "国办发明电〔2022〕16号（2022-12-08）",
            holidays: [
                // 元旦 2023: 31 December 2022 to 2 January 2023.
                r("2022-12-31", "2023-01-02"), r("2023-01-21", "2023-01-27"), r("2023-04-05", "2023-04-05"),
                r("2023-04-29", "2023-05-03"), r("2023-06-22", "2023-06-24"), r("2023-09-29", "2023-10-06"),
            ],
            workdays: d([
                "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
            ])),
        Notice(
            year: 2024, source: "国办发明电〔2023〕7号（2023-10-25）",
            holidays: [
                r("2024-01-01", "2024-01-01"), r("2024-02-10", "2024-02-17"), r("2024-04-04", "2024-04-06"),
                r("2024-05-01", "2024-05-05"), r("2024-06-10", "2024-06-10"), r("2024-09-15", "2024-09-17"),
                r("2024-10-01", "2024-10-07"),
            ],
            workdays: d([
                "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
                "2024-10-12",
            ])),
        Notice(
            year: 2025, source: "国办发明电〔2024〕12号（2024-11-12）",
            holidays: [
                r("2025-01-01", "2025-01-01"), r("2025-01-28", "2025-02-04"), r("2025-04-04", "2025-04-06"),
                r("2025-05-01", "2025-05-05"), r("2025-05-31", "2025-06-02"), r("2025-10-01", "2025-10-08"),
            ],
            workdays: d(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])),
        Notice(
            year: 2026, source: "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）",
            holidays: [
                r("2026-01-01", "2026-01-03"), r("2026-02-15", "2026-02-23"), r("2026-04-04", "2026-04-06"),
                r("2026-05-01", "2026-05-05"), r("2026-06-19", "2026-06-21"), r("2026-09-25", "2026-09-27"),
                r("2026-10-01", "2026-10-07"),
            ],
            workdays: d(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])),
    ]

    private static func r(_ from: String, _ to: String) -> ClosedRange<Day> { Day(iso: from)!...Day(iso: to)! }
    private static func d(_ days: [String]) -> [Day] { days.map { Day(iso: $0)! } }
}
