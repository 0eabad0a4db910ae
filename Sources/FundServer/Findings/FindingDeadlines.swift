import FundModel
import FundStore
import Screening

/// The due dates of findings (issue 14 #7): the days of the configuration in force, and today in China.
///
/// A due date is the day first found plus the level's days, in calendar days; a finding whose verification is
/// still open (new, assigned, verifying) is overdue from the day after. A concluded one is never overdue.
struct FindingDeadlines {
    let dueDays: FindingDueDays
    let today: Day

    init(dueDays: FindingDueDays, today: Day) {
        self.dueDays = dueDays
        self.today = today
    }

    /// The configuration in force (the latest saved change, else the default) and the server's clock.
    init(environment: ServerEnvironment) throws {
        self.init(
            dueDays: try RulesConfiguration.inForce(in: environment.store).dueDays,
            today: Formatting.today(environment.now()))
    }

    static func isOpen(_ status: FindingStatus) -> Bool { [.new, .assigned, .verifying].contains(status) }

    func dueDate(firstSeen: Day, severity: Severity) -> Day {
        dueDays.dueDate(firstSeen: firstSeen, severity: severity)
    }

    func isOverdue(firstSeen: Day, severity: Severity, status: FindingStatus) -> Bool {
        Self.isOpen(status) && dueDays.isOverdue(firstSeen: firstSeen, severity: severity, today: today)
    }

    /// `剩 3 天`, `今日到期`, `逾期 2 天`, or `已办结` for a concluded verification.
    func note(firstSeen: Day, severity: Severity, status: FindingStatus) -> String {
        guard Self.isOpen(status) else { return "已办结" }
        let left = today.distance(to: dueDate(firstSeen: firstSeen, severity: severity))
        if left > 0 { return "剩 \(left) 天" }
        if left == 0 { return "今日到期" }
        return "逾期 \(-left) 天"
    }
}
