/// How long a finding's verification may take, by its level (issue 14 #7: red 15 days, orange 30, yellow 60,
/// set in the rules configuration's `verification.due_days`).
///
/// Calendar days, counted from the day the finding was first found (the screening date of the run that first
/// raised it, a China day, as the findings list shows it and as I08 counts a finding's age): a red finding
/// first found on 1 March is due on 16 March and overdue from 17 March while its verification is open
/// (docs/decisions.md "Findings get due dates").
public struct FindingDueDays: Sendable, Hashable, Codable {
    public var red: Int
    public var orange: Int
    public var yellow: Int

    /// The platform's defaults: 15, 30 and 60 days.
    public static let standard = FindingDueDays(red: 15, orange: 30, yellow: 60)

    /// The bounds a configuration may set (a day at least, a year at most).
    public static let allowed = 1...366

    public init(red: Int, orange: Int, yellow: Int) {
        self.red = red
        self.orange = orange
        self.yellow = yellow
    }

    /// The days a finding of `severity` has.
    public func days(_ severity: Severity) -> Int {
        switch severity {
        case .red: red
        case .orange: orange
        case .yellow: yellow
        }
    }

    /// The last day to conclude the verification of a finding first found on `firstSeen`.
    public func dueDate(firstSeen: Day, severity: Severity) -> Day { firstSeen.adding(days: days(severity)) }

    /// Whether a finding whose verification is still open is overdue on `today` (the day after its due date on).
    public func isOverdue(firstSeen: Day, severity: Severity, today: Day) -> Bool {
        today > dueDate(firstSeen: firstSeen, severity: severity)
    }
}
