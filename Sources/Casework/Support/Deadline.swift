import FundModel

/// The next statutory deadline of an open casework file: which step is due, and by when.
public struct Deadline: Sendable, Hashable {
    public var subject: CaseworkSubject
    public var id: String
    public var regionCode: RegionCode
    /// The step due (`受理`, `作出认定决定`, `送达`, `作出鉴定结论`).
    public var step: String
    public var due: Day
    /// The article that sets it.
    public var basis: String

    public init(subject: CaseworkSubject, id: String, regionCode: RegionCode, step: String, due: Day, basis: String) {
        self.subject = subject
        self.id = id
        self.regionCode = regionCode
        self.step = step
        self.due = due
        self.basis = basis
    }

    /// Days left until the due day (0 on the day, negative when overdue).
    public func daysLeft(asOf: Day) -> Int { asOf.distance(to: due) }
    public func isOverdue(asOf: Day) -> Bool { due < asOf }
}

/// The deadlines of one city: overdue, and due within the window.
public struct DeadlineList: Sendable, Hashable {
    /// The pooling region (city) the files belong to.
    public var regionCode: RegionCode
    /// Past due, the most overdue first.
    public var overdue: [Deadline]
    /// Due from today to today + window, the soonest first.
    public var dueSoon: [Deadline]

    public init(regionCode: RegionCode, overdue: [Deadline], dueSoon: [Deadline]) {
        self.regionCode = regionCode
        self.overdue = overdue
        self.dueSoon = dueSoon
    }

    /// Groups deadlines by city (a province's own files stand under the province code): overdue and due within
    /// `days` of `asOf`; cities with neither are left out.
    public static func byCity(_ deadlines: [Deadline], asOf: Day, withinDays days: Int) -> [DeadlineList] {
        let horizon = asOf.adding(days: days)
        var lists: [RegionCode: DeadlineList] = [:]
        for deadline in deadlines {
            let city = deadline.regionCode.city
            if deadline.isOverdue(asOf: asOf) {
                lists[city, default: DeadlineList(regionCode: city, overdue: [], dueSoon: [])].overdue.append(deadline)
            } else if deadline.due <= horizon {
                lists[city, default: DeadlineList(regionCode: city, overdue: [], dueSoon: [])].dueSoon.append(deadline)
            }
        }
        let order: (Deadline, Deadline) -> Bool = { ($0.due, $0.id) < ($1.due, $1.id) }
        return lists.values.map { list in
            DeadlineList(
                regionCode: list.regionCode, overdue: list.overdue.sorted(by: order),
                dueSoon: list.dueSoon.sorted(by: order))
        }.sorted { $0.regionCode < $1.regionCode }
    }
}

/// The share of files handled within their deadline, e.g. indicator I07 (determinations decided within 60 days of
/// acceptance, rules.md §3).
public struct OnTimeRate: Sendable, Hashable {
    public var regionCode: RegionCode
    /// Handled within the deadline.
    public var onTime: Int
    /// Handled after the deadline.
    public var late: Int
    /// Not yet handled although the deadline has passed: they count against the rate, or an office could keep
    /// its rate by not deciding.
    public var overduePending: Int

    public init(regionCode: RegionCode, onTime: Int, late: Int, overduePending: Int) {
        self.regionCode = regionCode
        self.onTime = onTime
        self.late = late
        self.overduePending = overduePending
    }

    public var total: Int { onTime + late + overduePending }

    /// The rate in ten-thousandths (9 000 = 90 %), rounded half up; `nil` when there is nothing to count.
    public var rate: Decimal4? {
        guard total > 0 else { return nil }
        return Decimal4(tenThousandths: Int64((onTime * 20_000 + total) / (2 * total)))
    }

    /// `92.31%`, or `—` when there is nothing to count.
    public var percentText: String {
        guard let rate else { return "—" }
        let v = rate.tenThousandths
        let fraction = v % 100
        return "\(v / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
