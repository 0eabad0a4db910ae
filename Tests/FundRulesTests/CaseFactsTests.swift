import FundModel
import Testing

@testable import FundRules

@Suite("Case facts from records: rules.md §5 (the latest concluded assessment)")
struct CaseFactsTests {
    let worker = Fixture.person(100)

    func injuryCase(fatal: Bool = false) -> InjuryCase {
        InjuryCase(
            caseID: "C1", workerID: worker, employerID: "E1", regionCode: Fixture.city,
            accidentDate: Fixture.day("2024-05-10"), kind: .injury, appliedDate: nil, applicant: .employer,
            acceptedDate: nil, decidedDate: nil, decision: .recognized, fatal: fatal, ownWage: Money(yuan: 10_000),
            thirdParty: false, description: "")
    }

    func assessment(
        _ id: String, case caseID: String = "C1", kind: AssessmentKind = .initial, concluded: String?, grade: Int?,
        nursing: NursingLevel? = nil
    ) -> Assessment {
        Assessment(
            assessmentID: id, caseID: caseID, workerID: worker, kind: kind, appliedDate: nil,
            concludedDate: concluded.map(Fixture.day), grade: grade, nursing: nursing, hospitalID: nil, expertIDs: [],
            regionCode: Fixture.city)
    }

    @Test("rules.md §5: the facts take the grade and nursing level of the concluded assessment")
    func fromRecords() throws {
        let facts = CaseFacts(
            case: injuryCase(), latestAssessment: assessment("A1", concluded: "2024-11-01", grade: 4, nursing: .most),
            dependents: [])
        #expect(facts.grade == 4)
        #expect(facts.nursing == .most)
        #expect(facts.hasConcludedAssessment)
        #expect(facts.declaredOwnWage == Money(yuan: 10_000))
        #expect(facts.accidentYear == 2024)
        // 条例 35: 10 000 × 21 = 210 000; 10 000 × 75 % = 7 500; 条例 34: 8 000 × 40 % = 3 200.
        let schedule = try Fixture.calculator.schedule(for: facts)
        #expect(schedule.amount(ItemCode.disabilityLump) == Money(yuan: 210_000))
        #expect(schedule.amount(ItemCode.disabilityMonthly) == Money(yuan: 7500))
        #expect(schedule.amount(ItemCode.nursing) == Money(yuan: 3200))
    }

    @Test("社会保险法 36: a pending assessment, or another case's, counts as no assessment")
    func pendingIgnored() {
        let pending = CaseFacts(
            case: injuryCase(), latestAssessment: assessment("A1", concluded: nil, grade: 3), dependents: [])
        #expect(pending.grade == nil)
        #expect(!pending.hasConcludedAssessment)
        #expect(throws: EntitlementError.missingAssessment(caseID: "C1")) {
            try Fixture.calculator.schedule(for: pending)
        }
        let other = CaseFacts(
            case: injuryCase(), latestAssessment: assessment("A2", case: "C2", concluded: "2024-11-01", grade: 3),
            dependents: [])
        #expect(other.grade == nil)
    }

    @Test("社会保险法 36: a concluded assessment below grade (未达级) gives an empty schedule, not an error")
    func belowGrade() throws {
        let facts = CaseFacts(
            case: injuryCase(), latestAssessment: assessment("A1", concluded: "2024-11-01", grade: nil), dependents: [])
        #expect(facts.hasConcludedAssessment)
        #expect(try Fixture.calculator.schedule(for: facts).items.isEmpty)
    }

    @Test("条例 39: the dependants of other cases are left out")
    func dependantsOfTheCase() {
        let facts = CaseFacts(
            case: injuryCase(fatal: true), latestAssessment: nil,
            dependents: [Fixture.dependent(1, .spouse), Fixture.dependent(2, .child, caseID: "C2")])
        #expect(facts.dependents.map(\.dependentID) == [Fixture.person(1)])
    }

    @Test("rules.md §5: the latest assessment concluded strictly before the service date")
    func latestBefore() {
        let assessments = [
            assessment("A1", concluded: "2024-06-01", grade: 8),
            assessment("A2", kind: .review, concluded: "2025-06-01", grade: 6),
            assessment("A3", kind: .second, concluded: nil, grade: nil),
            assessment("B1", case: "C2", concluded: "2025-01-01", grade: 1),
        ]
        let pick = { (day: String?) in
            CaseFacts.latestConcludedAssessment(of: "C1", in: assessments, before: day.map(Fixture.day))?.assessmentID
        }
        #expect(pick(nil) == "A2")
        #expect(pick("2025-06-01") == "A1")  // strictly before: not the one concluded that day
        #expect(pick("2025-06-02") == "A2")
        #expect(pick("2024-06-01") == nil)
    }

    @Test("条例 26: on the same day a second assessment outranks the initial one, whatever the row order")
    func sameDayTie() {
        let initial = assessment("A9", kind: .initial, concluded: "2024-06-01", grade: 8)
        let second = assessment("A1", kind: .second, concluded: "2024-06-01", grade: 6)
        #expect(CaseFacts.latestConcludedAssessment(of: "C1", in: [initial, second])?.assessmentID == "A1")
        #expect(CaseFacts.latestConcludedAssessment(of: "C1", in: [second, initial])?.assessmentID == "A1")
    }
}
