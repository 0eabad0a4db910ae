import FundColumns
import FundModel
import Screening
import Testing

@Suite("R17 鉴定等级异常集中")
struct R17Tests {
    /// `count` concluded initial assessments with evidence from `hospital`, `severe` of them graded 3
    /// and the rest graded 8 (or without a grade).
    static func batch(
        _ hospital: String, count: Int, severe: Int, ungraded: Bool = false, experts: [String] = [],
        region: RegionCode = Fixture.city, concluded: String = "2025-10-01"
    ) -> [Assessment] {
        (0..<count).map { i in
            Fixture.assessment(
                "\(hospital)-\(i)", caseID: "C-\(hospital)-\(i)", concluded: concluded,
                grade: i < severe ? 3 : (ungraded ? nil : 8), hospital: hospital, experts: experts, region: region)
        }
    }

    static func data(_ assessments: [Assessment], institutions: [Institution]? = nil) -> DataSet {
        Fixture.dataSet { data in
            data.assessments = assessments
            data.institutions = institutions
        }
    }

    @Test("z exactly 3 does not fire, z = 3.5 fires orange (25 of H1 against a province share of 20 %)")
    func zBoundary() async throws {
        // Province: 100 assessments, 20 of grades 1–4 (p = 0.2). H1: n = 25.
        // x = 11: z = (11·100 − 25·20) / √(25·20·80) = 600 / 200 = 3 exactly.
        let exactly = Self.batch("H1", count: 25, severe: 11) + Self.batch("OTHER", count: 75, severe: 9)
        #expect(await screen(Self.data(exactly), ["R17"]).findings.isEmpty)
        // x = 12: z = (1200 − 500) / 200 = 3.5.
        let above = Self.batch("H1", count: 25, severe: 12) + Self.batch("OTHER", count: 75, severe: 8)
        let report = await screen(Self.data(above), ["R17"])
        #expect(report.severities("R17") == ["H1": .orange])
        let finding = try #require(report.findings.first)
        #expect(finding.findingID == "R17-institution-H1" && finding.subjectType == .institution)
        #expect(finding.evidence == (0..<12).map { "H1-\($0)" }.sorted())
        #expect(
            finding.detail.contains("z = 3.5") && finding.detail.contains("（48%）") && finding.detail.contains("20%"))
    }

    @Test("at least 20 assessments: 19 all of grades 1–4 do not fire, 20 do")
    func minimum() async {
        let nineteen = Self.batch("H2", count: 19, severe: 19) + Self.batch("OTHER", count: 81, severe: 0)
        #expect(await screen(Self.data(nineteen), ["R17"]).findings.isEmpty)
        let twenty = Self.batch("H2", count: 20, severe: 20) + Self.batch("OTHER", count: 80, severe: 0)
        #expect(await screen(Self.data(twenty), ["R17"]).severities("R17") == ["H2": .orange])
    }

    @Test("the denominator counts assessments without a grade; second, review, pending and later ones are not counted")
    func denominator() async {
        // 14 of grades 1–4 and 6 未达级: n = 20 only if the ungraded count.
        let withUngraded =
            Self.batch("H3", count: 20, severe: 14, ungraded: true) + Self.batch("OTHER", count: 80, severe: 0)
        #expect(await screen(Self.data(withUngraded), ["R17"]).severities("R17") == ["H3": .orange])

        // 20 severe, but one is a second assessment, one pending, one concluded after the screening date.
        var mixed = Self.batch("H4", count: 17, severe: 17)
        mixed.append(Fixture.assessment("H4-second", kind: .second, grade: 2, hospital: "H4"))
        mixed.append(Fixture.assessment("H4-pending", concluded: nil, grade: nil, hospital: "H4"))
        mixed.append(Fixture.assessment("H4-later", concluded: "2026-10-01", grade: 1, hospital: "H4"))
        mixed += Self.batch("OTHER", count: 80, severe: 0)
        #expect(await screen(Self.data(mixed), ["R17"], asOf: "2026-09-30").findings.isEmpty)
    }

    @Test("an expert on the panels is judged too, each panel once; the region is the expert's or the majority's")
    func experts() async throws {
        let severe =
            Self.batch("H5", count: 10, severe: 10, experts: ["X1", "X1"], region: Fixture.otherCity)
            + Self.batch("H6", count: 10, severe: 10, experts: ["X1"], region: Fixture.otherCity)
        let data = Self.data(severe + Self.batch("OTHER", count: 80, severe: 0, experts: ["X2"]))
        let report = await screen(data, ["R17"])
        #expect(report.severities("R17") == ["X1": .orange])
        let finding = try #require(report.findings.first)
        #expect(finding.findingID == "R17-expert-X1" && finding.subjectType == .expert)
        #expect(finding.regionCode == Fixture.otherCity)
        #expect(finding.detail.contains("20 件初次鉴定"))
    }

    @Test("the hospital's region comes from institutions.csv when present")
    func hospitalRegion() async throws {
        let assessments = Self.batch("H2", count: 20, severe: 20) + Self.batch("OTHER", count: 80, severe: 0)
        let report = await screen(
            Self.data(assessments, institutions: [Fixture.institution("H2", region: Fixture.otherCity)]), ["R17"])
        #expect(try #require(report.findings.first).regionCode == Fixture.otherCity)
    }

    @Test("a stricter z in the configuration fires earlier")
    func configuredZ() async {
        let configuration = Fixture.yaml(
            """
            rules:
              R17:
                params:
                  z: 2.9
            """)
        let exactly = Self.batch("H1", count: 25, severe: 11) + Self.batch("OTHER", count: 75, severe: 9)
        #expect(
            await screen(Self.data(exactly), ["R17"], configuration: configuration).severities("R17") == ["H1": .orange]
        )
    }

    @Test("without assessments.csv R17 is not run (no data)")
    func noData() async {
        #expect(await screen(Fixture.dataSet(), ["R17"]).rule("R17")?.notRun == .noData(missing: [.assessments]))
    }
}
