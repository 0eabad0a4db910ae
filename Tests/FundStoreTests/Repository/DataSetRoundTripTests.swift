import FundModel
import Testing

@testable import FundStore

private func day(_ text: String) -> Day { Day(iso: text)! }
private func region(_ text: String) -> RegionCode { RegionCode(text)! }
private func person(_ text: String) -> PersonID { PersonID(text)! }

@Suite("loadDataSet round trip")
struct DataSetRoundTripTests {
    /// Every interchange file, one or two rows each, with the values expected after loading written by hand.
    static func writeFullDataSet(_ dir: TemporaryDirectory) {
        let w1 = Fixture.worker1
        let w2 = Fixture.worker2
        let dep = "110101201001011234"
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "parameters.csv",
            "region_code,year,name,value\n110100,2023,avg_monthly_wage,8123.45\n000000,2023,medical_subsidy_months_7,6.5\n"
        )
        dir.write(
            "employers.csv",
            "employer_id,name,region_code,industry_code,risk_class,insured_since\n91110000MA0000001X,某建筑公司,110100,E,5,2008-03-01\n"
        )
        dir.write("workers.csv", Fixture.workers)
        dir.write("wages.csv", "worker_id,month,wage\n\(w1),2023-04,6000.5\n")
        dir.write("injury_cases.csv", Fixture.cases)
        dir.write(
            "assessments.csv",
            "assessment_id,case_id,worker_id,kind,applied_date,concluded_date,grade,nursing,hospital_id,experts,region_code\nA1,C1,\(w1),initial,2023-08-01,2023-09-15,7,none,H1, X1 ; X2;,110100\nA2,C1,\(w1),second,2023-10-01,,,,,,110000\n"
        )
        dir.write("experts.csv", "expert_id,name,specialty,institution_id,region_code\nX1,钱医生,骨科,H1,110100\n")
        dir.write(
            "dependents.csv",
            "dependent_id,case_id,relation,birth_date,lone,disabled,start_date,end_date\n\(dep),C2,child,2010-01-01,1,0,2023-07-01,2028-01-01\n"
        )
        dir.write("institutions.csv", "institution_id,name,kind,region_code,grade\nH1,第一医院,medical,110100,三级甲等\n")
        dir.write(
            "agreements.csv",
            "agreement_id,institution_id,services,start_date,end_date,status\nG1,H1,medical;rehab,2020-01-01,2025-12-31,active\n"
        )
        dir.write("benefit_items.csv", "item_code,name,payer,basis,status\nX_TRAIN,职业康复培训费,fund,,active\n")
        dir.write(
            "payments.csv",
            Fixture.payments([
                Fixture.payment("P1"),
                Fixture.payment(
                    "P2",
                    [
                        "case_id": "C2", "worker_id": w2, "item_code": "DEPENDANT", "amount": "-20", "period_start": "",
                        "period_end": "", "institution_id": "", "invoice_no": "", "channel": "bank",
                        "payee_account": "6222000011112222", "dependent_id": dep, "advance": "true",
                    ]),
            ]))
        dir.write(
            "fund_ledger.csv",
            "region_code,month,revenue,benefit_expenditure,prevention_expenditure,assessment_expenditure,other_expenditure,balance\n110100,2023-06,1000000,800000.5,20000,5000,0,12345678.9\n"
        )
        dir.write("ext_deaths.csv", "person_id,death_date,source\n\(w2),2023-07-01,\n")
        dir.write(
            "ext_medical_insurance.csv",
            "person_id,institution_id,admission_date,discharge_date,amount,invoice_no\n\(w1),H1,2023-07-02,2023-07-05,800,MI-9\n"
        )
        dir.write("ext_pensions.csv", "person_id,start_date,monthly_amount\n\(w1),2009-12-31,3500\n")
        dir.write(
            "ext_health_visits.csv", "person_id,institution_id,visit_date,diagnosis\n\(w1),H1,2023-05-10,\"骨折, 左胫骨\"\n")
        dir.write("ext_traffic_accidents.csv", "person_id,accident_date,liability\n\(w1),2023-05-10,minor\n")
        dir.write("ext_imprisonments.csv", "person_id,start_date,end_date\n\(dep),2024-01-01,\n")
        dir.write("calendar.csv", "date,kind,region_code\n2024-10-12,holiday,110100\n2024-10-01,holiday,\n")
        dir.write(
            "cards.csv",
            "card_no,person_id,status,issued_date,ecard_token,ecard_expires\nK1,\(w1),active,2020-01-01,E1,2030-12-31\n"
        )
    }

    @Test("every table loads back as the records the files describe")
    func fullRoundTrip() throws {
        let dir = TemporaryDirectory()
        Self.writeFullDataSet(dir)
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.files.count == 22)
        #expect(try store.importedTables() == Set(FundModel.Table.allCases))
        let data = try store.loadDataSet()
        let w1 = person(Fixture.worker1)
        let w2 = person(Fixture.worker2)
        let dep = person("110101201001011234")

        #expect(
            data.regions == [
                Region(code: region("110000"), name: "某某省", level: .province, parentCode: nil),
                Region(code: region("110100"), name: "甲市", level: .city, parentCode: region("110000")),
            ])
        #expect(
            data.parameters == [
                Parameter(
                    regionCode: .national, year: 2023, name: "medical_subsidy_months_7",
                    value: Decimal4(tenThousandths: 65_000)),
                Parameter(
                    regionCode: region("110100"), year: 2023, name: "avg_monthly_wage",
                    value: Decimal4(tenThousandths: 81_234_500)),
            ])
        #expect(
            data.employers == [
                Employer(
                    employerID: "91110000MA0000001X", name: "某建筑公司", regionCode: region("110100"), industryCode: "E",
                    riskClass: 5, insuredSince: day("2008-03-01"))
            ])
        #expect(
            data.workers == [
                Worker(
                    workerID: w1, name: "张三", gender: .male, birthDate: day("1949-12-31"), employerID: "E1",
                    regionCode: region("110100"), insuredSince: day("2010-01-01"), insuredUntil: nil),
                Worker(
                    workerID: w2, name: "李四", gender: .female, birthDate: day("1990-01-01"), employerID: "E1",
                    regionCode: region("110100"), insuredSince: day("2020-03-01"), insuredUntil: day("2024-06-30")),
            ])
        #expect(data.wages == [Wage(workerID: w1, month: YearMonth(year: 2023, month: 4)!, wage: Money(fen: 600_050))])
        #expect(
            data.cases == [
                InjuryCase(
                    caseID: "C1", workerID: w1, employerID: "E1", regionCode: region("110100"),
                    accidentDate: day("2023-05-10"), kind: .injury, appliedDate: day("2023-05-20"),
                    applicant: .employer, acceptedDate: day("2023-05-22"), decidedDate: day("2023-06-30"),
                    decision: .recognized, fatal: false, ownWage: Money(fen: 650_000), thirdParty: false,
                    description: "高处坠落"),
                InjuryCase(
                    caseID: "C2", workerID: w2, employerID: "E1", regionCode: region("110100"),
                    accidentDate: day("2023-07-01"), kind: .deemed, appliedDate: nil, applicant: nil, acceptedDate: nil,
                    decidedDate: nil, decision: .pending, fatal: true, ownWage: nil, thirdParty: true, description: ""),
            ])
        #expect(
            data.assessments == [
                Assessment(
                    assessmentID: "A1", caseID: "C1", workerID: w1, kind: .initial, appliedDate: day("2023-08-01"),
                    concludedDate: day("2023-09-15"), grade: 7, nursing: NursingLevel.none, hospitalID: "H1",
                    expertIDs: ["X1", "X2"], regionCode: region("110100")),
                Assessment(
                    assessmentID: "A2", caseID: "C1", workerID: w1, kind: .second, appliedDate: day("2023-10-01"),
                    concludedDate: nil, grade: nil, nursing: nil, hospitalID: nil, expertIDs: [],
                    regionCode: region("110000")),
            ])
        #expect(
            data.experts == [
                Expert(expertID: "X1", name: "钱医生", specialty: "骨科", institutionID: "H1", regionCode: region("110100"))
            ])
        #expect(
            data.dependents == [
                Dependent(
                    dependentID: dep, caseID: "C2", relation: .child, birthDate: day("2010-01-01"), lone: true,
                    disabled: false, startDate: day("2023-07-01"), endDate: day("2028-01-01"))
            ])
        #expect(
            data.institutions == [
                Institution(
                    institutionID: "H1", name: "第一医院", kind: .medical, regionCode: region("110100"), grade: "三级甲等")
            ])
        #expect(
            data.agreements == [
                Agreement(
                    agreementID: "G1", institutionID: "H1", services: [.medical, .rehab], startDate: day("2020-01-01"),
                    endDate: day("2025-12-31"), status: .active)
            ])
        #expect(
            data.benefitItems == [
                BenefitItemRow(itemCode: "X_TRAIN", name: "职业康复培训费", payer: .fund, basis: nil, status: .active)
            ])
        #expect(
            data.payments == [
                Payment(
                    paymentID: "P1", caseID: "C1", workerID: w1, itemCode: "MED", amount: Money(fen: 123_450),
                    paidDate: day("2023-08-01"), periodStart: day("2023-07-01"), periodEnd: day("2023-07-10"),
                    institutionID: "H1", invoiceNo: "INV-P1", channel: .direct, payeeAccount: nil, dependentID: nil,
                    regionCode: region("110100"), advance: false),
                Payment(
                    paymentID: "P2", caseID: "C2", workerID: w2, itemCode: "DEPENDANT", amount: Money(fen: -2_000),
                    paidDate: day("2023-08-01"), periodStart: nil, periodEnd: nil, institutionID: nil, invoiceNo: nil,
                    channel: .bank, payeeAccount: "6222000011112222", dependentID: dep, regionCode: region("110100"),
                    advance: true),
            ])
        #expect(
            data.fundLedger == [
                FundLedgerEntry(
                    regionCode: region("110100"), month: YearMonth(year: 2023, month: 6)!,
                    revenue: Money(fen: 100_000_000), benefitExpenditure: Money(fen: 80_000_050),
                    preventionExpenditure: Money(fen: 2_000_000), assessmentExpenditure: Money(fen: 500_000),
                    otherExpenditure: .zero, balance: Money(fen: 1_234_567_890))
            ])
        #expect(data.deaths == [DeathRecord(personID: w2, deathDate: day("2023-07-01"), source: nil)])
        #expect(
            data.medicalInsurance == [
                MedicalInsuranceStay(
                    personID: w1, institutionID: "H1", admissionDate: day("2023-07-02"),
                    dischargeDate: day("2023-07-05"), amount: Money(fen: 80_000), invoiceNo: "MI-9")
            ])
        #expect(
            data.pensions == [
                PensionRecord(personID: w1, startDate: day("2009-12-31"), monthlyAmount: Money(fen: 350_000))
            ])
        #expect(
            data.healthVisits == [
                HealthVisit(personID: w1, institutionID: "H1", visitDate: day("2023-05-10"), diagnosis: "骨折, 左胫骨")
            ])
        #expect(
            data.trafficAccidents == [TrafficAccident(personID: w1, accidentDate: day("2023-05-10"), liability: .minor)]
        )
        #expect(data.imprisonments == [Imprisonment(personID: dep, startDate: day("2024-01-01"), endDate: nil)])
        let calendar = [
            CalendarDay(date: day("2024-10-01"), kind: .holiday, regionCode: nil),
            CalendarDay(date: day("2024-10-12"), kind: .holiday, regionCode: region("110100")),
        ]
        #expect(data.calendar == calendar)
        #expect(try store.calendarDays() == calendar)

        // The lookups read the same rows.
        #expect(try store.injuryCase(id: "C2")?.fatal == true)
        #expect(try store.injuryCase(id: "C9") == nil)
        #expect(try store.assessments(caseID: "C1").map(\.assessmentID) == ["A1", "A2"])
        #expect(try store.dependents(caseID: "C2").map(\.dependentID) == [dep])
        #expect(try store.payments(workerID: w2).map(\.paymentID) == ["P2"])
        #expect(try store.payments(caseID: "C1").map(\.paymentID) == ["P1"])
        #expect(try store.parameters().count == 2)
    }

    @Test("a table never imported is nil; an imported file with only a header is empty")
    func neverImportedIsNil() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("ext_deaths.csv", "person_id,death_date,source\n")
        let store = try dir.store()
        #expect(try store.loadDataSet().payments == nil)
        _ = try Importer(store: store).importDirectory(dir.data)
        let data = try store.loadDataSet()
        #expect(data.regions.count == 2)
        #expect(data.deaths == [])
        #expect(data.payments == nil)
        #expect(data.workers == nil)
        #expect(data.parameters == nil)
        #expect(try store.importedTables() == [.regions, .deaths])
    }

    @Test("a store reopened from its file sees the same data (the schema migrates once)")
    func reopen() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        do {
            let store = try dir.store()
            _ = try Importer(store: store).importDirectory(dir.data)
        }
        let reopened = try dir.store()
        #expect(try reopened.regions().count == 2)
        #expect(try reopened.importRuns(limit: 5).first?.files.map(\.rowsImported) == [2])
    }
}
