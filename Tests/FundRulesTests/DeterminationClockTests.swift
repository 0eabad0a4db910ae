import FundModel
import Testing

@testable import FundRules

@Suite("Determination clock (工伤认定时限): 条例 17, 20; 工伤认定办法 8, 22")
struct DeterminationClockTests {
    func d(_ iso: String) -> Day { Fixture.day(iso) }
    /// The counted last day, moved off a day off on the shipped calendar (民法典 203): the tests below count days.
    func moved(_ iso: String) -> Day { WorkingCalendar.national.deadline(lastDay: d(iso)) }

    @Test(
        "条例 17(1): the employer applies within 30 days of the accident (month ends, leap years)",
        arguments: [
            ("2024-03-01", "2024-03-31"),
            ("2024-01-31", "2024-03-01"),  // 2024 is a leap year: Feb has 29 days
            ("2023-01-31", "2023-03-02"),
            ("2024-12-15", "2025-01-14"),
            ("2100-02-01", "2100-03-03"),  // 2100 is not a leap year
        ])
    func employer(accident: String, due: String) {
        #expect(DeterminationClock.employerApplicationDue(accident: d(accident)) == moved(due))
        #expect(DeterminationClock.applicationDue(accident: d(accident), applicant: .employer) == moved(due))
    }

    @Test(
        "条例 17(2): the worker, relatives or union apply within 1 year of the accident",
        arguments: [
            ("2023-03-01", "2024-03-01"),
            ("2024-02-29", "2025-02-28"),  // no 29 February in 2025: the month's last day
            ("2023-02-28", "2024-02-28"),
            ("2024-12-31", "2025-12-31"),
        ])
    func personal(accident: String, due: String) {
        #expect(DeterminationClock.personalApplicationDue(accident: d(accident)) == moved(due))
        for applicant in [Applicant.worker, .relative, .union] {
            #expect(DeterminationClock.applicationDue(accident: d(accident), applicant: applicant) == moved(due))
        }
    }

    @Test("条例 17(2) with 最高法 规定 art. 7: tolled days are added to the worker's year")
    func tolled() {
        #expect(
            DeterminationClock.personalApplicationDue(accident: d("2024-01-10"), tolledDays: 21) == moved("2025-01-31"))
        #expect(
            DeterminationClock.personalApplicationDue(accident: d("2024-01-10"), tolledDays: -5) == moved("2025-01-10"))
    }

    @Test(
        "工伤认定办法 8: acceptance decided within 15 days of the application, and of the supplements",
        arguments: [
            ("2024-02-20", "2024-03-06"),  // leap February
            ("2023-02-20", "2023-03-07"),
            ("2024-12-20", "2025-01-04"),
        ])
    func acceptance(applied: String, due: String) {
        #expect(DeterminationClock.acceptanceDue(applied: d(applied)) == moved(due))
        #expect(DeterminationClock.acceptanceDue(supplementsCompleted: d(applied)) == moved(due))
    }

    @Test("条例 20(1): the decision within 60 days of acceptance")
    func decision() {
        #expect(DeterminationClock.decisionDue(accepted: d("2024-11-01")) == moved("2024-12-31"))
        #expect(DeterminationClock.decisionDue(accepted: d("2024-01-01")) == moved("2024-03-01"))  // 30 + 29 + 1
        #expect(DeterminationClock.decisionDue(accepted: d("2023-01-01")) == moved("2023-03-02"))  // 30 + 28 + 2
    }

    @Test("条例 20(2): 15 days for a case with clear facts")
    func clearCase() {
        #expect(DeterminationClock.decisionDue(accepted: d("2024-02-14"), clearCase: true) == moved("2024-02-29"))
        #expect(DeterminationClock.decisionDue(accepted: d("2023-02-14"), clearCase: true) == moved("2023-03-01"))
    }

    @Test("条例 20(3); 工伤认定办法 20: suspended days are not counted")
    func suspended() {
        #expect(DeterminationClock.decisionDue(accepted: d("2024-11-01"), suspendedDays: 10) == moved("2025-01-10"))
        #expect(
            DeterminationClock.decisionDue(accepted: d("2024-11-01"), clearCase: true, suspendedDays: 45)
                == moved("2024-12-31"))  // 15 + 45 = 60
    }

    @Test("工伤认定办法 22: the decision delivered within 20 days")
    func delivery() {
        #expect(DeterminationClock.deliveryDue(decided: d("2024-12-12")) == moved("2025-01-01"))
        #expect(DeterminationClock.deliveryDue(decided: d("2024-02-09")) == moved("2024-02-29"))
        #expect(DeterminationClock.deliveryDue(decided: d("2023-02-09")) == moved("2023-03-01"))
    }
}
