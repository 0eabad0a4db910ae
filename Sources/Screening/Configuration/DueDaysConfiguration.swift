import FundModel

extension FindingDueDays {
    /// Sets the levels a configuration file names, keeping the others.
    mutating func apply(_ days: [Severity: Int]) {
        if let n = days[.red] { red = n }
        if let n = days[.orange] { orange = n }
        if let n = days[.yellow] { yellow = n }
    }
}

extension RulesConfiguration {
    /// A more severe finding never gets longer than a less severe one: red ≤ orange ≤ yellow.
    func dueDayOrderIssues() -> [ConfigurationIssue] {
        var issues: [ConfigurationIssue] = []
        if dueDays.red > dueDays.orange {
            issues.append(
                ConfigurationIssue(
                    path: "verification.due_days.red",
                    message: "must be at most orange (\(dueDays.orange)), found \(dueDays.red)"))
        }
        if dueDays.orange > dueDays.yellow {
            issues.append(
                ConfigurationIssue(
                    path: "verification.due_days.orange",
                    message: "must be at most yellow (\(dueDays.yellow)), found \(dueDays.orange)"))
        }
        return issues
    }
}
