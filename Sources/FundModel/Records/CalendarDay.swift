/// What a listed day of `calendar.csv` is (interchange.md, rev. 2).
public enum CalendarDayKind: String, CodedValue {
    /// A public holiday, or a day off of a holiday arrangement (法定节假日及调休放假).
    case holiday
    /// A weekend day that is a working day (调休上班).
    case workday

    public var chineseName: String {
        switch self {
        case .holiday: "放假"
        case .workday: "调休上班"
        }
    }
}

/// `calendar.csv` (rev. 2): a day that is not what its weekday says, nationally or in one region.
///
/// A day not listed is a working day from Monday to Friday. The platform ships the
/// national days of the years it knows (FundRules' `WorkingCalendar.national`); a
/// file's rows add to or override them.
public struct CalendarDay: Sendable, Hashable, Codable {
    public var date: Day
    public var kind: CalendarDayKind
    /// `nil` for the national calendar.
    public var regionCode: RegionCode?

    public init(date: Day, kind: CalendarDayKind, regionCode: RegionCode? = nil) {
        self.date = date
        self.kind = kind
        self.regionCode = regionCode
    }
}
