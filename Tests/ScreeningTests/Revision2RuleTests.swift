import FundModel
import Screening
import Testing

/// The rules revised or added by rules.md rev. 2, each at its boundaries with a look-alike that must not fire.
enum Rev2 {
    static let injured = Fixture.injuryCase("C1", accident: "2025-06-01", ownWage: "6000")
    static let fatal = Fixture.injuryCase("F", accident: "2025-06-01", fatal: true, ownWage: "6000")
    static func graded(_ id: String, _ caseID: String, concluded: String, grade: Int?) -> Assessment {
        EntitlementFixture.assessment(id, caseID: caseID, concluded: concluded, grade: grade, nursing: .full)
    }

    static func parameter(_ code: RegionCode, _ year: Int, _ name: String, _ value: String) -> Parameter {
        Parameter(regionCode: code, year: year, name: name, value: Decimal4(value)!)
    }
}

@Suite("R10 rev. 2: amounts by the month paid, entitled to nothing")
struct R10Revision2Tests {
    @Test("DEATH_LUMP on a case that is not fatal and FUNERAL on a living worker: the whole payment at risk")
    func entitledToNothing() async {
        let payments = [
            Fixture.payment("LUMP", item: "DEATH_LUMP", yuan: "1000000", caseID: "C1"),
            Fixture.payment("FUNERAL", item: "FUNERAL", yuan: "48000", caseID: "C1"),
            Fixture.payment("LUMP_FATAL", item: "DEATH_LUMP", yuan: "1000000", caseID: "F"),
        ]
        let report = await screen(
            EntitlementFixture.data(payments, cases: [Rev2.injured, Rev2.fatal]), ["R10"])
        #expect(report.severities("R10") == ["LUMP": .red, "FUNERAL": .red])
        #expect(report.findings.first { $0.subjectID == "LUMP" }?.amount == Money(yuan: 1_000_000))
        #expect(report.findings.first { $0.subjectID == "LUMP" }?.detail.contains("依法不享受") == true)
    }

    @Test("entitled to nothing, but R12 or R15 already fires: R10 stays silent")
    func otherRulesFirst() async {
        let spouse = Fixture.person(62, born: "19600101")
        let stranger = Fixture.person(64, born: "19500101")
        let payments = [
            // Grade 7: 伤残津贴 is R12's (grades 1–4 only).
            Fixture.payment(
                "DM7", item: "DISABILITY_MONTHLY", yuan: "4000", start: "2026-01-01", end: "2026-01-31", caseID: "C1"),
            // Not a dependant of the case, and no dependant at all: R15's.
            Fixture.payment(
                "STRANGER", item: "DEPENDANT", yuan: "2000", start: "2026-01-01", end: "2026-01-31", caseID: "F",
                dependent: stranger),
            Fixture.payment(
                "NOBODY", item: "DEPENDANT", yuan: "2000", start: "2026-01-01", end: "2026-01-31", caseID: "F"),
            Fixture.payment(
                "SPOUSE", item: "DEPENDANT", yuan: "2400", start: "2026-01-01", end: "2026-01-31", caseID: "F",
                dependent: spouse),
        ]
        let data = EntitlementFixture.data(
            payments, cases: [Rev2.injured, Rev2.fatal],
            assessments: [Rev2.graded("A7", "C1", concluded: "2025-12-01", grade: 7)],
            dependents: [Fixture.dependent(spouse, caseID: "F", relation: .spouse, birth: "1960-01-01")])
        let report = await screen(data, ["R10", "R12", "R15"])
        #expect(report.severities("R10") == [:])
        #expect(report.severities("R12") == ["DM7": .red])
        #expect(report.severities("R15") == ["STRANGER": .red, "NOBODY": .red])
    }

    @Test("a monthly payment over two years compares each month at its own year's figures")
    func acrossYears() async {
        // NURSING full: 50 % of 8 000 (2025) = 4 000 and of 9 000 (2026) = 4 500.
        var parameters = EntitlementFixture.parameters.filter { !($0.year == 2026 && $0.name == "avg_monthly_wage") }
        parameters.append(Rev2.parameter(Fixture.city, 2026, "avg_monthly_wage", "9000"))
        let payments = [
            Fixture.payment(
                "LAWFUL", item: "NURSING", yuan: "8501", start: "2025-12-01", end: "2026-01-31", caseID: "C1"),
            Fixture.payment(
                "OVER", item: "NURSING", yuan: "9000", start: "2025-12-01", end: "2026-01-31", caseID: "C1"),
            // At the accident year's rate in 2026: below the lawful amount, nothing.
            Fixture.payment(
                "OLD_RATE", item: "NURSING", yuan: "4000", start: "2026-03-01", end: "2026-03-31", caseID: "C1"),
        ]
        var data = EntitlementFixture.data(
            payments, cases: [Rev2.injured], assessments: [Rev2.graded("A3", "C1", concluded: "2025-11-01", grade: 3)])
        data.parameters = parameters
        let report = await screen(data, ["R10"])
        #expect(report.severities("R10") == ["OVER": .red])
        #expect(report.findings.first?.amount == Money(yuan: 500))
    }

    @Test("条例 40: a later year's 伤残津贴 at the adjusted amount raises nothing; above it, the excess")
    func adjustedAllowance() async {
        // Grade 3, own wage 6 000: base 4 800 (2025); 2026 adjusted 5 % + 12 yuan = 5 052.
        var data = EntitlementFixture.data(
            [
                Fixture.payment(
                    "LAWFUL", item: "DISABILITY_MONTHLY", yuan: "5052", start: "2026-02-01", end: "2026-02-28",
                    caseID: "C1"),
                Fixture.payment(
                    "OVER", item: "DISABILITY_MONTHLY", yuan: "10200", start: "2026-03-01", end: "2026-04-30",
                    caseID: "C1"),
            ], cases: [Rev2.injured], assessments: [Rev2.graded("A3", "C1", concluded: "2025-11-01", grade: 3)])
        data.parameters! += [
            Rev2.parameter(Fixture.province, 2026, "adjust_ratio", "0.05"),
            Rev2.parameter(Fixture.province, 2026, "adjust_amount", "12"),
        ]
        let report = await screen(data, ["R10"])
        #expect(report.severities("R10") == ["OVER": .red])
        #expect(report.findings.first?.amount == Money(yuan: 96))
        // Real time agrees with the batch run.
        let candidate = Fixture.payment(
            "NEW", item: "DISABILITY_MONTHLY", yuan: "5100", paid: "2026-05-30", start: "2026-05-01", end: "2026-05-31",
            caseID: "C1")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R10")
        #expect(realTime.count == 1 && realTime == batch)
        #expect(realTime.first?.amount == Money(yuan: 48))
    }
}

@Suite("R15 rev. 2: 供养亲属范围规定 art. 3")
struct R15Revision2Tests {
    @Test("a spouse below the elder age of the sex read from the id fires; at the age, or disabled, not")
    func elderAge() async {
        let man = Fixture.person(63, born: "19700101")  // 17th digit 3: a man, 56 in 2026
        let woman = Fixture.person(62, born: "19700101")  // a woman, 56
        let youngWidow = Fixture.person(66, born: "19900101")
        let disabledWidow = Fixture.person(68, born: "19900101")
        let payments = [man, woman, youngWidow, disabledWidow].enumerated().map { n, person in
            Fixture.payment(
                "P\(n)", item: "DEPENDANT", start: "2026-03-01", end: "2026-03-31", dependent: person)
        }
        let data = Fixture.dataSet(payments: payments) {
            $0.dependents = [
                Fixture.dependent(man, relation: .spouse), Fixture.dependent(woman, relation: .spouse),
                Fixture.dependent(youngWidow, relation: .parent),
                Fixture.dependent(disabledWidow, relation: .spouse, disabled: true),
            ]
        }
        let report = await screen(data, ["R15"])
        #expect(report.severities("R15") == ["P0": .red, "P2": .red])
        #expect(report.findings.first { $0.subjectID == "P0" }?.detail.contains("60") == true)
    }

    @Test("a period is judged month by month: one ineligible month makes the payment fire, whole")
    func monthByMonth() async {
        let child = Fixture.person(70, born: "20080415")
        let payment = Fixture.payment(
            "Q", item: "DEPENDANT", yuan: "900", start: "2026-03-01", end: "2026-05-31", dependent: child)
        let data = Fixture.dataSet(payments: [payment]) {
            $0.dependents = [Fixture.dependent(child, relation: .child)]
        }
        let report = await screen(data, ["R15"])
        #expect(report.severities("R15") == ["Q": .red])
        #expect(report.findings.first?.amount == Money(yuan: 900))
        #expect(report.findings.first?.detail.contains("2026-05-01") == true)
    }
}

@Suite("R14 rev. 2: a stay overlapping a medical-insurance stay at another institution")
struct R14Revision2Tests {
    @Test("another institution's insured stay overlapping by a night fires; the same institution's is R07's")
    func medicalInsurance() async {
        let worker = Fixture.person(1)
        let stay = Fixture.payment("STAY", start: "2026-03-01", end: "2026-03-10", institution: "H1")
        let short = Fixture.payment(
            "SAME_DAY", paid: "2026-04-20", start: "2026-04-01", end: "2026-04-01", institution: "H1")
        let touching = Fixture.payment(
            "TOUCH", paid: "2026-05-20", start: "2026-05-01", end: "2026-05-05", institution: "H1")
        func insured(_ institution: String, _ from: String, _ to: String) -> MedicalInsuranceStay {
            MedicalInsuranceStay(
                personID: worker, institutionID: institution, admissionDate: Fixture.day(from),
                dischargeDate: Fixture.day(to), amount: nil, invoiceNo: "MI-\(from)")
        }
        let data = Fixture.dataSet(payments: [stay, short, touching]) {
            $0.medicalInsurance = [
                insured("H2", "2026-03-05", "2026-03-08"), insured("H1", "2026-03-01", "2026-03-10"),
                insured("H2", "2026-03-31", "2026-04-02"), insured("H2", "2026-05-05", "2026-05-09"),
            ]
        }
        let report = await screen(data, ["R14"])
        #expect(report.severities("R14") == ["STAY": .orange])
        #expect(report.findings.first?.evidence == ["MI:MI-2026-03-05"])
        // Without the medical-insurance file, only pairs of payments are compared: nothing here.
        let bare = Fixture.dataSet(payments: [stay, short, touching])
        #expect(await screen(bare, ["R14"]).findings.isEmpty)
    }
}

@Suite("DQ01 rev. 2: dependants' ids")
struct DQ01Revision2Tests {
    @Test("a dependant's id with a wrong check character is a finding on the dependant, once per id")
    func dependants() async {
        let wrong = Fixture.invalidPerson(77)
        let data = Fixture.dataSet(cases: [Rev2.fatal]) {
            $0.workers = [Fixture.worker(Fixture.person(1))]
            $0.dependents = [
                Fixture.dependent(wrong, caseID: "F", relation: .child),
                Fixture.dependent(wrong, caseID: "F2", relation: .child),
                Fixture.dependent(Fixture.person(78), caseID: "F", relation: .child),
            ]
        }
        let report = await screen(data, ["DQ01"])
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.subjectType == .dependent)
        #expect(report.findings.first?.subjectID == wrong.raw)
        #expect(report.findings.first?.regionCode == Fixture.city)
    }
}

@Suite("R26 重复支付")
struct R26Tests {
    @Test("a one-off paid twice for one case: the later fires whole; a reversal and reissue does not")
    func oneOff() async {
        let payments = [
            Fixture.payment("L1", item: "DISABILITY_LUMP", yuan: "50000", paid: "2026-01-05", caseID: "C1"),
            Fixture.payment("L2", item: "DISABILITY_LUMP", yuan: "50000", paid: "2026-02-05", caseID: "C1"),
            Fixture.payment("M1", item: "MEDICAL_LUMP", yuan: "30000", paid: "2026-01-05", caseID: "C1"),
            Fixture.payment("M1_REV", item: "MEDICAL_LUMP", yuan: "-30000", paid: "2026-01-06", caseID: "C1"),
            Fixture.payment("M2", item: "MEDICAL_LUMP", yuan: "30000", paid: "2026-01-07", caseID: "C1"),
            Fixture.payment("OTHER_CASE", item: "DISABILITY_LUMP", yuan: "50000", paid: "2026-03-05", caseID: "C2"),
        ]
        let report = await screen(Fixture.dataSet(payments: payments) { $0.assessments = [] }, ["R26"])
        #expect(report.severities("R26") == ["L2": .red])
        #expect(report.findings.first?.amount == Money(yuan: 50000))
        #expect(report.findings.first?.evidence == ["L1"])
    }

    @Test("a month of a monthly item paid twice: its share for the months already paid")
    func months() async {
        let spouse = Fixture.person(62)
        let child = Fixture.person(70)
        let payments = [
            Fixture.payment(
                "Q1", item: "NURSING", yuan: "12000", paid: "2026-01-05", start: "2026-01-01", end: "2026-03-31",
                caseID: "C1"),
            Fixture.payment(
                "Q2", item: "NURSING", yuan: "8000", paid: "2026-03-05", start: "2026-03-01", end: "2026-04-30",
                caseID: "C1"),
            Fixture.payment(
                "S", item: "DEPENDANT", yuan: "2000", paid: "2026-03-05", start: "2026-03-01", end: "2026-03-31",
                caseID: "F", dependent: spouse),
            Fixture.payment(
                "C", item: "DEPENDANT", yuan: "1500", paid: "2026-03-05", start: "2026-03-01", end: "2026-03-31",
                caseID: "F", dependent: child),
        ]
        let report = await screen(Fixture.dataSet(payments: payments) { $0.assessments = [] }, ["R26"])
        #expect(report.severities("R26") == ["Q2": .red])
        #expect(report.findings.first?.amount == Money(yuan: 4000))
        #expect(report.findings.first?.detail.contains("2026-03") == true)
    }

    @Test("条例 45: one worker's 伤残津贴 of a month under two cases; the case without the newest grade fires")
    func twoCases() async {
        let older = Fixture.injuryCase("C1", accident: "2024-03-01")
        let newer = Fixture.injuryCase("C2", accident: "2025-06-01")
        let assessments = [
            Rev2.graded("A1", "C1", concluded: "2024-10-01", grade: 4),
            Rev2.graded("A2", "C2", concluded: "2026-02-10", grade: 2),
        ]
        func allowance(_ id: String, _ caseID: String, _ month: String) -> Payment {
            Fixture.payment(
                id, item: "DISABILITY_MONTHLY", yuan: "3000", paid: "\(month)-20", start: "\(month)-01",
                end: "\(month)-28", caseID: caseID)
        }
        let payments = [
            allowance("JAN_C1", "C1", "2026-01"), allowance("JAN_C2", "C2", "2026-01"),
            allowance("MAR_C1", "C1", "2026-03"), allowance("MAR_C2", "C2", "2026-03"),
        ]
        let data = Fixture.dataSet(payments: payments, cases: [older, newer]) { $0.assessments = assessments }
        let report = await screen(data, ["R26"])
        // January: only C1 had a grade before the month; March: C2's grade 2 is the newest.
        #expect(report.severities("R26") == ["JAN_C2": .red, "MAR_C1": .red])
        #expect(report.findings.first { $0.subjectID == "MAR_C1" }?.evidence == ["MAR_C2"])
        // Real time: a new April allowance under the older case fires like the batch run.
        let candidate = allowance("APR_C1", "C1", "2026-04")
        var april = data
        april.payments! += [allowance("APR_C2", "C2", "2026-04")]
        let (realTime, batch) = await realTimeAgreesWithBatch(april, candidate: candidate, rule: "R26")
        #expect(realTime.count == 1 && realTime == batch)
    }

    @Test("without the assessments file R26 is not run: which case pays the allowance needs the grades")
    func needsAssessments() async {
        let report = await screen(Fixture.dataSet(payments: [Fixture.payment("P", item: "NURSING")]), ["R26"])
        #expect(report.rule("R26")?.notRun == .noData(missing: [.assessments]))
    }

    @Test("real time: a second month of nursing fires like the batch run; a new month does not")
    func realTime() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment(
                "JAN", item: "NURSING", yuan: "4000", paid: "2026-01-31", start: "2026-01-01", end: "2026-01-31",
                caseID: "C1")
        ]) { $0.assessments = [] }
        let again = Fixture.payment(
            "JAN_AGAIN", item: "NURSING", yuan: "4000", paid: "2026-02-10", start: "2026-01-01", end: "2026-01-31",
            caseID: "C1")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: again, rule: "R26")
        #expect(realTime.count == 1 && realTime == batch)
        let february = Fixture.payment(
            "FEB", item: "NURSING", yuan: "4000", paid: "2026-02-28", start: "2026-02-01", end: "2026-02-28",
            caseID: "C1")
        let (none, noneBatch) = await realTimeAgreesWithBatch(data, candidate: february, rule: "R26")
        #expect(none.isEmpty && noneBatch.isEmpty)
    }
}

@Suite("R27 本人工资申报不实")
struct R27Tests {
    static let worker = Fixture.person(1)

    static func wages(_ yuan: String, months: Int = 12) -> [Wage] {
        (1...months).map {
            Wage(
                workerID: worker, month: YearMonth(year: 2025, month: 6)!.adding(months: -$0),
                wage: try! Money(yuan: yuan))
        }
    }

    static func screenCase(ownWage: String, wages: [Wage], lump: String? = "100000") async -> ScreeningReport {
        let record = Fixture.injuryCase("C1", accident: "2025-06-01", ownWage: ownWage)
        let payments = lump.map { [Fixture.payment("LUMP", item: "DISABILITY_LUMP", yuan: $0, caseID: "C1")] } ?? []
        let data = EntitlementFixture.data(payments, cases: [record])
        var withWages = data
        withWages.wages = wages
        return await screen(withWages, ["R27"])
    }

    @Test("above 1.2× the mean of the 12 months before the accident month: orange; above 2×: red")
    func levels() async {
        #expect(await Self.screenCase(ownWage: "6000", wages: Self.wages("5000")).severities("R27") == [:])
        #expect(
            await Self.screenCase(ownWage: "6000.01", wages: Self.wages("5000")).severities("R27") == ["C1": .orange])
        #expect(await Self.screenCase(ownWage: "10000", wages: Self.wages("5000")).severities("R27") == ["C1": .orange])
        let red = await Self.screenCase(ownWage: "12000", wages: Self.wages("5000"))
        #expect(red.severities("R27") == ["C1": .red])
        // 100 000 × (12 000 − 5 000) / 12 000 = 58 333.33.
        #expect(red.findings.first?.amount == Money(fen: 5_833_333))
    }

    @Test("at least 6 months present; months outside the 12 before the accident month do not count")
    func window() async {
        #expect(await Self.screenCase(ownWage: "12000", wages: Self.wages("5000", months: 5)).findings.isEmpty)
        #expect(await Self.screenCase(ownWage: "12000", wages: Self.wages("5000", months: 6)).findings.count == 1)
        let accidentMonth = [Wage(workerID: Self.worker, month: YearMonth(year: 2025, month: 6)!, wage: Money(yuan: 1))]
        let report = await Self.screenCase(ownWage: "6000", wages: Self.wages("5000") + accidentMonth)
        #expect(report.findings.isEmpty)
    }

    @Test("the amount at risk is bounded as the own wage is (条例 64: 60 %–300 % of 8 000)")
    func bounded() async {
        // Own 30 000 → 24 000; mean 3 000 → 4 800: 100 000 × 19 200 / 24 000 = 80 000.
        let report = await Self.screenCase(ownWage: "30000", wages: Self.wages("3000"))
        #expect(report.findings.first?.amount == Money(yuan: 80_000))
        // No one-off payment: a finding without money at risk.
        #expect(
            await Self.screenCase(ownWage: "30000", wages: Self.wages("3000"), lump: nil).findings.first?.amount
                == .zero)
    }
}
