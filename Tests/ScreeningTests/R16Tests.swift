import FundColumns
import FundModel
import Screening
import Testing

@Suite("R16 机构费用异常")
struct R16Tests {
    /// `count` MED payments of `yuan` each at an institution, service (paid) dates in March `year`.
    static func med(_ institution: String, count: Int = 30, yuan: String, year: Int = 2025, item: String = "MED")
        -> [Payment]
    {
        (1...count).map { i in
            Fixture.payment(
                "\(institution)-\(item)-\(year)-\(i)", worker: Fixture.person(i), item: item, yuan: yuan,
                paid: "\(year)-03-\(i < 10 ? "0" : "")\(min(i, 28))", institution: institution)
        }
    }

    static func data(_ payments: [Payment], institutions: [Institution]) -> DataSet {
        Fixture.dataSet(payments: payments) { $0.institutions = institutions }
    }

    static let base = ["B1", "B2", "B3", "B4", "B5"]

    @Test("exactly 2× the median does not fire; a fen above is orange; exactly 3× stays orange; a fen above 3× is red")
    func levels() async throws {
        // Nine peers: five at 100 yuan, then 200, 200.01, 300, 300.01: the median is 100.
        let tests = [("D", "200"), ("E", "200.01"), ("F", "300"), ("G", "300.01")]
        let payments = Self.base.flatMap { Self.med($0, yuan: "100") } + tests.flatMap { Self.med($0.0, yuan: $0.1) }
        let institutions = (Self.base + tests.map(\.0)).map { Fixture.institution($0) }
        let report = await screen(Self.data(payments, institutions: institutions), ["R16"])
        #expect(report.severities("R16") == ["E": .orange, "F": .orange, "G": .red])
        let g = try #require(report.findings.first { $0.subjectID == "G" })
        #expect(g.findingID == "R16-institution-G-2025")
        #expect(g.subjectType == .institution && g.regionCode == Fixture.city && g.amount == .zero)
        #expect(g.evidence == ["B1", "B2", "B3", "B4", "B5", "D", "E", "F"])
        #expect(g.detail.contains("笔均 300.01 元") && g.detail.contains("中位数 100 元"))
    }

    @Test("an even number of peers: the median is the mean of the two middle means")
    func evenMedian() async {
        // Peers 100, 100, 200 and X: the median is (100 + 200) / 2 = 150, so 2× is 300.
        let peers = Self.med("A", yuan: "100") + Self.med("B", yuan: "100") + Self.med("C", yuan: "200")
        let institutions = ["A", "B", "C", "X"].map { Fixture.institution($0) }
        let above = await screen(Self.data(peers + Self.med("X", yuan: "300.01"), institutions: institutions), ["R16"])
        #expect(above.severities("R16") == ["X": .orange])
        let at = await screen(Self.data(peers + Self.med("X", yuan: "300"), institutions: institutions), ["R16"])
        #expect(at.findings.isEmpty)
    }

    @Test("N = 30: 29 payments neither fire nor count as a peer; 30 do; reversals are not payments")
    func minimumPayments() async throws {
        let peers = ["P1", "P2", "P3"].flatMap { Self.med($0, yuan: "100") }
        let institutions = ["P1", "P2", "P3", "Z", "W", "R"].map { Fixture.institution($0) }
        // Z: 29 payments of 1000; R: 29 payments of 1000 and one reversal (30 rows, still 29 payments).
        let reversal = Fixture.payment("R-rev", yuan: "-1000", paid: "2025-04-01", institution: "R")
        let few = peers + Self.med("Z", count: 29, yuan: "1000") + Self.med("R", count: 29, yuan: "1000") + [reversal]
        #expect(await screen(Self.data(few, institutions: institutions), ["R16"]).findings.isEmpty)
        // W: 30 payments of 1000 against the median 100: red; Z is not among W's peers.
        let report = await screen(Self.data(few + Self.med("W", yuan: "1000"), institutions: institutions), ["R16"])
        #expect(report.severities("R16") == ["W": .red])
        #expect(try #require(report.findings.first).evidence == ["P1", "P2", "P3"])
    }

    @Test("peers share kind and grade; years are calendar years of the service date; only MED counts")
    func peersAndYears() async {
        let institutions = [
            Fixture.institution("P1"), Fixture.institution("P2"), Fixture.institution("P3"),
            Fixture.institution("OTHER_GRADE", grade: "二级甲等"), Fixture.institution("REHAB_KIND", kind: .rehab),
            Fixture.institution("Y"),
        ]
        let peers2024 = ["P1", "P2", "P3"].flatMap { Self.med($0, yuan: "100", year: 2024) }
        // Alone in their group, each is its own median: no finding.
        let alone = Self.med("OTHER_GRADE", yuan: "5000", year: 2024) + Self.med("REHAB_KIND", yuan: "5000", year: 2024)
        // Y: paid in January 2025 for services of December 2024: compared with the 2024 peers.
        let y = (1...30).map { i in
            Fixture.payment(
                "Y\(i)", worker: Fixture.person(i), yuan: "250", paid: "2025-01-10", start: "2024-12-20",
                end: "2024-12-21", institution: "Y")
        }
        // Non-MED payments at P1 do not change its mean.
        let rehab = Self.med("P1", yuan: "9000", year: 2024, item: "REHAB")
        let report = await screen(Self.data(peers2024 + alone + y + rehab, institutions: institutions), ["R16"])
        #expect(report.severities("R16") == ["Y": .orange])
        #expect(report.findings.map(\.findingID) == ["R16-institution-Y-2024"])
    }

    @Test("payments at an institution missing from institutions.csv are not judged")
    func unknownInstitution() async {
        let payments = ["P1", "P2", "P3"].flatMap { Self.med($0, yuan: "100") } + Self.med("GHOST", yuan: "900")
        let institutions = ["P1", "P2", "P3"].map { Fixture.institution($0) }
        #expect(await screen(Self.data(payments, institutions: institutions), ["R16"]).findings.isEmpty)
    }

    @Test("a city can lower its multiples")
    func cityOverride() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320100":
                rules:
                  R16:
                    levels:
                      orange: 1.5
            """)
        let payments = ["P1", "P2", "P3"].flatMap { Self.med($0, yuan: "100") } + Self.med("X", yuan: "160")
        let institutions = ["P1", "P2", "P3", "X"].map { Fixture.institution($0) }
        let data = Self.data(payments, institutions: institutions)
        #expect(await screen(data, ["R16"]).findings.isEmpty)
        #expect(await screen(data, ["R16"], configuration: configuration).severities("R16") == ["X": .orange])
    }

    @Test("without institutions.csv R16 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(payments: Self.med("X", yuan: "100")), ["R16"])
        #expect(report.rule("R16")?.notRun == .noData(missing: [.institutions]))
    }
}
