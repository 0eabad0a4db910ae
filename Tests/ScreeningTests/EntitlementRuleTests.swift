import FundColumns
import FundModel
import Screening
import Testing

/// A province where a case of 2025 in 320100 has avg_monthly_wage 8 000, min_monthly_wage 2 000 (the same
/// in 2026, so that monthly amounts do not move between the two years), own wage 6 000 (within 60 %–300 %),
/// and the national urban income 50 000.
enum EntitlementFixture {
    static let parameters = [
        Parameter(regionCode: Fixture.city, year: 2025, name: "avg_monthly_wage", value: Decimal4(8000)),
        Parameter(regionCode: Fixture.province, year: 2025, name: "min_monthly_wage", value: Decimal4(2000)),
        Parameter(regionCode: .national, year: 2025, name: "urban_disposable_income", value: Decimal4(50000)),
        Parameter(regionCode: Fixture.city, year: 2026, name: "avg_monthly_wage", value: Decimal4(8000)),
        Parameter(regionCode: Fixture.province, year: 2026, name: "min_monthly_wage", value: Decimal4(2000)),
    ]

    static func assessment(
        _ id: String, caseID: String, concluded: String?, grade: Int?, nursing: NursingLevel? = NursingLevel.none
    ) -> Assessment {
        Assessment(
            assessmentID: id, caseID: caseID, workerID: Fixture.person(1), kind: .initial,
            appliedDate: Fixture.day("2025-10-01"), concludedDate: concluded.map(Fixture.day), grade: grade,
            nursing: nursing, hospitalID: "H1", expertIDs: [], regionCode: Fixture.city)
    }

    static func data(
        _ payments: [Payment], cases: [InjuryCase], assessments: [Assessment] = [], dependents: [Dependent] = []
    ) -> DataSet {
        Fixture.dataSet(payments: payments, cases: cases) {
            $0.parameters = parameters
            $0.assessments = assessments
            $0.dependents = dependents
        }
    }
}

@Suite("R10 超标准支付")
struct R10Tests {
    static let fatal = Fixture.injuryCase("F", accident: "2025-06-01", fatal: true, ownWage: "6000")
    static let injured = Fixture.injuryCase("C1", accident: "2025-06-01", ownWage: "6000")

    @Test("FUNERAL 6 × 8 000 = 48 000: 48 001.00 is within the 1-yuan tolerance, 48 001.01 fires with the excess")
    func funeral() async {
        let payments = [
            Fixture.payment("OK", item: "FUNERAL", yuan: "48001.00", caseID: "F"),
            Fixture.payment("OVER", item: "FUNERAL", yuan: "48001.01", caseID: "F"),
            Fixture.payment("REVERSAL", item: "FUNERAL", yuan: "-99999", caseID: "F"),
            Fixture.payment("MED", item: "MED", yuan: "999999", caseID: "F"),
        ]
        let report = await screen(EntitlementFixture.data(payments, cases: [Self.fatal]), ["R10"])
        #expect(report.severities("R10") == ["OVER": .red])
        #expect(report.findings.first?.amount == Money(fen: 101))
        #expect(report.findings.first?.evidence == ["F"])
    }

    @Test("monthly items compare per calendar month of the period: NURSING full = 4 000 a month")
    func monthly() async {
        let assessments = [
            EntitlementFixture.assessment("A1", caseID: "C1", concluded: "2025-12-01", grade: 3, nursing: .full)
        ]
        let payments = [
            Fixture.payment("Q1", item: "NURSING", yuan: "12000", start: "2026-01-01", end: "2026-03-31", caseID: "C1"),
            Fixture.payment(
                "Q1_OVER", item: "NURSING", yuan: "12001.01", start: "2026-01-15", end: "2026-03-10", caseID: "C1"),
            Fixture.payment("NO_PERIOD", item: "NURSING", yuan: "4500", paid: "2026-04-05", caseID: "C1"),
            // Grade 3 with own wage 6 000: 80 % = 4 800 a month.
            Fixture.payment(
                "DM", item: "DISABILITY_MONTHLY", yuan: "4900", start: "2026-01-01", end: "2026-01-31", caseID: "C1"),
        ]
        let report = await screen(
            EntitlementFixture.data(payments, cases: [Self.injured], assessments: assessments), ["R10"])
        #expect(report.severities("R10") == ["Q1_OVER": .red, "NO_PERIOD": .red, "DM": .red])
        let amounts = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.subjectID, $0.amount) })
        #expect(amounts == ["Q1_OVER": Money(fen: 101), "NO_PERIOD": Money(yuan: 500), "DM": Money(yuan: 100)])
    }

    @Test("the grade is the latest assessment concluded strictly before the service date")
    func gradeBeforeServiceDate() async {
        let assessments = [
            EntitlementFixture.assessment("A1", caseID: "C1", concluded: "2026-01-10", grade: 7),
            EntitlementFixture.assessment("A2", caseID: "C1", concluded: "2026-05-01", grade: 9),
        ]
        let payments = [
            // Concluded the same day: no grade yet (R12's), not R10's.
            Fixture.payment("SAME_DAY", item: "DISABILITY_LUMP", yuan: "90000", paid: "2026-01-10", caseID: "C1"),
            // Grade 7: 13 × 6 000 = 78 000.
            Fixture.payment("G7_OK", item: "DISABILITY_LUMP", yuan: "78000", paid: "2026-01-11", caseID: "C1"),
            Fixture.payment("G7_OVER", item: "DISABILITY_LUMP", yuan: "80000", paid: "2026-02-01", caseID: "C1"),
            // Grade 9 from 2 May: 9 × 6 000 = 54 000.
            Fixture.payment("G9_OVER", item: "DISABILITY_LUMP", yuan: "78000", paid: "2026-05-02", caseID: "C1"),
        ]
        let report = await screen(
            EntitlementFixture.data(payments, cases: [Self.injured], assessments: assessments), ["R10"])
        #expect(report.severities("R10") == ["G7_OVER": .red, "G9_OVER": .red])
        #expect(report.findings.map(\.amount).sorted() == [Money(yuan: 2000), Money(yuan: 24000)])
    }

    @Test("DEPENDANT per dependant: a spouse gets 40 % of the own wage, 2 400 a month")
    func dependant() async {
        let spouse = Fixture.person(80, born: "19700101")
        let dependents = [Fixture.dependent(spouse, caseID: "F", relation: .spouse)]
        let payments = [
            Fixture.payment(
                "OK", item: "DEPENDANT", yuan: "2400", start: "2026-01-01", end: "2026-01-31", caseID: "F",
                dependent: spouse),
            Fixture.payment(
                "OVER", item: "DEPENDANT", yuan: "4802", start: "2026-02-01", end: "2026-03-31", caseID: "F",
                dependent: spouse),
        ]
        let data = EntitlementFixture.data(payments, cases: [Self.fatal], dependents: dependents)
        let report = await screen(data, ["R10"])
        #expect(report.severities("R10") == ["OVER": .red])
        #expect(report.findings.first?.amount == Money(yuan: 2))
        let candidate = Fixture.payment(
            "NEW", item: "DEPENDANT", yuan: "3000", start: "2026-04-01", end: "2026-04-30", caseID: "F",
            dependent: spouse)
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R10")
        #expect(realTime.count == 1 && realTime == batch)
        #expect(realTime.first?.amount == Money(yuan: 600))
    }

    @Test("without parameters.csv R10 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(payments: [], cases: []) { $0.assessments = [] }, ["R10"])
        #expect(report.rule("R10")?.notRun == .noData(missing: [.parameters]))
    }
}

@Suite("R12 无鉴定或等级不符")
struct R12Tests {
    static let injured = Fixture.injuryCase("C1", accident: "2025-06-01", ownWage: "6000")

    @Test("lump sums need a grade concluded before the service date")
    func lumpSums() async {
        let payments = [
            Fixture.payment("NONE", item: "MEDICAL_LUMP", paid: "2026-01-09", caseID: "C1"),
            Fixture.payment("SAME_DAY", item: "DISABILITY_LUMP", paid: "2026-01-10", caseID: "C1"),
            Fixture.payment("GRADED", item: "DISABILITY_LUMP", paid: "2026-01-11", caseID: "C1"),
            Fixture.payment("NO_CASE", item: "DISABILITY_LUMP", paid: "2026-01-11", caseID: nil),
            Fixture.payment("UNGRADED", item: "EMPLOYMENT_LUMP", paid: "2026-03-02", caseID: "C1"),
        ]
        let assessments = [
            EntitlementFixture.assessment("A1", caseID: "C1", concluded: "2026-01-10", grade: 8),
            EntitlementFixture.assessment("A2", caseID: "C1", concluded: "2026-03-01", grade: nil),  // review: 未达级
        ]
        let report = await screen(
            EntitlementFixture.data(payments, cases: [Self.injured], assessments: assessments), ["R12"])
        #expect(report.severities("R12") == ["NONE": .red, "SAME_DAY": .red, "UNGRADED": .red])
        #expect(report.findings.first { $0.subjectID == "UNGRADED" }?.evidence == ["A2"])
    }

    @Test("DISABILITY_MONTHLY needs grade 1–4; NURSING a nursing level other than none")
    func gradeAndNursing() async {
        let cases = [Self.injured, Fixture.injuryCase("C5", accident: "2025-06-01")]
        let assessments = [
            EntitlementFixture.assessment("A1", caseID: "C1", concluded: "2025-12-01", grade: 4, nursing: .partial),
            EntitlementFixture.assessment(
                "A5", caseID: "C5", concluded: "2025-12-01", grade: 5, nursing: NursingLevel.none),
        ]
        let payments = [
            Fixture.payment("DM4", item: "DISABILITY_MONTHLY", paid: "2026-01-05", caseID: "C1"),
            Fixture.payment("DM5", item: "DISABILITY_MONTHLY", paid: "2026-01-05", caseID: "C5"),
            Fixture.payment("N_PARTIAL", item: "NURSING", paid: "2026-01-05", caseID: "C1"),
            Fixture.payment("N_NONE", item: "NURSING", paid: "2026-01-05", caseID: "C5"),
            Fixture.payment("MED", item: "MED", paid: "2026-01-05", caseID: "C5"),
        ]
        let data = EntitlementFixture.data(payments, cases: cases, assessments: assessments)
        let report = await screen(data, ["R12"])
        #expect(report.severities("R12") == ["DM5": .red, "N_NONE": .red])
        let (realTime, batch) = await realTimeAgreesWithBatch(
            data, candidate: Fixture.payment("NEW", item: "DISABILITY_MONTHLY", paid: "2026-02-05", caseID: "C5"),
            rule: "R12")
        #expect(realTime.count == 1 && realTime == batch)
    }
}

@Suite("R10 notes")
struct R10NotesTests {
    @Test("payments whose statutory amount cannot be computed are counted in the notes, not passed silently")
    func notes() async {
        let noWage = Fixture.injuryCase("C1", accident: "2025-06-01", ownWage: nil)
        let assessments = [EntitlementFixture.assessment("A1", caseID: "C1", concluded: "2025-12-01", grade: 7)]
        let payments = [
            Fixture.payment("L1", item: "DISABILITY_LUMP", yuan: "1", paid: "2026-01-05", caseID: "C1"),
            Fixture.payment("L2", item: "DISABILITY_LUMP", yuan: "2", paid: "2026-01-06", caseID: "C1"),
        ]
        let report = await screen(EntitlementFixture.data(payments, cases: [noWage], assessments: assessments), ["R10"])
        #expect(report.findings.isEmpty)
        #expect(report.rule("R10")?.notes == ["2 笔支付无法计算法定标准，未判断：缺少本人工资 (missing own wage)"])
        #expect(report.summaryTable().contains("R10: 2 笔支付无法计算法定标准"))
    }
}
