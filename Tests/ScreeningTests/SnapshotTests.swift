import FundColumns
import FundModel
import FundRules
import Testing

@testable import Screening

@Suite("Snapshot: prepared lookups agree with the records")
struct SnapshotTests {
    /// A small deterministic generator (tests must not depend on the system's random numbers).
    struct Mix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("the latest concluded assessment before a day is FundRules' choice, same-day ties and pending ones included")
    func latestConcludedAssessment() {
        var mix = Mix(state: 7)
        let kinds: [AssessmentKind] = [.initial, .second, .review]
        var assessments: [Assessment] = []
        for n in 0..<400 {
            let caseID = "C\(mix.next(30))"
            // Concluded dates crowd into a few days so that ties between kinds and ids happen often.
            let concluded = mix.next(5) == 0 ? nil : Fixture.day("2025-01-01").adding(days: 10 * mix.next(12))
            assessments.append(
                Assessment(
                    assessmentID: "A\(mix.next(1000))-\(n)", caseID: caseID, workerID: Fixture.person(1),
                    kind: kinds[mix.next(3)], appliedDate: Fixture.day("2024-12-01").adding(days: mix.next(40)),
                    concludedDate: concluded, grade: mix.next(10) + 1, nursing: nil, hospitalID: nil, expertIDs: [],
                    regionCode: Fixture.city))
        }
        let snapshot = Snapshot(Fixture.dataSet { $0.assessments = assessments })
        var compared = 0
        for c in 0..<30 {
            let caseID = "C\(c)"
            guard let id = snapshot.caseIDs.id(caseID) else { continue }
            for offset in stride(from: -5, through: 130, by: 1) {
                let day = Fixture.day("2025-01-01").adding(days: offset)
                let expected = CaseFacts.latestConcludedAssessment(of: caseID, in: assessments, before: day)
                #expect(snapshot.latestConcludedAssessment(caseID: id, before: day) == expected)
                compared += expected == nil ? 0 : 1
            }
            #expect(
                snapshot.latestConcludedAssessment(caseID: id)
                    == CaseFacts.latestConcludedAssessment(of: caseID, in: assessments))
        }
        #expect(compared > 1000)
        #expect(snapshot.latestConcludedAssessmentRow(caseID: -1, before: Day.noneOrdinal) == -1)
    }

    @Test("payment records rebuilt from the columns equal the data set's records")
    func paymentRecords() {
        let payments = [
            Fixture.payment("P1", start: "2026-02-01", end: "2026-02-28", institution: "H1", invoice: "F1"),
            Fixture.payment(
                "P2", worker: Fixture.person(2), item: "DEPENDANT", yuan: "-3.5", caseID: nil, channel: nil,
                account: "6222", dependent: Fixture.person(3), region: Fixture.otherCity, advance: true),
            Fixture.payment("P3", item: "NEW_ITEM", channel: .reimbursement),
        ]
        let snapshot = Snapshot(Fixture.dataSet(payments: payments))
        #expect((0..<3).map { snapshot.paymentRecord(Int32($0)) } == payments)
        #expect(snapshot.payments.paymentID == ["P1", "P2", "P3"])
    }

    @Test("the first row of each assessment id, once")
    func firstAssessments() {
        let a = { (id: String) in
            Assessment(
                assessmentID: id, caseID: "C1", workerID: Fixture.person(1), kind: .initial, appliedDate: nil,
                concludedDate: nil, grade: nil, nursing: nil, hospitalID: nil, expertIDs: [], regionCode: Fixture.city)
        }
        let snapshot = Snapshot(Fixture.dataSet { $0.assessments = ["A1", "A2", "A1", "A3", "A2"].map(a) })
        #expect(snapshot.firstAssessmentRows == [0, 1, 3])
    }
}
