import FundColumns
import FundModel
import Screening
import Testing

@Suite("R05 死亡后支出")
struct R05Tests {
    static let w = Fixture.person(1)
    static let dep = Fixture.person(50, born: "20100101")

    static func data(_ payments: [Payment], deaths: [DeathRecord]) -> DataSet {
        Fixture.dataSet(payments: payments) { $0.deaths = deaths }
    }

    @Test("a service date after the worker's death fires red; on the day of death it does not")
    func afterDeath() async {
        let payments = [
            Fixture.payment(
                "AFTER", worker: Self.w, item: "NURSING", paid: "2026-02-10", start: "2026-02-02", end: "2026-02-28"),
            Fixture.payment(
                "SAME", worker: Self.w, item: "MED", paid: "2026-02-20", start: "2026-02-01", end: "2026-02-01"),
            Fixture.payment("BEFORE", worker: Self.w, item: "MED", paid: "2026-01-31"),
        ]
        let report = await screen(Self.data(payments, deaths: [Fixture.death(Self.w, "2026-02-01")]), ["R05"])
        #expect(report.severities("R05") == ["AFTER": .red])
        #expect(report.findings.first?.evidence == [Self.w.raw])
    }

    @Test("FUNERAL, DEATH_LUMP and DEPENDANT check the dependant, not the (deceased) worker")
    func dependantItems() async {
        let deaths = [Fixture.death(Self.w, "2025-12-01"), Fixture.death(Self.dep, "2026-03-01")]
        let payments = [
            Fixture.payment(
                "FUNERAL_OK", worker: Self.w, item: "FUNERAL", paid: "2025-12-20", dependent: Fixture.person(51)),
            Fixture.payment("FUNERAL_NO_DEP", worker: Self.w, item: "FUNERAL", paid: "2025-12-20"),
            Fixture.payment(
                "DEP_BEFORE", worker: Self.w, item: "DEPENDANT", paid: "2026-03-01", start: "2026-02-01",
                end: "2026-02-28", dependent: Self.dep),
            Fixture.payment(
                "DEP_AFTER", worker: Self.w, item: "DEPENDANT", paid: "2026-04-01", start: "2026-03-02",
                end: "2026-03-31", dependent: Self.dep),
        ]
        let report = await screen(Self.data(payments, deaths: deaths), ["R05"])
        #expect(report.severities("R05") == ["DEP_AFTER": .red])
        #expect(report.findings.first?.evidence == [Self.dep.raw])
    }

    @Test("the earliest of several death records counts")
    func earliestDeath() async {
        let deaths = [Fixture.death(Self.w, "2026-05-01"), Fixture.death(Self.w, "2026-01-01", source: "民政")]
        let report = await screen(
            Self.data([Fixture.payment("P", worker: Self.w, paid: "2026-02-01")], deaths: deaths), ["R05"])
        #expect(report.severities("R05") == ["P": .red])
        #expect(report.findings.first?.detail.contains("2026-01-01") == true)
    }

    @Test("without ext_deaths.csv R05 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(payments: []), ["R05"])
        #expect(report.rule("R05")?.notRun == .noData(missing: [.deaths]))
    }

    @Test("real time agrees with batch")
    func realTime() async {
        let data = Self.data([], deaths: [Fixture.death(Self.w, "2026-02-01")])
        let candidate = Fixture.payment("NEW", worker: Self.w, item: "MED", paid: "2026-02-05")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R05")
        #expect(realTime.count == 1 && realTime == batch)
    }
}

@Suite("R06 伤残津贴与养老金重复")
struct R06Tests {
    static let w = Fixture.person(1)

    @Test("DISABILITY_MONTHLY on or after the pension start fires; the day before and PENSION_TOPUP do not")
    func pension() async {
        let payments = [
            Fixture.payment(
                "ON", worker: Self.w, item: "DISABILITY_MONTHLY", paid: "2026-01-05", start: "2026-01-01",
                end: "2026-01-31"),
            Fixture.payment(
                "BEFORE", worker: Self.w, item: "DISABILITY_MONTHLY", paid: "2025-12-05", start: "2025-12-01",
                end: "2025-12-31"),
            Fixture.payment(
                "TOPUP", worker: Self.w, item: "PENSION_TOPUP", paid: "2026-02-05", start: "2026-02-01",
                end: "2026-02-28"),
        ]
        let data = Fixture.dataSet(payments: payments) {
            $0.pensions = [PensionRecord(personID: Self.w, startDate: Fixture.day("2026-01-01"), monthlyAmount: nil)]
        }
        let report = await screen(data, ["R06"])
        #expect(report.severities("R06") == ["ON": .red])
        let late = Fixture.payment(
            "NEW", worker: Self.w, item: "DISABILITY_MONTHLY", paid: "2026-03-05", start: "2026-03-01",
            end: "2026-03-31")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: late, rule: "R06")
        #expect(realTime.count == 1 && realTime == batch)
    }
}

@Suite("R07 与医保重复报销")
struct R07Tests {
    static let w = Fixture.person(1)

    static func stay(_ admission: String, _ discharge: String?, institution: String? = "H1", invoice: String? = nil)
        -> MedicalInsuranceStay
    {
        MedicalInsuranceStay(
            personID: w, institutionID: institution, admissionDate: Fixture.day(admission),
            dischargeDate: discharge.map(Fixture.day), amount: nil, invoiceNo: invoice)
    }

    @Test(
        "overlap of the period with a stay at the same institution fires; adjacent days and other institutions do not")
    func overlap() async {
        let stays = [Self.stay("2026-03-01", "2026-03-10", invoice: "MI-1")]
        let payments = [
            Fixture.payment("LAST_DAY", worker: Self.w, start: "2026-03-10", end: "2026-03-15", institution: "H1"),
            Fixture.payment("NEXT_DAY", worker: Self.w, start: "2026-03-11", end: "2026-03-15", institution: "H1"),
            Fixture.payment("OTHER_H", worker: Self.w, start: "2026-03-02", end: "2026-03-05", institution: "H2"),
            Fixture.payment(
                "REHAB", worker: Self.w, item: "REHAB", start: "2026-02-20", end: "2026-03-01", institution: "H1"),
            Fixture.payment(
                "DEVICE", worker: Self.w, item: "DEVICE", start: "2026-03-02", end: "2026-03-02", institution: "H1"),
            Fixture.payment(
                "OTHER_W", worker: Fixture.person(2), start: "2026-03-02", end: "2026-03-05", institution: "H1"),
        ]
        let data = Fixture.dataSet(payments: payments) { $0.medicalInsurance = stays }
        let report = await screen(data, ["R07"])
        #expect(report.severities("R07") == ["LAST_DAY": .red, "REHAB": .red])
    }

    @Test("the same invoice number as the stay fires even without a period")
    func invoice() async {
        let stays = [Self.stay("2026-03-01", nil, invoice: "MI-9")]
        let payments = [
            Fixture.payment("SAME_INV", worker: Self.w, paid: "2026-06-01", institution: "H1", invoice: "MI-9"),
            Fixture.payment("OTHER_INV", worker: Self.w, paid: "2026-06-01", institution: "H1", invoice: "X-1"),
            Fixture.payment(
                "ONE_DAY", worker: Self.w, start: "2026-03-01", end: "2026-03-01", institution: "H1", invoice: "X-2"),
            Fixture.payment(
                "DAY_AFTER", worker: Self.w, start: "2026-03-02", end: "2026-03-04", institution: "H1", invoice: "X-3"),
        ]
        let data = Fixture.dataSet(payments: payments) { $0.medicalInsurance = stays }
        let report = await screen(data, ["R07"])
        #expect(report.severities("R07") == ["SAME_INV": .red, "ONE_DAY": .red])
        #expect(report.findings.first { $0.subjectID == "SAME_INV" }?.evidence == ["MI-9"])
    }

    @Test("without ext_medical_insurance.csv R07 is not run (no data)")
    func noData() async {
        #expect(
            await screen(Fixture.dataSet(payments: []), ["R07"]).rule("R07")?.notRun
                == .noData(missing: [.medicalInsurance]))
    }
}
