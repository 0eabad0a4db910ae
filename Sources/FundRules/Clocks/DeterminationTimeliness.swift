import FundModel

/// How one determination counts toward indicator I07 (认定按时办结率, rules.md §3): decided on time, decided
/// late, or still undecided past its deadline.
///
/// The one place where I07's counting is decided (issue 12: "I07 computed once"): the screening indicator
/// (Screening's `I07TimelyDetermination`, per city and month) and the determination register's own on-time rate
/// (Casework's `DeterminationRegister.onTimeRates`, on the casework pages and `fundguard case rates`) both
/// classify each file here, so that they cannot drift apart.
///
/// The deadline is `limitDays` after acceptance (60 by 条例 20; a city may configure I07's `days`), plus the days
/// the clock stood suspended (认定办法 21), its last day moved to the next working day of the region
/// (民法典 203, rev. 2). An undecided file counts against the rate once its deadline has passed, unless its clock
/// stands suspended on the as-of day: otherwise an office could keep its rate by not deciding.
public enum DeterminationTimeliness: Sendable, Hashable {
    /// Decided on or before the deadline; counted in the month of the decision.
    case onTime(decided: Day)
    /// Decided after the deadline; counted in the month of the decision.
    case late(decided: Day)
    /// Undecided on the as-of day although the deadline has passed; counted in the month of the deadline.
    case overduePending(due: Day)
    /// Not accepted yet, or undecided and not yet due (or suspended now): not counted.
    case notCounted

    /// Classifies `row` (the file as it stood on `asOf`, see `DeterminationFile.timing(asOf:)`).
    public init(
        _ row: DeterminationTimingRow, limitDays: Int = DeterminationClock.decisionDays, asOf: Day,
        calendar: WorkingCalendar = .national
    ) {
        guard let accepted = row.acceptedDate else {
            self = .notCounted
            return
        }
        let due = calendar.deadline(
            lastDay: accepted.adding(days: limitDays + max(0, row.suspendedDays)), region: row.regionCode)
        if let decided = row.decidedDate {
            self = decided <= due ? .onTime(decided: decided) : .late(decided: decided)
        } else if !row.suspendedNow && due < asOf {
            self = .overduePending(due: due)
        } else {
            self = .notCounted
        }
    }

    /// The day the file is counted on (the decision, or the deadline it missed); `nil` when not counted.
    public var countedOn: Day? {
        switch self {
        case .onTime(let day), .late(let day), .overduePending(let day): day
        case .notCounted: nil
        }
    }

    /// Whether it counts toward the numerator of the rate.
    public var isOnTime: Bool {
        if case .onTime = self { return true }
        return false
    }
}
