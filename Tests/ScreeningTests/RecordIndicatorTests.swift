import FundColumns
import FundModel
import Screening
import Testing

private let trailing = IndicatorPeriod.trailing12(Fixture.month("2026-09"))

@Suite("I04 案均医疗费")
struct I04Tests {
    /// City A: one case paid `a` yuan; city B: three cases paid 5 000 in all (one of them twice).
    static func data(a: String, extra: [Payment] = [], extraCases: [InjuryCase] = []) -> DataSet {
        let cases =
            ["CA1", "CB1", "CB2", "CB3"].map { Fixture.injuryCase($0) }
            + [Fixture.injuryCase("CR", decision: .rejected)] + extraCases
        let payments =
            [
                Fixture.payment("A1", yuan: a, paid: "2026-03-10", caseID: "CA1"),
                Fixture.payment("B1", yuan: "1000", paid: "2025-10-01", caseID: "CB1", region: Fixture.otherCity),
                Fixture.payment("B2", yuan: "1000", paid: "2026-09-30", caseID: "CB1", region: Fixture.otherCity),
                Fixture.payment("B3", yuan: "1500", paid: "2026-01-10", caseID: "CB2", region: Fixture.otherCity),
                Fixture.payment("B4", yuan: "1500", paid: "2026-01-10", caseID: "CB3", region: Fixture.otherCity),
            ] + extra
        return Fixture.dataSet(payments: payments, cases: cases)
    }

    @Test("exactly 1.5 × the province (3 000 against 8 000 / 4 cases) is no warning; 3 000.01 is yellow")
    func boundary() async throws {
        let at = await screen(Self.data(a: "3000"), ["I04"])
        #expect(at.findings.isEmpty)
        #expect(at.indicator("I04", Fixture.city, trailing)?.value == Decimal4(3000))
        #expect(at.indicator("I04", Fixture.otherCity, trailing)?.value == Decimal4.of("1666.6667"))
        #expect(at.indicator("I04", Fixture.province, trailing)?.value == Decimal4(2000))
        let above = await screen(Self.data(a: "3000.01"), ["I04"])
        #expect(above.severities("I04") == ["320100": .yellow])
        #expect(try #require(above.findings.first).findingID == "I04-region-320100")
    }

    @Test("rejected cases, advance payments without a case, other items and payments outside the window are left out")
    func lookAlikes() async {
        let extra = [
            Fixture.payment("REJ", yuan: "100000", paid: "2026-03-10", caseID: "CR", region: Fixture.otherCity),
            Fixture.payment(
                "ADV", yuan: "100000", paid: "2026-03-10", caseID: nil, region: Fixture.otherCity, advance: true),
            Fixture.payment(
                "REHAB", item: "REHAB", yuan: "100000", paid: "2026-03-10", caseID: "CB1", region: Fixture.otherCity),
            Fixture.payment("OLD", yuan: "100000", paid: "2025-09-30", caseID: "CB2", region: Fixture.otherCity),
            Fixture.payment("LATER", yuan: "100000", paid: "2026-10-01", caseID: "CB2", region: Fixture.otherCity),
        ]
        let report = await screen(Self.data(a: "3000", extra: extra), ["I04"])
        #expect(report.findings.isEmpty)
        #expect(report.indicator("I04", Fixture.province, trailing)?.value == Decimal4(2000))
        // The payment of 2025-09-30 is in the window a year earlier.
        #expect(
            report.indicator("I04", Fixture.otherCity, .trailing12(Fixture.month("2025-09")))?.value == Decimal4(100000)
        )
    }

    @Test("without injury_cases.csv I04 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(payments: []), ["I04"])
        #expect(report.rule("I04")?.notRun == .noData(missing: [.injuryCases]))
    }
}

@Suite("I05 一至四级伤残占比")
struct I05Tests {
    static func batch(_ prefix: String, count: Int, severe: Int, region: RegionCode, concluded: String = "2026-03-01")
        -> [Assessment]
    {
        (0..<count).map { i in
            Fixture.assessment("\(prefix)\(i)", concluded: concluded, grade: i < severe ? 4 : 9, region: region)
        }
    }

    @Test("exactly 2 × the province is no warning; above is orange")
    func boundary() async throws {
        let a = Self.batch("A", count: 10, severe: 2, region: Fixture.city)
        // B 10 without grades 1–4: the province's share is 10 %, A's 20 % = 2 ×.
        let at = await screen(
            Fixture.dataSet { $0.assessments = a + Self.batch("B", count: 10, severe: 0, region: Fixture.otherCity) },
            ["I05"])
        #expect(at.findings.isEmpty)
        #expect(at.indicator("I05", Fixture.city, trailing)?.value == Decimal4(20))
        // B 11: the province's share is 2 / 21 = 9.5238 %, and 20 % > 19.0476 %.
        let above = await screen(
            Fixture.dataSet { $0.assessments = a + Self.batch("B", count: 11, severe: 0, region: Fixture.otherCity) },
            ["I05"])
        #expect(above.severities("I05") == ["320100": .orange])
        #expect(above.indicator("I05", Fixture.city, trailing)?.provinceValue == Decimal4.of("9.5238"))
    }

    @Test("second and review assessments, pending ones and those concluded outside the window are not counted")
    func lookAlikes() async {
        let a = Self.batch("A", count: 10, severe: 2, region: Fixture.city)
        let b = Self.batch("B", count: 10, severe: 0, region: Fixture.otherCity)
        let others = [
            Fixture.assessment("SECOND", kind: .second, concluded: "2026-03-01", grade: 1),
            Fixture.assessment("REVIEW", kind: .review, concluded: "2026-03-01", grade: 1),
            Fixture.assessment("PENDING", concluded: nil, grade: nil),
            Fixture.assessment("OLD", concluded: "2025-09-30", grade: 1),
        ]
        let report = await screen(Fixture.dataSet { $0.assessments = a + b + others }, ["I05"])
        #expect(report.findings.isEmpty)
        #expect(report.indicator("I05", Fixture.city, trailing)?.value == Decimal4(20))
    }
}

@Suite("I06 手工报销占比")
struct I06Tests {
    static func med(_ id: String, _ yuan: String, _ channel: Channel, _ region: RegionCode, item: String = "MED")
        -> Payment
    {
        Fixture.payment(id, item: item, yuan: yuan, paid: "2026-05-01", channel: channel, region: region)
    }

    @Test("30 % is no warning; 30.001 % is yellow; other items do not count; the share is by amount")
    func boundary() async throws {
        let payments = [
            Self.med("A1", "300", .reimbursement, Fixture.city), Self.med("A2", "700", .direct, Fixture.city),
            Self.med("A3", "5000", .reimbursement, Fixture.city, item: "REHAB"),
            Self.med("B1", "300.01", .reimbursement, Fixture.otherCity),
            Self.med("B2", "699.99", .direct, Fixture.otherCity),
            Self.med("C1", "1000", .direct, Fixture.thirdCity),
        ]
        var data = Fixture.dataSet(payments: payments)
        data.regions = Fixture.fourCities
        let report = await screen(data, ["I06"])
        #expect(report.severities("I06") == ["320200": .yellow])
        #expect(report.indicator("I06", Fixture.city, trailing)?.value == Decimal4(30))
        #expect(report.indicator("I06", Fixture.otherCity, trailing)?.value == Decimal4.of("30.001"))
        // Province: 600.01 / 3 000.
        #expect(report.indicator("I06", Fixture.province, trailing)?.value == Decimal4.of("20.0003"))
        #expect(
            report.indicator("I06", Fixture.province, .month(Fixture.month("2026-05")))?.value == Decimal4.of("20.0003")
        )
        #expect(report.indicator("I06", Fixture.province, .month(Fixture.month("2026-04")))?.value == nil)
    }

    @Test("without payments.csv I06 is not run (no data)")
    func noData() async {
        #expect(await screen(Fixture.dataSet(), ["I06"]).rule("I06")?.notRun == .noData(missing: [.payments]))
    }
}

@Suite("I07 认定按时办结率")
struct I07Tests {
    /// A case of `region` accepted on 2026-01-01 and decided `days` later.
    static func decided(_ id: String, days: Int, region: RegionCode) -> InjuryCase {
        Fixture.injuryCase(
            id, accepted: "2026-01-01", decided: Fixture.day("2026-01-01").adding(days: days).iso, region: region)
    }

    static func cases(onTimeA: Int, onTimeB: Int) -> [InjuryCase] {
        (0..<10).map { Self.decided("A\($0)", days: $0 < onTimeA ? 60 : 61, region: Fixture.city) }
            + (0..<10).map { Self.decided("B\($0)", days: $0 < onTimeB ? 60 : 61, region: Fixture.otherCity) }
    }

    @Test("90 % (60 days counts as on time, 61 does not) is no warning; 80 % is yellow, and so is the province at 85 %")
    func boundary() async {
        let report = await screen(Fixture.dataSet(cases: Self.cases(onTimeA: 9, onTimeB: 8)), ["I07"])
        #expect(report.severities("I07") == ["320200": .yellow, "320000": .yellow])
        #expect(report.indicator("I07", Fixture.city, trailing)?.value == Decimal4(90))
        #expect(report.indicator("I07", Fixture.province, trailing)?.value == Decimal4(85))
    }

    @Test("pending, unaccepted and earlier-decided cases are not counted")
    func lookAlikes() async {
        let extra = [
            Fixture.injuryCase(
                "PENDING", decision: .pending, accepted: "2026-01-01", decided: nil, region: Fixture.city),
            Fixture.injuryCase("UNACCEPTED", accepted: nil, decided: "2026-06-01", region: Fixture.city),
            Fixture.injuryCase("OLD", accepted: "2025-01-01", decided: "2025-09-30", region: Fixture.city),
        ]
        let report = await screen(Fixture.dataSet(cases: Self.cases(onTimeA: 10, onTimeB: 10) + extra), ["I07"])
        #expect(report.findings.isEmpty)
        #expect(report.indicator("I07", Fixture.city, trailing)?.value == Decimal4(100))
    }

    @Test("a city's days count for the city; the province keeps its own")
    func cityDays() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320200":
                indicators:
                  I07:
                    params:
                      days: 61
            """)
        let report = await screen(
            Fixture.dataSet(cases: Self.cases(onTimeA: 9, onTimeB: 8)), ["I07"], configuration: configuration)
        #expect(report.severities("I07") == ["320000": .yellow])
        #expect(report.indicator("I07", Fixture.otherCity, trailing)?.value == Decimal4(100))
    }

    @Test("the 60th day moves off National Day 2025 (1 October → 9 October, 国办发明电〔2024〕12号)")
    func calendar() async {
        // Accepted 2025-08-02: the 60th day is 2025-10-01, a holiday to 8 October.
        let cases = (0..<10).map {
            Fixture.injuryCase(
                "N\($0)", accepted: "2025-08-02", decided: $0 < 9 ? "2025-10-09" : "2025-10-10", region: Fixture.city)
        }
        let report = await screen(Fixture.dataSet(cases: cases), ["I07"])
        #expect(report.indicator("I07", Fixture.city, trailing)?.value == Decimal4(90))
        #expect(report.findings.isEmpty)
    }
}

@Suite("Indicators without their data")
struct IndicatorNoDataTests {
    @Test(
        "an indicator whose table is missing is not run (no data)",
        arguments: [
            ("I01", [Table.fundLedger]), ("I02", [.fundLedger]), ("I03", [.fundLedger]),
            ("I04", [.payments, .injuryCases]), ("I05", [.assessments]), ("I06", [.payments]),
            ("I07", [.injuryCases]),
        ])
    func noData(_ id: String, _ missing: [Table]) async {
        let report = await screen(Fixture.dataSet(), [id])
        #expect(report.rule(id)?.notRun == .noData(missing: missing))
        #expect(report.indicatorValues.isEmpty)
    }

    @Test("with its table but no rows, an indicator runs, reports undefined figures and no finding")
    func emptyTables() async {
        var data = Fixture.dataSet(payments: [], cases: []) { $0.assessments = [] }
        data.fundLedger = []
        let ids = ["I01", "I02", "I03", "I04", "I05", "I06", "I07"]
        let report = await screen(data, ids)
        #expect(ids.allSatisfy { report.rule($0)?.ran == true })
        #expect(report.findings.isEmpty)
        #expect(!report.indicatorValues.isEmpty && report.indicatorValues.allSatisfy { $0.value == nil })
    }
}
