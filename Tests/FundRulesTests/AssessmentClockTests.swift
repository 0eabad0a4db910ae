import FundModel
import Testing

@testable import FundRules

@Suite("Assessment clock (劳动能力鉴定时限): 条例 25, 26, 28; 劳动能力鉴定管理办法 2025")
struct AssessmentClockTests {
    func d(_ iso: String) -> Day { Fixture.day(iso) }
    /// The counted last day, moved off a day off on the shipped calendar (民法典 203): the tests below count days.
    func moved(_ iso: String) -> Day { WorkingCalendar.national.deadline(lastDay: d(iso)) }

    @Test(
        "条例 25(2): the conclusion within 60 days of the application, 90 when extended",
        arguments: [
            ("2024-01-01", "2024-03-01", "2024-03-31"),  // leap: 31 + 29 = 60 → 1 March
            ("2023-01-01", "2023-03-02", "2023-04-01"),
            ("2024-11-15", "2025-01-14", "2025-02-13"),
        ])
    func conclusion(applied: String, due: String, extended: String) {
        #expect(AssessmentClock.conclusionDue(applied: d(applied)) == moved(due))
        #expect(AssessmentClock.conclusionDue(applied: d(applied), extended: true) == moved(extended))
    }

    @Test("条例 25(2) with 2014 办法 art. 11: a rescheduled on-site assessment postpones the deadline")
    func postponed() {
        #expect(AssessmentClock.conclusionDue(applied: d("2024-01-01"), postponedDays: 7) == moved("2024-03-08"))
    }

    @Test("劳动能力鉴定管理办法 (2025): the conclusion delivered within 15 days")
    func delivery() {
        #expect(AssessmentClock.deliveryDue(concluded: d("2024-02-14")) == moved("2024-02-29"))
        #expect(AssessmentClock.deliveryDue(concluded: d("2023-02-14")) == moved("2023-03-01"))
        #expect(AssessmentClock.deliveryDue(concluded: d("2024-12-31")) == moved("2025-01-15"))
    }

    @Test("条例 26: a second assessment applied for within 15 days of receiving the conclusion")
    func second() {
        #expect(AssessmentClock.secondAssessmentDue(received: d("2024-12-20")) == moved("2025-01-04"))
        #expect(AssessmentClock.secondAssessmentDue(received: d("2024-02-15")) == moved("2024-03-01"))
        #expect(AssessmentClock.secondAssessmentDue(received: d("2023-02-15")) == moved("2023-03-02"))
    }

    @Test(
        "条例 28: a review not earlier than 1 year after the conclusion",
        arguments: [
            ("2023-05-10", "2024-05-10"),
            ("2024-02-29", "2025-02-28"),
            ("2023-02-28", "2024-02-28"),
            ("2024-12-31", "2025-12-31"),
        ])
    func review(concluded: String, earliest: String) {
        #expect(AssessmentClock.earliestReview(concluded: d(concluded)) == d(earliest))
        #expect(AssessmentClock.mayApplyForReview(concluded: d(concluded), applied: d(earliest)))
        #expect(!AssessmentClock.mayApplyForReview(concluded: d(concluded), applied: d(earliest).adding(days: -1)))
    }
}
