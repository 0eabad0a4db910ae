import FundModel
import Testing

@testable import FundRules

/// Indicator I07's counting of one determination, shared by the screening indicator and the register's own rate.
@Suite("Determination timeliness (I07 认定按时办结率)")
struct DeterminationTimelinessTests {
    func d(_ iso: String) -> Day { Fixture.day(iso) }
    let region = RegionCode("110100")!

    func row(
        accepted: String?, decided: String? = nil, suspendedDays: Int = 0, suspendedNow: Bool = false
    ) -> DeterminationTimingRow {
        DeterminationTimingRow(
            caseID: "C1", regionCode: region, acceptedDate: accepted.map(d), decidedDate: decided.map(d),
            suspendedDays: suspendedDays, suspendedNow: suspendedNow)
    }

    @Test("decided on the 60th day after acceptance is on time; the day after is late")
    func boundary() {
        // Accepted 1 September 2024: the 60th day is Thursday 31 October, a working day.
        let asOf = d("2024-12-31")
        #expect(
            DeterminationTimeliness(row(accepted: "2024-09-01", decided: "2024-10-31"), asOf: asOf)
                == .onTime(decided: d("2024-10-31")))
        #expect(
            DeterminationTimeliness(row(accepted: "2024-09-01", decided: "2024-11-01"), asOf: asOf)
                == .late(decided: d("2024-11-01")))
    }

    @Test("a last day in the National Day holiday moves to the next working day (民法典 203)")
    func holiday() {
        // Accepted 2 August 2024: the 60th day is 1 October, the holiday runs to 7 October.
        let asOf = d("2024-12-31")
        #expect(WorkingCalendar.national.deadline(lastDay: d("2024-10-01")) == d("2024-10-08"))
        #expect(DeterminationTimeliness(row(accepted: "2024-08-02", decided: "2024-10-08"), asOf: asOf).isOnTime)
        #expect(!DeterminationTimeliness(row(accepted: "2024-08-02", decided: "2024-10-09"), asOf: asOf).isOnTime)
    }

    @Test("the suspended days are added to the deadline")
    func suspension() {
        // 60 + 10 days after 1 September is Sunday 10 November: due Monday 11 November.
        let late = row(accepted: "2024-09-01", decided: "2024-11-11", suspendedDays: 10)
        #expect(DeterminationTimeliness(late, asOf: d("2024-12-31")) == .onTime(decided: d("2024-11-11")))
        let later = row(accepted: "2024-09-01", decided: "2024-11-12", suspendedDays: 10)
        #expect(DeterminationTimeliness(later, asOf: d("2024-12-31")) == .late(decided: d("2024-11-12")))
    }

    @Test("undecided: counted against the rate from the day after the deadline, never while suspended")
    func pending() {
        let open = row(accepted: "2024-09-01")
        #expect(DeterminationTimeliness(open, asOf: d("2024-10-31")) == .notCounted)
        #expect(DeterminationTimeliness(open, asOf: d("2024-11-01")) == .overduePending(due: d("2024-10-31")))
        #expect(DeterminationTimeliness(open, asOf: d("2024-11-01")).countedOn == d("2024-10-31"))
        let suspended = row(accepted: "2024-09-01", suspendedDays: 5, suspendedNow: true)
        #expect(DeterminationTimeliness(suspended, asOf: d("2025-03-01")) == .notCounted)
    }

    @Test("not accepted: not counted; a city's own limit replaces the statutory 60 days")
    func notAcceptedAndLimit() {
        #expect(DeterminationTimeliness(row(accepted: nil), asOf: d("2025-03-01")).countedOn == nil)
        // 30 days after 1 September is 1 October: moved to 8 October.
        let decided = row(accepted: "2024-09-01", decided: "2024-10-08")
        #expect(DeterminationTimeliness(decided, limitDays: 30, asOf: d("2024-12-31")).isOnTime)
        let later = row(accepted: "2024-09-01", decided: "2024-10-09")
        #expect(!DeterminationTimeliness(later, limitDays: 30, asOf: d("2024-12-31")).isOnTime)
    }
}
