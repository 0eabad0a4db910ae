import FundColumns
import FundModel
import Screening
import Testing

@Suite("R22 鉴定材料无就诊记录")
struct R22Tests {
    /// Worker `n`'s case (accident 2025-06-01) and assessment (applied 2025-09-01, evidence from H1),
    /// with one visit to `hospital` on `visit`.
    static func scenario(_ n: Int, visit: String?, hospital: String = "H1") -> (
        InjuryCase, Assessment, HealthVisit?
    ) {
        let worker = Fixture.person(n)
        return (
            Fixture.injuryCase("C\(n)", worker: worker, accident: "2025-06-01"),
            Fixture.assessment("A\(n)", caseID: "C\(n)", worker: worker, applied: "2025-09-01", hospital: "H1"),
            visit.map {
                HealthVisit(personID: worker, institutionID: hospital, visitDate: Fixture.day($0), diagnosis: "骨折")
            }
        )
    }

    @Test(
        "a visit on the accident day or the application day clears; the day before, the day after, or another hospital fire"
    )
    func window() async throws {
        let scenarios = [
            Self.scenario(1, visit: "2025-06-01"), Self.scenario(2, visit: "2025-09-01"),
            Self.scenario(3, visit: "2025-05-31"), Self.scenario(4, visit: "2025-09-02"),
            Self.scenario(5, visit: "2025-07-01", hospital: "H2"), Self.scenario(6, visit: nil),
        ]
        let data = Fixture.dataSet(cases: scenarios.map(\.0)) { data in
            data.assessments = scenarios.map(\.1)
            data.healthVisits = scenarios.compactMap(\.2)
        }
        let report = await screen(data, ["R22"])
        #expect(report.severities("R22") == ["A3": .orange, "A4": .orange, "A5": .orange, "A6": .orange])
        let finding = try #require(report.findings.first { $0.subjectID == "A3" })
        #expect(finding.findingID == "R22-assessment-A3" && finding.subjectType == .assessment)
        #expect(finding.evidence == ["H1", "C3"])
    }

    @Test("not judged without a hospital, an application date or the case")
    func notJudged() async {
        let assessments = [
            Fixture.assessment("NO_H", caseID: "C1", hospital: nil),
            Fixture.assessment("NO_APPLIED", caseID: "C1", applied: nil),
            Fixture.assessment("NO_CASE", caseID: "MISSING"),
        ]
        let data = Fixture.dataSet(cases: [Fixture.injuryCase("C1")]) { data in
            data.assessments = assessments
            data.healthVisits = []
        }
        #expect(await screen(data, ["R22"]).findings.isEmpty)
    }

    @Test("without ext_health_visits.csv R22 is not run (no data)")
    func noData() async {
        let data = Fixture.dataSet(cases: []) { $0.assessments = [] }
        #expect(await screen(data, ["R22"]).rule("R22")?.notRun == .noData(missing: [.healthVisits]))
    }
}

@Suite("R23 第三人责任未核实")
struct R23Tests {
    /// Worker `n`'s case (accident 2025-06-01), a traffic accident on `traffic` with `liability`,
    /// and MED payments on the case.
    static func scenario(
        _ n: Int, traffic: String, liability: Liability = .minor, payments: [(String, Bool)] = [("1000", false)],
        item: String = "MED"
    ) -> (InjuryCase, TrafficAccident, [Payment]) {
        let worker = Fixture.person(n)
        return (
            Fixture.injuryCase("C\(n)", worker: worker, accident: "2025-06-01"),
            TrafficAccident(personID: worker, accidentDate: Fixture.day(traffic), liability: liability),
            payments.enumerated().map { i, p in
                Fixture.payment(
                    "C\(n)-P\(i + 1)", worker: worker, item: item, yuan: p.0, paid: "2025-06-20", caseID: "C\(n)",
                    advance: p.1)
            }
        )
    }

    static func data(_ scenarios: [(InjuryCase, TrafficAccident, [Payment])]) -> DataSet {
        Fixture.dataSet(payments: scenarios.flatMap(\.2), cases: scenarios.map(\.0)) {
            $0.trafficAccidents = scenarios.map(\.1)
        }
    }

    @Test("3 days after or before fires yellow with the non-advance MED as amount; 4 days, full liability do not")
    func window() async throws {
        let report = await screen(
            Self.data([
                Self.scenario(1, traffic: "2025-06-04", payments: [("1000", false), ("500.50", false), ("300", true)]),
                Self.scenario(2, traffic: "2025-05-29", liability: .none),
                Self.scenario(3, traffic: "2025-06-05"),
                Self.scenario(4, traffic: "2025-05-28"),
                Self.scenario(5, traffic: "2025-06-01", liability: .full),
            ]), ["R23"])
        #expect(report.severities("R23") == ["C1": .yellow, "C2": .yellow])
        let finding = try #require(report.findings.first { $0.subjectID == "C1" })
        #expect(finding.findingID == "R23-case-C1" && finding.subjectType == .case)
        let expected = try Money(yuan: "1500.50")
        #expect(finding.amount == expected)
        #expect(finding.evidence == ["C1-P1", "C1-P2"])
    }

    @Test("only advance MED, only REHAB, or MED paid and reversed do not fire")
    func payments() async {
        let report = await screen(
            Self.data([
                Self.scenario(1, traffic: "2025-06-02", payments: [("1000", true)]),
                Self.scenario(2, traffic: "2025-06-02", item: "REHAB"),
                Self.scenario(3, traffic: "2025-06-02", payments: [("1000", false), ("-1000", false)]),
            ]), ["R23"])
        #expect(report.findings.isEmpty)
    }

    @Test("without ext_traffic_accidents.csv R23 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(payments: [], cases: []), ["R23"])
        #expect(report.rule("R23")?.notRun == .noData(missing: [.trafficAccidents]))
    }
}

@Suite("R25 缴费基数突增")
struct R25Tests {
    static let w = Fixture.person(1)

    /// Wages of worker `w` by month, in yuan.
    static func wages(_ months: [String], _ yuan: String) -> [Wage] {
        months.map { Wage(workerID: w, month: Fixture.month($0), wage: try! Money(yuan: yuan)) }
    }

    /// The 12 baseline months (March 2024–February 2025) of an accident on 2025-06-15.
    static let baseline = Fixture.months(12, endingWith: "2025-02")
    static let recent = ["2025-03", "2025-04", "2025-05"]

    static func screenCase(_ wages: [Wage], configuration: RulesConfiguration = .default) async -> ScreeningReport {
        let data = Fixture.dataSet(cases: [Fixture.injuryCase("C1", worker: w, accident: "2025-06-15")]) {
            $0.wages = wages
        }
        return await screen(data, ["R25"], configuration: configuration)
    }

    @Test("a recent mean of exactly 1.5 × the median does not fire; a fen above (mean 6000.01) fires orange")
    func boundary() async throws {
        let at = Self.wages(Self.baseline, "4000") + Self.wages(Self.recent, "6000")
        #expect(await Self.screenCase(at).findings.isEmpty)
        let above =
            Self.wages(Self.baseline, "4000") + Self.wages(["2025-03", "2025-04"], "6000")
            + Self.wages(["2025-05"], "6000.03")
        let report = await Self.screenCase(above)
        #expect(report.severities("R25") == ["C1": .orange])
        let finding = try #require(report.findings.first)
        #expect(finding.findingID == "R25-case-C1" && finding.evidence == [Self.w.raw])
        #expect(finding.detail.contains("6000.01 元") && finding.detail.contains("中位数 4000 元"))
    }

    @Test("an even baseline: the median is the mean of the two middle months (5000, so 7500 is the limit)")
    func evenMedian() async {
        let baseline =
            Self.wages(Array(Self.baseline.prefix(6)), "4000") + Self.wages(Array(Self.baseline.suffix(6)), "6000")
        #expect(await Self.screenCase(baseline + Self.wages(Self.recent, "7500")).findings.isEmpty)
        #expect(
            await Self.screenCase(baseline + Self.wages(Self.recent, "7500.01")).severities("R25") == ["C1": .orange])
    }

    @Test("the accident month and months before the baseline are not used; a repeated month counts its last row")
    func windows() async {
        // A raise in the accident month itself, and a low wage 16 months before: neither counts.
        let outside =
            Self.wages(Self.baseline + Self.recent, "4000") + Self.wages(["2025-06"], "90000")
            + Self.wages(["2024-02"], "100")
        #expect(await Self.screenCase(outside).findings.isEmpty)
        // May first declared 20000, then corrected to 4000 (the later row counts).
        let corrected =
            Self.wages(Self.baseline + Self.recent, "4000") + Self.wages(["2025-05"], "20000")
            + Self.wages(["2025-05"], "4000")
        #expect(await Self.screenCase(corrected).findings.isEmpty)
        // Only some months: one recent month of 6000.01 against one baseline month of 4000 fires.
        let sparse = Self.wages(["2024-07"], "4000") + Self.wages(["2025-04"], "6000.01")
        #expect(await Self.screenCase(sparse).severities("R25") == ["C1": .orange])
        // No baseline at all: not judged.
        #expect(await Self.screenCase(Self.wages(Self.recent, "90000")).findings.isEmpty)
    }

    @Test("the ratio and the windows come from the configuration")
    func configured() async {
        let configuration = Fixture.yaml(
            """
            rules:
              R25:
                params:
                  ratio: 1.2
                  recent_months: 1
            """)
        // Recent (May only) 5000 against a baseline median 4000: 1.25 > 1.2.
        let wages = Self.wages(Self.baseline + ["2025-03", "2025-04"], "4000") + Self.wages(["2025-05"], "5000")
        #expect(await Self.screenCase(wages).findings.isEmpty)
        #expect(await Self.screenCase(wages, configuration: configuration).severities("R25") == ["C1": .orange])
    }

    @Test("without wages.csv R25 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(cases: []), ["R25"])
        #expect(report.rule("R25")?.notRun == .noData(missing: [.wages]))
    }
}
