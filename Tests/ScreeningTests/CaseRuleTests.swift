import FundColumns
import FundModel
import Screening
import Testing

@Suite("R13 参保即出险")
struct R13Tests {
    @Test("accident 30 days after insured_since fires orange, 31 days does not; before or after the period is red")
    func window() async {
        let workers = [
            Fixture.worker(Fixture.person(1), insuredSince: "2025-05-02"),  // 30 days before 2025-06-01
            Fixture.worker(Fixture.person(2), insuredSince: "2025-05-01"),  // 31 days
            Fixture.worker(Fixture.person(3), insuredSince: "2025-06-02"),  // after the accident
            Fixture.worker(Fixture.person(4), insuredSince: "2020-01-01", insuredUntil: "2025-05-31"),
            Fixture.worker(Fixture.person(5), insuredSince: "2025-06-01"),  // same day: 0 days
            Fixture.worker(Fixture.person(6), insuredSince: nil),
        ]
        let cases = (1...7).map { Fixture.injuryCase("C\($0)", worker: Fixture.person($0), accident: "2025-06-01") }
        let report = await screen(Fixture.dataSet(workers: workers, cases: cases), ["R13"])
        #expect(report.severities("R13") == ["C1": .orange, "C3": .red, "C4": .red, "C5": .orange])
        let finding = report.findings.first { $0.subjectID == "C1" }
        #expect(finding?.findingID == "R13-case-C1" && finding?.subjectType == .case)
        #expect(finding?.evidence == [Fixture.person(1).raw])
    }

    @Test("without workers.csv R13 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(cases: []), ["R13"])
        #expect(report.rule("R13")?.notRun == .noData(missing: [.workers]))
    }
}

@Suite("R14 住院时间重叠")
struct R14Tests {
    static let w = Fixture.person(1)

    static func stay(_ id: String, _ start: String, _ end: String, _ institution: String?, paid: String = "2026-04-01")
        -> Payment
    {
        Fixture.payment(id, worker: w, paid: paid, start: start, end: end, institution: institution)
    }

    @Test("overlap of one night at different institutions fires orange on the later stay")
    func overlap() async {
        let payments = [
            Self.stay("A", "2026-03-01", "2026-03-10", "H1"),
            Self.stay("B", "2026-03-09", "2026-03-15", "H2"),  // 10 − 9 = 1 night
            Self.stay("C", "2026-03-15", "2026-03-20", "H3"),  // 15 − 15 = 0 nights with B
        ]
        let report = await screen(Fixture.dataSet(payments: payments), ["R14"])
        #expect(report.severities("R14") == ["B": .orange])
        #expect(report.findings.first?.evidence == ["A"])
    }

    @Test("no finding for the same institution, a stay of no night, or another item")
    func lookAlikes() async {
        let payments = [
            Self.stay("A", "2026-03-01", "2026-03-10", "H1"),
            Self.stay("SAME_H", "2026-03-05", "2026-03-12", "H1"),
            Self.stay("DAY_CASE", "2026-03-05", "2026-03-05", "H2"),
            Fixture.payment(
                "REHAB", worker: Self.w, item: "REHAB", start: "2026-03-02", end: "2026-03-08", institution: "H3"),
            Self.stay("NO_INST", "2026-03-02", "2026-03-08", nil),
            Fixture.payment(
                "OTHER_W", worker: Fixture.person(2), start: "2026-03-02", end: "2026-03-08", institution: "H4"),
        ]
        #expect(await screen(Fixture.dataSet(payments: payments), ["R14"]).findings.isEmpty)
    }

    @Test("equal starts: the later paid one fires; a stay overlapping two earlier ones lists both")
    func ordering() async {
        let payments = [
            Self.stay("X", "2026-03-01", "2026-03-05", "H1", paid: "2026-03-20"),
            Self.stay("Y", "2026-03-01", "2026-03-05", "H2", paid: "2026-03-10"),
            Self.stay("Z", "2026-03-03", "2026-03-08", "H3"),
        ]
        let report = await screen(Fixture.dataSet(payments: payments), ["R14"])
        #expect(report.severities("R14") == ["X": .orange, "Z": .orange])
        #expect(report.findings.first { $0.subjectID == "Z" }?.evidence == ["Y", "X"])
    }
}

@Suite("R15 供养亲属资格")
struct R15Tests {
    static let child = Fixture.person(60, born: "20080315")

    static func dependantPayment(_ id: String, month: String, dependent: PersonID = child) -> Payment {
        Fixture.payment(
            id, item: "DEPENDANT", paid: "\(month)-28", start: "\(month)-15", end: "\(month)-28", dependent: dependent)
    }

    @Test("rev. 2: a month is judged on its first day: the month of the 18th birthday is paid, the next fires")
    func age() async {
        let payments = [
            Fixture.payment(
                "DAY_BEFORE", item: "DEPENDANT", start: "2026-03-14", end: "2026-03-31", dependent: Self.child),
            Self.dependantPayment("BIRTHDAY", month: "2026-03"),
            Self.dependantPayment("NEXT_MONTH", month: "2026-04"),
        ]
        let data = Fixture.dataSet(payments: payments) {
            $0.dependents = [Fixture.dependent(Self.child, relation: .child, birth: "2008-03-15")]
        }
        let report = await screen(data, ["R15"])
        #expect(report.severities("R15") == ["NEXT_MONTH": .red])
        #expect(report.findings.first?.evidence == [Self.child.raw])
    }

    @Test("disabled children, spouses and parents are not limited by age; the birth date falls back to the id")
    func relations() async {
        let disabled = Fixture.person(61, born: "20000101")
        let spouse = Fixture.person(62, born: "19700101")
        let sibling = Fixture.person(63, born: "20000101")
        let payments = [
            Self.dependantPayment("DISABLED", month: "2026-03", dependent: disabled),
            Self.dependantPayment("SPOUSE", month: "2026-03", dependent: spouse),
            Self.dependantPayment("SIBLING", month: "2026-03", dependent: sibling),
        ]
        let data = Fixture.dataSet(payments: payments) {
            $0.dependents = [
                Fixture.dependent(disabled, relation: .child, birth: "2000-01-01", disabled: true),
                Fixture.dependent(spouse, relation: .spouse, birth: "1970-01-01"),
                Fixture.dependent(sibling, relation: .sibling, birth: nil),
            ]
        }
        #expect(await screen(data, ["R15"]).severities("R15") == ["SIBLING": .red])
    }

    @Test("past end_date fires; on end_date does not")
    func endDate() async {
        let spouse = Fixture.person(62, born: "19700101")
        let payments = [
            Fixture.payment("ON_END", item: "DEPENDANT", start: "2026-01-31", end: "2026-01-31", dependent: spouse),
            Fixture.payment("AFTER_END", item: "DEPENDANT", start: "2026-02-01", end: "2026-02-28", dependent: spouse),
        ]
        let data = Fixture.dataSet(payments: payments) {
            $0.dependents = [Fixture.dependent(spouse, relation: .spouse, end: "2026-01-31")]
        }
        let report = await screen(data, ["R15"])
        #expect(report.severities("R15") == ["AFTER_END": .red])
        let candidate = Fixture.payment(
            "NEW", item: "DEPENDANT", start: "2026-03-01", end: "2026-03-31", dependent: spouse)
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R15")
        #expect(realTime.count == 1 && realTime == batch)
    }
}

@Suite("R19 收款账户集中")
struct R19Tests {
    static func pay(
        _ id: String, worker: Int, account: String = "ACC", institution: String? = nil, yuan: String = "100"
    )
        -> Payment
    {
        Fixture.payment(
            id, worker: Fixture.person(worker), item: "NURSING", yuan: yuan, institution: institution, account: account)
    }

    @Test("3 distinct workers fire orange, 6 red, 2 nothing; institution payments and repeats do not count")
    func levels() async {
        let three = [
            Self.pay("A1", worker: 1), Self.pay("A2", worker: 2), Self.pay("A3", worker: 3, yuan: "50"),
            Self.pay("A4", worker: 3),
        ]
        let orange = await screen(Fixture.dataSet(payments: three), ["R19"])
        #expect(orange.severities("R19") == ["ACC": .orange])
        #expect(orange.findings.first?.amount == Money(yuan: 350))
        #expect(
            orange.findings.first?.findingID == Finding.stableID(ruleID: "R19", subjectType: .account, subjectID: "ACC")
        )
        #expect(orange.findings.first?.evidence == [1, 2, 3].map { Fixture.person($0).raw })

        let two = [Self.pay("B1", worker: 1), Self.pay("B2", worker: 2), Self.pay("B3", worker: 3, institution: "H1")]
        #expect(await screen(Fixture.dataSet(payments: two), ["R19"]).findings.isEmpty)

        let six = (1...6).map { Self.pay("C\($0)", worker: $0) }
        #expect(await screen(Fixture.dataSet(payments: six), ["R19"]).severities("R19") == ["ACC": .red])
    }

    @Test("the region is the one with most of the account's payments")
    func region() async {
        let payments = [
            Fixture.payment("1", worker: Fixture.person(1), account: "ACC", region: Fixture.otherCity),
            Fixture.payment("2", worker: Fixture.person(2), account: "ACC", region: Fixture.otherCity),
            Fixture.payment("3", worker: Fixture.person(3), account: "ACC", region: Fixture.city),
        ]
        #expect(
            await screen(Fixture.dataSet(payments: payments), ["R19"]).findings.first?.regionCode == Fixture.otherCity)
    }
}

@Suite("R20 认定申请超期")
struct R20Tests {
    @Test(
        "rev. 2: more than 30 days after the accident fires yellow whoever applied; the worker's 1 year + 1 day orange")
    func deadlines() async {
        let cases = [
            Fixture.injuryCase("E30", accident: "2025-06-01", applied: "2025-07-01", applicant: .employer),
            Fixture.injuryCase("E31", accident: "2025-06-01", applied: "2025-07-02", applicant: .employer),
            Fixture.injuryCase("W30", accident: "2025-06-01", applied: "2025-07-01", applicant: .worker),
            Fixture.injuryCase("W1Y", accident: "2025-06-01", applied: "2026-06-01", applicant: .worker),
            Fixture.injuryCase("W1Y1D", accident: "2025-06-01", applied: "2026-06-02", applicant: .relative),
            Fixture.injuryCase("U", accident: "2025-06-01", applied: "2025-12-01", applicant: .union),
            Fixture.injuryCase("E2Y", accident: "2025-06-01", applied: "2027-06-02", applicant: .employer),
        ]
        let report = await screen(Fixture.dataSet(payments: [], cases: cases), ["R20"])
        #expect(
            report.severities("R20") == [
                "E31": .yellow, "W1Y": .yellow, "W1Y1D": .orange, "U": .yellow, "E2Y": .yellow,
            ])
    }

    @Test(
        "the deadlines move off days off: National Day 2024 (30 days and 1 year end on 1 October → 8 October), a make-up Saturday stays"
    )
    func calendar() async {
        let cases = [
            // 2024-09-01 + 30 days = 2024-10-01, a holiday to 7 October: due 8 October.
            Fixture.injuryCase("E_DUE", accident: "2024-09-01", applied: "2024-10-08", applicant: .employer),
            Fixture.injuryCase("E_LATE", accident: "2024-09-01", applied: "2024-10-09", applicant: .employer),
            // 2024-09-12 + 30 days = 2024-10-12, a make-up working Saturday: not moved.
            Fixture.injuryCase("SAT_DUE", accident: "2024-09-12", applied: "2024-10-12", applicant: .employer),
            Fixture.injuryCase("SAT_LATE", accident: "2024-09-12", applied: "2024-10-13", applicant: .employer),
            // 2024-01-13 + 30 days = 2024-02-12, Spring Festival to 17 February: due Sunday 18 February (make-up).
            Fixture.injuryCase("SF_DUE", accident: "2024-01-13", applied: "2024-02-18", applicant: .employer),
            Fixture.injuryCase("SF_LATE", accident: "2024-01-13", applied: "2024-02-19", applicant: .employer),
            // The worker's year from 2023-10-01 ends on 2024-10-01: due 8 October.
            Fixture.injuryCase("Y_DUE", accident: "2023-10-01", applied: "2024-10-08", applicant: .worker),
            Fixture.injuryCase("Y_LATE", accident: "2023-10-01", applied: "2024-10-09", applicant: .worker),
        ]
        let report = await screen(Fixture.dataSet(payments: [], cases: cases), ["R20"])
        #expect(
            report.severities("R20") == [
                "E_LATE": .yellow, "SAT_LATE": .yellow, "SF_LATE": .yellow, "Y_DUE": .yellow, "Y_LATE": .orange,
            ])
        let late = report.findings.first { $0.subjectID == "E_LATE" }
        #expect(late?.detail.contains("2024-10-08") == true)
    }

    @Test("calendar.csv rows of the case's city, then its province, override the national days")
    func regionCalendar() async {
        let cases = [
            Fixture.injuryCase("CITY", accident: "2024-09-01", applied: "2024-10-09", applicant: .employer),
            Fixture.injuryCase(
                "OTHER", accident: "2024-09-01", applied: "2024-10-09", applicant: .employer,
                region: Fixture.otherCity),
            Fixture.injuryCase(
                "PROV", accident: "2024-09-12", applied: "2024-10-14", applicant: .employer,
                region: Fixture.otherCity),
        ]
        let data = Fixture.dataSet(payments: [], cases: cases) {
            $0.calendar = [
                // The city gives 8 October off: its deadline moves to the 9th.
                CalendarDay(date: Fixture.day("2024-10-08"), kind: .holiday, regionCode: Fixture.city),
                // The province does not work Saturday 12 October; the other city follows its province.
                CalendarDay(date: Fixture.day("2024-10-12"), kind: .holiday, regionCode: Fixture.province),
            ]
        }
        let report = await screen(data, ["R20"])
        #expect(report.severities("R20") == ["OTHER": .yellow])
    }

    @Test(
        "rev. 2 worked case: the fund's payments from the accident to acceptance, both days included, are at risk")
    func amountAtRisk() async {
        // Accident 2024-01-01, the worker applies 2024-03-01 (> 30 days: due 2024-01-31), accepted 2024-03-10.
        let cases = [
            Fixture.injuryCase(
                "C1", accident: "2024-01-01", applied: "2024-03-01", applicant: .worker, accepted: "2024-03-10",
                decided: "2024-04-01"),
            Fixture.injuryCase(
                "C2", accident: "2024-01-01", decision: .pending, applied: "2024-03-01", applicant: .employer,
                accepted: nil, decided: nil),
        ]
        let payments = [
            // A hospital bill from the accident day and an outpatient bill: both at risk.
            Fixture.payment("HOSPITAL", yuan: "8000", paid: "2024-02-20", start: "2024-01-01", end: "2024-01-20"),
            Fixture.payment("OUTPATIENT", yuan: "300", paid: "2024-02-10"),
            // A reversal inside the period nets; the acceptance day is included.
            Fixture.payment("REVERSAL", yuan: "-100", paid: "2024-02-10"),
            Fixture.payment("ON_ACCEPTANCE", yuan: "50", paid: "2024-03-10"),
            // After acceptance, an employer's item, another case: not counted.
            Fixture.payment("AFTER", yuan: "999", paid: "2024-03-11"),
            Fixture.payment("EMPLOYER_ITEM", item: "WAGE_CONTINUATION", yuan: "777", paid: "2024-02-01"),
            Fixture.payment("OTHER_CASE", yuan: "555", paid: "2024-02-01", caseID: "C9"),
            // The pending case: to the screening date.
            Fixture.payment("C2_EARLY", yuan: "10", paid: "2024-01-05", caseID: "C2"),
            Fixture.payment("C2_ASOF", yuan: "20", paid: "2026-09-30", caseID: "C2"),
            Fixture.payment("C2_LATER", yuan: "40", paid: "2026-10-01", caseID: "C2"),
        ]
        let report = await screen(Fixture.dataSet(payments: payments, cases: cases), ["R20"], asOf: "2026-09-30")
        #expect(report.severities("R20") == ["C1": .yellow, "C2": .yellow])
        let c1 = report.findings.first { $0.subjectID == "C1" }
        #expect(c1?.amount == Money(yuan: 8250))
        #expect(Set(c1?.evidence ?? []) == ["HOSPITAL", "OUTPATIENT", "REVERSAL", "ON_ACCEPTANCE"])
        #expect(c1?.detail.contains("2024-01-31") == true)
        let c2 = report.findings.first { $0.subjectID == "C2" }
        #expect(c2?.amount == Money(yuan: 30) && Set(c2?.evidence ?? []) == ["C2_EARLY", "C2_ASOF"])
    }
}

@Suite("R21 认定办理超时")
struct R21Tests {
    @Test(
        "decided 61 days after acceptance or pending 61 days on the screening date fire yellow; 60 days and suspended do not"
    )
    func clock() async {
        let cases = [
            Fixture.injuryCase("D60", accepted: "2025-06-01", decided: "2025-07-31"),
            Fixture.injuryCase("D61", accepted: "2025-06-01", decided: "2025-08-01"),
            Fixture.injuryCase("P60", decision: .pending, accepted: "2026-08-01", decided: nil),
            Fixture.injuryCase("P61", decision: .pending, accepted: "2026-07-31", decided: nil),
            Fixture.injuryCase("SUSP", decision: .suspended, accepted: "2025-01-01", decided: nil),
            Fixture.injuryCase("NOT_ACCEPTED", decision: .pending, accepted: nil, decided: nil),
        ]
        let report = await screen(Fixture.dataSet(cases: cases), ["R21"], asOf: "2026-09-30")
        #expect(report.severities("R21") == ["D61": .yellow, "P61": .yellow])
    }

    @Test("the 60th day moves off National Day 2024 (1 October → 8 October), for decided and pending cases")
    func calendar() async {
        let cases = [
            Fixture.injuryCase("D_DUE", accepted: "2024-08-02", decided: "2024-10-08"),
            Fixture.injuryCase("D_LATE", accepted: "2024-08-02", decided: "2024-10-09"),
            Fixture.injuryCase("P", decision: .pending, accepted: "2024-08-02", decided: nil),
        ]
        let onDue = await screen(Fixture.dataSet(cases: cases), ["R21"], asOf: "2024-10-08")
        #expect(onDue.severities("R21") == ["D_LATE": .yellow])
        let after = await screen(Fixture.dataSet(cases: cases), ["R21"], asOf: "2024-10-09")
        #expect(after.severities("R21") == ["D_LATE": .yellow, "P": .yellow])
        #expect(after.findings.first { $0.subjectID == "P" }?.detail.contains("2024-10-08") == true)
    }
}

@Suite("R24 服刑期间领取待遇")
struct R24Tests {
    static let w = Fixture.person(1)
    static let dep = Fixture.person(70)

    static func data(_ payments: [Payment]) -> DataSet {
        Fixture.dataSet(payments: payments) {
            $0.imprisonments = [
                Imprisonment(personID: dep, startDate: Fixture.day("2026-01-01"), endDate: Fixture.day("2026-03-31")),
                Imprisonment(personID: w, startDate: Fixture.day("2026-05-01"), endDate: nil),
            ]
        }
    }

    static let payments = [
        Fixture.payment("DEP_IN", worker: w, item: "DEPENDANT", start: "2026-03-31", end: "2026-03-31", dependent: dep),
        Fixture.payment(
            "DEP_OUT", worker: w, item: "DEPENDANT", start: "2026-04-01", end: "2026-04-30", dependent: dep),
        Fixture.payment("WORKER_IN", worker: w, item: "DISABILITY_MONTHLY", start: "2026-06-01", end: "2026-06-30"),
        Fixture.payment("NURSING_IN", worker: w, item: "NURSING", start: "2026-05-01", end: "2026-05-31"),
        Fixture.payment("WORKER_BEFORE", worker: w, item: "NURSING", start: "2026-04-30", end: "2026-04-30"),
        Fixture.payment("MED_IN", worker: w, item: "MED", start: "2026-06-01", end: "2026-06-03"),
    ]

    @Test("a dependant in prison fires orange, a worker's monthly benefits in prison yellow")
    func levels() async {
        let report = await screen(Self.data(Self.payments), ["R24"])
        #expect(report.severities("R24") == ["DEP_IN": .orange, "WORKER_IN": .yellow, "NURSING_IN": .yellow])
    }

    @Test("check_worker: false switches the worker part off")
    func switchOff() async {
        let configuration = Fixture.yaml("rules:\n  R24:\n    params:\n      check_worker: false\n")
        let report = await screen(Self.data(Self.payments), ["R24"], configuration: configuration)
        #expect(report.severities("R24") == ["DEP_IN": .orange])
    }
}
