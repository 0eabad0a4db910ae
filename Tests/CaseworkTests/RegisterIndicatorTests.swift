import FundColumns
import FundModel
import FundStore
import Screening
import Testing

@testable import Casework

/// The determination register read by the store for screening (I07), against the register's own on-time rate.
@Suite("I07 from the determination register")
struct RegisterIndicatorTests {
    /// ON: accepted 5 March, suspended 20 March – 20 April (31 days), decided 1 June: 88 days, due 4 June net of
    /// the suspension, on time. LATE: accepted 1 May, decided 15 July (75 days). OVERDUE: accepted 1 September,
    /// undecided, due 31 October. SUSP: suspended since 15 September. NEW: accepted 1 December, due in 2025.
    static func register(_ db: TestStore) throws -> DeterminationRegister {
        let register = db.casework().determinations
        for (id, applied) in [
            ("ON", "2024-03-01"), ("LATE", "2024-04-28"), ("OVERDUE", "2024-08-30"), ("SUSP", "2024-08-30"),
            ("NEW", "2024-11-30"),
        ] {
            try register.open(T.application(id), act: T.act(applied))
        }
        try register.apply(.accept(clearCase: false), caseID: "ON", act: T.act("2024-03-05"))
        try register.apply(.suspend(awaiting: "法院判决"), caseID: "ON", act: T.act("2024-03-20", reason: "劳动关系有争议"))
        try register.apply(.resume, caseID: "ON", act: T.act("2024-04-20"))
        try register.apply(T.recognized14_1, caseID: "ON", act: T.act("2024-06-01"))
        try register.apply(.accept(clearCase: false), caseID: "LATE", act: T.act("2024-05-01"))
        try register.apply(T.recognized14_1, caseID: "LATE", act: T.act("2024-07-15"))
        try register.apply(.accept(clearCase: false), caseID: "OVERDUE", act: T.act("2024-09-01"))
        try register.apply(.accept(clearCase: false), caseID: "SUSP", act: T.act("2024-09-01"))
        try register.apply(.suspend(awaiting: "仲裁"), caseID: "SUSP", act: T.act("2024-09-15", reason: "劳动关系有争议"))
        try register.apply(.accept(clearCase: false), caseID: "NEW", act: T.act("2024-12-01"))
        return register
    }

    static func importedCase(_ id: String, accepted: String, decided: String) -> InjuryCase {
        InjuryCase(
            caseID: id, workerID: T.worker, employerID: T.employer, regionCode: T.city,
            accidentDate: T.day("2024-01-10"), kind: .injury, appliedDate: T.day("2024-01-20"), applicant: .employer,
            acceptedDate: T.day(accepted), decidedDate: T.day(decided), decision: .recognized, fatal: false,
            ownWage: nil, thirdParty: false, description: "")
    }

    @Test("the store's rows give the register's own on-time rate, plus the imported cases it does not hold")
    func sameAsOnTimeRates() async throws {
        let db = try TestStore()
        let register = try Self.register(db)
        let rates = try register.onTimeRates(from: T.day("2024-01-01"), to: T.today, asOf: T.today)
        #expect(rates.count == 1)
        let rate = try #require(rates.first)
        #expect(rate.onTime == 1 && rate.late == 1 && rate.overduePending == 1)

        var data = DataSet()
        data.regions = [
            Region(code: T.province, name: "某某省", level: .province, parentCode: nil),
            Region(code: T.city, name: "甲市", level: .city, parentCode: T.province),
            Region(code: T.otherCity, name: "乙市", level: .city, parentCode: T.province),
        ]
        // LATE was imported as decided in time by the city system: the register's dates count, once.
        data.cases = [
            Self.importedCase("LATE", accepted: "2024-05-01", decided: "2024-05-20"),
            Self.importedCase("IMP", accepted: "2024-02-01", decided: "2024-03-01"),
        ]
        let registers = RegisterFacts(determinations: try db.store.determinationTimingRows(asOf: T.today))
        #expect(registers.determinations.count == 5)
        let report = await ScreeningEngine().run(Snapshot(data), asOf: T.today, only: ["I07"], registers: registers)
        // (1 on time + IMP) / (1 + 1 late + 1 overdue + IMP) = 2 / 4.
        let value = report.indicatorValues.first {
            $0.regionCode == T.city && $0.period == .trailing12(YearMonth(year: 2024, month: 12)!)
        }?.value
        #expect(value == Decimal4(50))
        #expect(report.findings.map(\.findingID) == ["I07-region-110000", "I07-region-110100"])
    }

    @Test("as of an earlier day, later steps are not yet taken")
    func asOfEarlier() throws {
        let db = try TestStore()
        _ = try Self.register(db)
        let rows = Dictionary(
            uniqueKeysWithValues: try db.store.determinationTimingRows(asOf: T.day("2024-04-01")).map {
                ($0.caseID, $0)
            }
        )
        // ON was suspended on 20 March and not resumed yet: 12 days so far, suspended now.
        #expect(
            rows["ON"]
                == DeterminationTimingRow(
                    caseID: "ON", regionCode: T.city, acceptedDate: T.day("2024-03-05"), decidedDate: nil,
                    suspendedDays: 12, suspendedNow: true))
        #expect(rows["LATE"]?.acceptedDate == nil && rows["LATE"]?.decidedDate == nil)
        let decided = try #require(try db.store.determinationTimingRows(asOf: T.today).first { $0.caseID == "ON" })
        #expect(decided.decidedDate == T.day("2024-06-01") && decided.suspendedDays == 31 && !decided.suspendedNow)
    }
}
