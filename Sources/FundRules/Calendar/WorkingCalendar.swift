import FundModel

/// Working days and days off (rules.md §5 "Deadlines", rev. 2): which days a statutory deadline may end on.
///
/// A day is a working day from Monday to Friday unless listed as a `holiday`
/// (法定节假日及调休放假), and a Saturday or Sunday is a day off unless listed as a
/// `workday` (调休上班). Days are listed nationally and per region; a region's
/// listing is looked up region first, then its city (`XXXX00`), then its province
/// (`XX0000`), then the national listing (rules.md §5 "Which deadlines move").
///
/// `national` is the shipped calendar: the State Council General Office's notices of
/// the years it knows (`NationalHolidays`). `adding(_:)` lays the rows of a
/// `calendar.csv` over it: a row for the same day and region replaces the shipped one.
public struct WorkingCalendar: Sendable, Hashable {
    /// Region code (`""` for national) → day ordinal → its kind.
    private var listed: [String: [Int32: CalendarDayKind]]
    /// Whether any row is regional: without one, a lookup goes straight to the national rows.
    private var hasRegionalRows = false

    /// A calendar with no listed day: weekends are the only days off.
    public init() { listed = [:] }

    /// A calendar of the given rows only.
    public init(_ days: some Sequence<CalendarDay>) {
        listed = [:]
        add(days)
    }

    /// The shipped national calendar (`NationalHolidays.notices`), 2020 to 2026.
    public static let national = WorkingCalendar(NationalHolidays.days)

    /// This calendar with `days` added; a day listed again for the same region takes the new kind.
    public func adding(_ days: some Sequence<CalendarDay>) -> WorkingCalendar {
        var calendar = self
        calendar.add(days)
        return calendar
    }

    private mutating func add(_ days: some Sequence<CalendarDay>) {
        for day in days {
            let key = day.regionCode.map { $0.isNational ? "" : $0.raw } ?? ""
            listed[key, default: [:]][day.date.ordinal] = day.kind
            if !key.isEmpty { hasRegionalRows = true }
        }
    }

    /// Whether any day is listed (for the region or nationally).
    public var isEmpty: Bool { listed.values.allSatisfy(\.isEmpty) }

    /// The listing that applies to `day` in `region`: the region's own, its city's, its province's, else the
    /// national one; `nil` when the day is listed nowhere (its weekday decides).
    public func listedKind(of day: Day, region: RegionCode? = nil) -> CalendarDayKind? {
        if hasRegionalRows, let region, !region.isNational {
            if let kind = listed[region.raw]?[day.ordinal] { return kind }
            let city = region.city
            if city != region, let kind = listed[city.raw]?[day.ordinal] { return kind }
            let province = region.province
            if province != city, province != region, let kind = listed[province.raw]?[day.ordinal] { return kind }
        }
        return listed[""]?[day.ordinal]
    }

    /// Whether `day` is a working day in `region` (national when `nil`).
    public func isWorkingDay(_ day: Day, region: RegionCode? = nil) -> Bool {
        switch listedKind(of: day, region: region) {
        case .holiday: false
        case .workday: true
        case nil: !day.isWeekend
        }
    }

    /// The first working day on or after `day`.
    ///
    /// Days off never run for long (nine days at most in the notices); a calendar that listed more than a
    /// year of days off in a row is taken as wrong and `day` itself is returned.
    public func nextWorkingDay(onOrAfter day: Day, region: RegionCode? = nil) -> Day {
        var candidate = day
        for _ in 0...Self.longestRunOff {
            if isWorkingDay(candidate, region: region) { return candidate }
            candidate = candidate.adding(days: 1)
        }
        return day
    }

    /// 民法典 203: a statutory deadline whose last day is a day off ends on the next working day instead.
    ///
    /// `lastDay` is the period's last day counted in calendar days (民法典 201–202); the result is that day
    /// when it is a working day in `region`, else the first working day after it.
    public func deadline(lastDay: Day, region: RegionCode? = nil) -> Day {
        nextWorkingDay(onOrAfter: lastDay, region: region)
    }

    static let longestRunOff = 366
}

extension Day {
    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01, ordinal 0, was a Thursday).
    public var weekday: Int {
        let r = (Int(ordinal) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }
}
