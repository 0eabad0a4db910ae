import FundModel
import Testing

@testable import Screening

@Suite("verification.due_days in the rules configuration (issue 14 #7)")
struct DueDaysConfigurationTests {
    @Test("the default is red 15, orange 30, yellow 60, and survives a write and read back")
    func defaultsAndRoundTrip() throws {
        #expect(RulesConfiguration.default.dueDays == FindingDueDays(red: 15, orange: 30, yellow: 60))
        var configuration = try RulesConfiguration(yaml: "verification:\n  due_days:\n    orange: 20\n    yellow: 45\n")
        #expect(configuration.dueDays == FindingDueDays(red: 15, orange: 20, yellow: 45))
        let again = try RulesConfiguration(yaml: configuration.yaml())
        #expect(again == configuration)
        configuration.dueDays.red = 1
        #expect(try RulesConfiguration(complete: configuration.yaml()).dueDays.red == 1)
    }

    @Test("bad days are refused with their path: out of range, not a number, unknown level or key, out of order")
    func badValues() {
        let cases: [(String, String)] = [
            ("verification:\n  due_days:\n    red: 0\n", "verification.due_days.red"),
            ("verification:\n  due_days:\n    yellow: 367\n", "verification.due_days.yellow"),
            ("verification:\n  due_days:\n    red: 1.5\n", "verification.due_days.red"),
            ("verification:\n  due_days:\n    red: abc\n", "verification.due_days.red"),
            ("verification:\n  due_days:\n    purple: 3\n", "verification.due_days.purple"),
            ("verification:\n  deadline: 3\n", "verification.deadline"),
            ("verification: 3\n", "verification"),
            ("verification:\n  due_days: 3\n", "verification.due_days"),
            ("verification:\n  due_days:\n    red: 40\n", "verification.due_days.red"),
            ("verification:\n  due_days:\n    yellow: 20\n", "verification.due_days.orange"),
        ]
        for (yaml, path) in cases {
            let issues = RulesConfiguration.validate(yaml: yaml)
            #expect(issues.contains { $0.path == path }, "\(yaml) → \(issues)")
        }
        // Equal days for two levels are allowed (a level is never given longer than a less severe one).
        #expect(RulesConfiguration.validate(yaml: "verification:\n  due_days:\n    red: 30\n").isEmpty)
    }

    @Test("the complete default must name every level")
    func completeNeedsEveryLevel() {
        let text = DefaultRulesConfiguration.yaml.replacingOccurrences(of: "    yellow: 60\n", with: "")
        #expect(throws: ConfigurationError.self) { try RulesConfiguration(complete: text) }
    }
}
