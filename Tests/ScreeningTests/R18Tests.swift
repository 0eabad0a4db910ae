import FundColumns
import FundModel
import Screening
import Testing

@Suite("R18 专家回避与集中")
struct R18Tests {
    static let experts = [
        Fixture.expert("X1", institution: "H1"), Fixture.expert("X2", institution: "H2"),
        Fixture.expert("X3", institution: "H9", region: Fixture.otherCity),
    ]

    static func data(_ assessments: [Assessment], cases: [InjuryCase] = []) -> DataSet {
        Fixture.dataSet(cases: cases) { data in
            data.assessments = assessments
            data.experts = experts
        }
    }

    @Test("an expert of the evidence hospital is red on the assessment, pending or concluded; others are not")
    func recusal() async throws {
        let assessments = [
            Fixture.assessment("A1", hospital: "H1", experts: ["X1", "X2"]),
            Fixture.assessment("A2", concluded: nil, hospital: "H2", experts: ["X2"]),
            Fixture.assessment("A3", hospital: "H3", experts: ["X1", "X2"]),
            Fixture.assessment("A4", hospital: "H1", experts: ["UNKNOWN"]),
            Fixture.assessment("A5", hospital: nil, experts: ["X1"]),
        ]
        let report = await screen(Self.data(assessments), ["R18"])
        #expect(report.severities("R18") == ["A1": .red, "A2": .red])
        let a1 = try #require(report.findings.first { $0.subjectID == "A1" })
        #expect(a1.findingID == "R18-assessment-A1" && a1.subjectType == .assessment)
        #expect(a1.evidence == ["X1", "H1"])
    }

    /// Five assessments of workers of employer `employer` with expert X3, concluded on the given days
    /// (or pending, applied on the day, where the day is prefixed with `applied:`).
    static func panels(_ days: [String], employer: String = "E1", prefix: String = "P") -> (
        [Assessment], [InjuryCase]
    ) {
        var assessments: [Assessment] = []
        var cases: [InjuryCase] = []
        for (i, day) in days.enumerated() {
            let pending = day.hasPrefix("applied:")
            let date = pending ? String(day.dropFirst(8)) : day
            assessments.append(
                Fixture.assessment(
                    "\(prefix)\(i + 1)", caseID: "\(prefix)C\(i + 1)", worker: Fixture.person(i + 1),
                    applied: pending ? date : "2024-06-01", concluded: pending ? nil : date, hospital: "H5",
                    experts: ["X3"]))
            cases.append(Fixture.injuryCase("\(prefix)C\(i + 1)", worker: Fixture.person(i + 1), employer: employer))
        }
        return (assessments, cases)
    }

    @Test("5 panels for one employer within 365 days (last 364 days after the first) fire orange on the expert")
    func concentration() async throws {
        let (assessments, cases) = Self.panels(["2025-01-01", "2025-03-01", "2025-06-01", "2025-09-01", "2025-12-31"])
        let report = await screen(Self.data(assessments, cases: cases), ["R18"])
        #expect(report.severities("R18") == ["X3": .orange])
        let finding = try #require(report.findings.first)
        #expect(finding.findingID == "R18-expert-X3-E1" && finding.subjectType == .expert)
        #expect(finding.regionCode == Fixture.otherCity)
        #expect(finding.evidence == ["P1", "P2", "P3", "P4", "P5"])
    }

    @Test("365 days apart, 4 panels, or two employers do not fire; a pending panel counts on its applied date")
    func concentrationLookAlikes() async {
        let late = Self.panels(["2025-01-01", "2025-03-01", "2025-06-01", "2025-09-01", "2026-01-01"])
        #expect(await screen(Self.data(late.0, cases: late.1), ["R18"]).findings.isEmpty)
        let four = Self.panels(["2025-01-01", "2025-03-01", "2025-06-01", "2025-09-01"])
        #expect(await screen(Self.data(four.0, cases: four.1), ["R18"]).findings.isEmpty)
        let e1 = Self.panels(["2025-01-01", "2025-03-01", "2025-06-01"])
        let e2 = Self.panels(["2025-02-01", "2025-04-01"], employer: "E2", prefix: "Q")
        #expect(await screen(Self.data(e1.0 + e2.0, cases: e1.1 + e2.1), ["R18"]).findings.isEmpty)
        let pending = Self.panels(["2025-01-01", "2025-03-01", "2025-06-01", "2025-09-01", "applied:2025-12-31"])
        #expect(await screen(Self.data(pending.0, cases: pending.1), ["R18"]).severities("R18") == ["X3": .orange])
    }

    @Test("the worst window is reported: 6 panels in a year out of 7")
    func worstWindow() async throws {
        let (assessments, cases) = Self.panels([
            "2024-01-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01",
        ])
        let finding = try #require(await screen(Self.data(assessments, cases: cases), ["R18"]).findings.first)
        #expect(finding.evidence == ["P2", "P3", "P4", "P5", "P6", "P7"])
    }

    @Test("without experts.csv R18 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(cases: []) { $0.assessments = [] }, ["R18"])
        #expect(report.rule("R18")?.notRun == .noData(missing: [.experts]))
    }
}
