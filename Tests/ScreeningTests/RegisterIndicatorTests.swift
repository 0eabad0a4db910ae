import FundColumns
import FundModel
import Screening
import Testing

private let current = IndicatorPeriod.trailing12(Fixture.month("2026-09"))
private let previous = IndicatorPeriod.trailing12(Fixture.month("2025-09"))

/// Runs the engine with the registers, as of 2026-09-30 unless told.
private func screen(
    _ registers: RegisterFacts?, _ rules: [String], data: DataSet = Fixture.dataSet(cases: []),
    configuration: RulesConfiguration = .default
) async -> ScreeningReport {
    await ScreeningEngine(configuration: configuration).run(
        Snapshot(data), asOf: Fixture.day("2026-09-30"), only: Set(rules), registers: registers)
}

/// A finding of `region` raised on `raised`, concluded on `concluded` if given.
private func verification(
    _ id: String, _ region: RegionCode, raised: String, concluded: String? = nil,
    _ conclusion: FindingVerificationRow.Conclusion? = nil, yuan: String = "0",
    recoveries: [(String, String)] = []
) -> FindingVerificationRow {
    FindingVerificationRow(
        findingID: id, regionCode: region, raisedDate: Fixture.day(raised), concludedDate: concluded.map(Fixture.day),
        conclusion: concluded == nil ? nil : conclusion ?? .cleared, confirmedAmount: try! Money(yuan: yuan),
        recoveries: recoveries.map { .init(day: Fixture.day($0.0), amount: try! Money(yuan: $0.1)) })
}

@Suite("I08 疑点核查完成率")
struct I08Tests {
    /// City 甲: four findings due in May and verified within 45 days, one raised 61 days before the screening
    /// date and open; one exactly 60 days old and one 59 days old, both open and not due yet: 4 / 5 = 80 %.
    /// City 乙: four due (raised 10 January, and 1 June), one verified within 60 days, one after (90 days), one
    /// open, one concluded only after the screening date: 2 / 4 = 50 %. Province: 6 / 9.
    static let rows: [FindingVerificationRow] =
        (1...4).map { verification("A\($0)", Fixture.city, raised: "2026-03-01", concluded: "2026-04-15") } + [
            verification("A5", Fixture.city, raised: "2026-07-31"),
            verification("A6", Fixture.city, raised: "2026-08-01"),
            verification("A7", Fixture.city, raised: "2026-08-02"),
            verification("B1", Fixture.otherCity, raised: "2026-01-10", concluded: "2026-02-01"),
            verification("B2", Fixture.otherCity, raised: "2026-01-10", concluded: "2026-04-10", .irregular),
            verification("B3", Fixture.otherCity, raised: "2026-01-10"),
            verification("B4", Fixture.otherCity, raised: "2026-06-01", concluded: "2026-10-05"),
        ]

    @Test("older than 60 days counts (61 does, 60 and 59 do not); exactly 80 % is no warning, 50 % is yellow")
    func boundary() async throws {
        let report = await screen(RegisterFacts(verifications: Self.rows), ["I08"])
        #expect(report.rule("I08")?.ran == true)
        #expect(report.indicator("I08", Fixture.city, current)?.value == Decimal4(80))
        #expect(report.indicator("I08", Fixture.otherCity, current)?.value == Decimal4(50))
        #expect(report.indicator("I08", Fixture.province, current)?.value == Decimal4.of("66.6667"))
        #expect(report.severities("I08") == ["320200": .yellow, "320000": .yellow])
        // By the month the finding fell due: A1–A4 on 1 May, A5 on 30 September.
        #expect(report.indicator("I08", Fixture.city, .month(Fixture.month("2026-05")))?.value == Decimal4(100))
        #expect(report.indicator("I08", Fixture.city, .month(Fixture.month("2026-09")))?.value == Decimal4(0))
        let finding = try #require(report.findings(of: "I08").first { $0.subjectID == "320200" })
        #expect(finding.findingID == "I08-region-320200" && finding.subjectType == .region)
        #expect(finding.detail.contains("发现满 60 天应完成核查的疑点 4 条，已核查办结 2 条（其中超过 60 天办结 1 条），尚未办结 2 条"))
        #expect(finding.detail.contains("核查完成率 50%"))
    }

    @Test("a city's levels and days override the province's for the city only")
    func cityOverride() async {
        let levels = Fixture.yaml(
            """
            cities:
              "320100":
                indicators:
                  I08:
                    levels:
                      yellow: 85
            """)
        let stricter = await screen(RegisterFacts(verifications: Self.rows), ["I08"], configuration: levels)
        #expect(stricter.severities("I08") == ["320100": .yellow, "320200": .yellow, "320000": .yellow])

        // With 59 days, 甲's finding raised 60 days before is due too: 4 / 6; the province keeps 60 days.
        let days = Fixture.yaml(
            """
            cities:
              "320100":
                indicators:
                  I08:
                    params:
                      days: 59
            """)
        let shorter = await screen(RegisterFacts(verifications: Self.rows), ["I08"], configuration: days)
        #expect(shorter.indicator("I08", Fixture.city, current)?.value == Decimal4.of("66.6667"))
        #expect(shorter.indicator("I08", Fixture.province, current)?.value == Decimal4.of("66.6667"))
        #expect(shorter.severities("I08")["320100"] == .yellow)
    }

    @Test("a county counts for its city, the province's own code for the province, another province not at all")
    func regions() async {
        let rows = [
            verification("COUNTY", RegionCode("320102")!, raised: "2026-03-01"),
            verification("PROV", Fixture.province, raised: "2026-03-01", concluded: "2026-03-20"),
            verification("ELSEWHERE", RegionCode("330100")!, raised: "2026-03-01", concluded: "2026-03-20"),
            verification("OLD", Fixture.city, raised: "2025-03-01"),
        ]
        let report = await screen(RegisterFacts(verifications: rows), ["I08"])
        #expect(report.indicator("I08", Fixture.city, current)?.value == Decimal4(0))
        #expect(report.indicator("I08", Fixture.province, current)?.value == Decimal4(50))
        #expect(report.indicator("I08", Fixture.otherCity, current)?.value == nil)
        // OLD fell due on 1 May 2025: the window a year earlier.
        #expect(report.indicator("I08", Fixture.city, previous)?.value == Decimal4(0))
    }
}

@Suite("I09 违规确认与追回金额")
struct I09Tests {
    @Test("confirmations by the day concluded, recoveries by the day registered; reported, never a finding")
    func figures() async throws {
        let rows = [
            verification(
                "V1", Fixture.city, raised: "2026-02-01", concluded: "2026-03-10", .irregular, yuan: "1000",
                recoveries: [("2026-04-01", "300"), ("2026-10-02", "200")]),
            verification(
                "V2", Fixture.city, raised: "2026-04-01", concluded: "2026-05-05", .fraud, yuan: "5000",
                recoveries: [("2026-06-01", "5000")]),
            verification("V3", Fixture.city, raised: "2026-02-01", concluded: "2026-03-01", .cleared),
            verification(
                "V4", RegionCode("320105")!, raised: "2025-07-01", concluded: "2025-08-15", .irregular, yuan: "800",
                recoveries: [("2025-12-01", "800")]),
        ]
        let report = await screen(RegisterFacts(verifications: rows), ["I09"])
        let line = try #require(report.rule("I09"))
        #expect(line.ran && line.findingCount == 0)
        #expect(report.findings.isEmpty)
        // 甲: recovered 300 + 5 000 + 800 in the current window (200 is after the screening date).
        #expect(report.indicator("I09", Fixture.city, current)?.value == Decimal4(6100))
        #expect(report.indicator("I09", Fixture.province, current)?.value == Decimal4(6100))
        #expect(report.indicator("I09", Fixture.otherCity, current)?.value == Decimal4(0))
        #expect(report.indicator("I09", Fixture.city, previous)?.value == Decimal4(0))
        #expect(report.indicator("I09", Fixture.city, .month(Fixture.month("2026-06")))?.value == Decimal4(5000))
        #expect(report.indicatorValues.allSatisfy { $0.severity == nil })
        #expect(
            line.notes == [
                "甲市近 12 个月（2025-10..2026-09）核查确认违规 2 条（其中欺诈骗保 1 条），确认金额 6000.00 元，追回 6100.00 元",
                "某某省近 12 个月（2025-10..2026-09）核查确认违规 2 条（其中欺诈骗保 1 条），确认金额 6000.00 元，追回 6100.00 元",
            ])
    }
}

@Suite("I08, I09 without the registers")
struct RegisterNoDataTests {
    @Test("without the registers I08 and I09 are not run (no data), never passed silently")
    func noRegisters() async {
        let report = await screen(nil, ["I08", "I09"])
        #expect(report.rule("I08")?.notRun == .noRegisters)
        #expect(report.rule("I09")?.notRun == .noRegisters)
        #expect(report.indicatorValues.isEmpty)
        #expect(report.summaryTable().contains("I08 疑点核查完成率: 无数据 no data"))
    }

    @Test("with empty registers they run: I08 undefined everywhere, I09 nothing recovered, no finding")
    func emptyRegisters() async {
        let report = await screen(RegisterFacts(), ["I08", "I09"])
        #expect(report.rule("I08")?.ran == true && report.rule("I09")?.ran == true)
        #expect(report.findings.isEmpty)
        let i08 = report.indicatorValues.filter { $0.indicatorID == "I08" }
        #expect(!i08.isEmpty && i08.allSatisfy { $0.value == nil })
        #expect(report.indicator("I09", Fixture.province, current)?.value == Decimal4(0))
    }

    @Test("switched off, I08 says so rather than no data")
    func disabled() async {
        let off = Fixture.yaml("indicators:\n  I08:\n    enabled: false\n")
        #expect(await screen(nil, ["I08"], configuration: off).rule("I08")?.notRun == .disabled)
    }
}

@Suite("I07 with the determination register")
struct I07RegisterTests {
    /// 甲: ten imported cases decided 60 days after acceptance (on time); the register holds A0 (decided 73 days
    /// after acceptance with 10 days suspended: late), REG1 (70 days with 10 suspended: on time, exactly), REG2
    /// (undecided, its 60 days ran out on 31 July: against), REG3 (60 days run out on the screening date itself:
    /// not yet), REG4 (suspended now), REG5 (not accepted). 乙: ten imported cases on time.
    static let registers = RegisterFacts(determinations: [
        DeterminationTimingRow(
            caseID: "A0", regionCode: Fixture.city, acceptedDate: Fixture.day("2026-01-01"),
            decidedDate: Fixture.day("2026-03-15"), suspendedDays: 10),
        DeterminationTimingRow(
            caseID: "REG1", regionCode: Fixture.city, acceptedDate: Fixture.day("2026-02-01"),
            decidedDate: Fixture.day("2026-04-12"), suspendedDays: 10),
        DeterminationTimingRow(
            caseID: "REG2", regionCode: Fixture.city, acceptedDate: Fixture.day("2026-06-01"), decidedDate: nil),
        DeterminationTimingRow(
            caseID: "REG3", regionCode: Fixture.city, acceptedDate: Fixture.day("2026-08-01"), decidedDate: nil),
        DeterminationTimingRow(
            caseID: "REG4", regionCode: Fixture.city, acceptedDate: Fixture.day("2026-01-01"), decidedDate: nil,
            suspendedDays: 5, suspendedNow: true),
        DeterminationTimingRow(caseID: "REG5", regionCode: Fixture.city, acceptedDate: nil, decidedDate: nil),
    ])

    @Test("a case in the register counts from it, net of suspensions, overdue undecided against; never twice")
    func combined() async throws {
        let data = Fixture.dataSet(cases: I07Tests.cases(onTimeA: 10, onTimeB: 10))
        // Without the register: everything on time.
        let imported = await screen(nil, ["I07"], data: data)
        #expect(imported.indicator("I07", Fixture.city, current)?.value == Decimal4(100))
        // With it: A1–A9 and REG1 on time, A0 late, REG2 overdue: 10 / 12.
        let report = await screen(Self.registers, ["I07"], data: data)
        #expect(report.indicator("I07", Fixture.city, current)?.value == Decimal4.of("83.3333"))
        #expect(report.indicator("I07", Fixture.province, current)?.value == Decimal4.of("90.9091"))
        #expect(report.severities("I07") == ["320100": .yellow])
        // REG2 counts in July, the month its 60 days ran out.
        #expect(report.indicator("I07", Fixture.city, .month(Fixture.month("2026-07")))?.value == Decimal4(0))
        let detail = try #require(report.findings(of: "I07").first).detail
        #expect(detail.contains("作出认定决定及逾期未决 12 件（其中认定台账 3 件，扣除中止时间计算，逾期未决 1 件计为未按时）"))
        #expect(detail.contains("受理后 60 天内办结 10 件"))
    }

    @Test("a register file listed twice counts once")
    func duplicateRow() async {
        var registers = Self.registers
        registers.determinations.append(registers.determinations[1])
        let data = Fixture.dataSet(cases: I07Tests.cases(onTimeA: 10, onTimeB: 10))
        let report = await screen(registers, ["I07"], data: data)
        #expect(report.indicator("I07", Fixture.city, current)?.value == Decimal4.of("83.3333"))
    }
}
