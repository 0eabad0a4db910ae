import FundModel
import Screening
import Testing

@Suite("R04 高频支出")
struct R04Tests {
    static let w = Fixture.person(1)

    /// MED payments of worker `w` on the given days of March 2026 (service date = paid date).
    static func med(_ days: [Int], prefix: String = "M", yuan: String = "100") -> [Payment] {
        days.enumerated().map { i, d in
            Fixture.payment(
                "\(prefix)\(i + 1)", worker: w, item: "MED", yuan: yuan, paid: "2026-03-\(d < 10 ? "0" : "")\(d)")
        }
    }

    @Test("8 MED payments within 30 days (1–30 March) fire yellow on the worker and item")
    func eightInThirtyDays() async throws {
        let payments = Self.med([1, 3, 5, 10, 15, 20, 25, 30])
        let report = await screen(Fixture.dataSet(payments: payments), ["R04"])
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(
            finding.findingID == Finding.stableID(ruleID: "R04", subjectType: .worker, subjectID: Self.w.raw) + "-MED")
        #expect(finding.subjectType == .worker && finding.subjectID == Self.w.raw)
        #expect(finding.severity == .yellow)
        #expect(finding.amount == Money(yuan: 800))
        #expect(finding.evidence == (1...8).map { "M\($0)" })
    }

    @Test("the 8th payment a day later (1–31 March is 31 days) does not fire; 7 payments do not fire")
    func boundaries() async {
        let late = Self.med([1, 3, 5, 10, 15, 20, 25, 31])
        #expect(await screen(Fixture.dataSet(payments: late), ["R04"]).findings.isEmpty)
        let seven = Self.med([1, 3, 5, 10, 15, 20, 25])
        #expect(await screen(Fixture.dataSet(payments: seven), ["R04"]).findings.isEmpty)
    }

    @Test("orange at 2N: 16 MED payments in 30 days; 15 stay yellow")
    func orange() async {
        let sixteen = Self.med(Array(1...16))
        #expect(await screen(Fixture.dataSet(payments: sixteen), ["R04"]).findings.map(\.severity) == [.orange])
        let fifteen = Self.med(Array(1...15))
        #expect(await screen(Fixture.dataSet(payments: fifteen), ["R04"]).findings.map(\.severity) == [.yellow])
    }

    @Test("the finding is on the worst window: amount and evidence of that window only")
    func worstWindow() async throws {
        // 8 in March 1–8, then 9 in May 1–9: the May window is worse.
        let march = Self.med(Array(1...8), prefix: "A")
        let may = (1...9).map {
            Fixture.payment("B\($0)", worker: Self.w, item: "MED", yuan: "10", paid: "2026-05-0\($0)")
        }
        let finding = try #require(await screen(Fixture.dataSet(payments: march + may), ["R04"]).findings.first)
        #expect(finding.evidence == (1...9).map { "B\($0)" })
        #expect(finding.amount == Money(yuan: 90))
    }

    @Test("counted by service date; reversals are not counted; other workers and items are separate")
    func serviceDateAndReversals() async {
        // Service dates 1–8 March, paid over two months: fires.
        let byService = (1...8).map {
            Fixture.payment(
                "S\($0)", worker: Self.w, paid: "2026-0\(3 + $0 % 2)-2\($0)", start: "2026-03-0\($0)",
                end: "2026-03-0\($0)")
        }
        #expect(await screen(Fixture.dataSet(payments: byService), ["R04"]).findings.count == 1)
        // 7 payments + one reversal: no.
        let withReversal =
            Self.med(Array(1...7)) + [Fixture.payment("REV", worker: Self.w, yuan: "-100", paid: "2026-03-08")]
        #expect(await screen(Fixture.dataSet(payments: withReversal), ["R04"]).findings.isEmpty)
        // 4 MED of one worker + 4 of another, and 4 REHAB: no.
        let mixed =
            Self.med([1, 2, 3, 4])
            + (5...8).map { Fixture.payment("O\($0)", worker: Fixture.person(2), paid: "2026-03-0\($0)") }
            + (5...8).map { Fixture.payment("R\($0)", worker: Self.w, item: "REHAB", paid: "2026-03-0\($0)") }
        #expect(await screen(Fixture.dataSet(payments: mixed), ["R04"]).findings.isEmpty)
    }

    @Test("DEVICE: 2 in 365 days fires (364 days apart), 365 days apart does not")
    func device() async {
        let near = [
            Fixture.payment("D1", item: "DEVICE", paid: "2025-01-01"),
            Fixture.payment("D2", item: "DEVICE", paid: "2025-12-31"),
        ]
        #expect(
            await screen(Fixture.dataSet(payments: near), ["R04"]).findings.map(\.findingID) == [
                Finding.stableID(ruleID: "R04", subjectType: .worker, subjectID: Self.w.raw) + "-DEVICE"
            ])
        let far = [
            Fixture.payment("D1", item: "DEVICE", paid: "2025-01-01"),
            Fixture.payment("D2", item: "DEVICE", paid: "2026-01-01"),
        ]
        #expect(await screen(Fixture.dataSet(payments: far), ["R04"]).findings.isEmpty)
    }

    @Test("a city can tighten its window")
    func cityOverride() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320100":
                rules:
                  R04:
                    params:
                      windows:
                        MED:
                          count: 3
            """)
        let report = await screen(
            Fixture.dataSet(payments: Self.med([1, 2, 3])), ["R04"], configuration: configuration)
        #expect(report.findings.map(\.severity) == [.yellow])
    }

    @Test("real time: the 8th payment in the window fires like the batch run; one outside the window does not")
    func realTime() async {
        let data = Fixture.dataSet(payments: Self.med([1, 3, 5, 10, 15, 20, 25]))
        let candidate = Fixture.payment("NEW", worker: Self.w, item: "MED", paid: "2026-03-28")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R04")
        #expect(realTime.count == 1)
        #expect(realTime == batch)
        #expect(realTime.first?.evidence.last == "NEW")

        let outside = Fixture.payment("NEW", worker: Self.w, item: "MED", paid: "2026-06-01")
        let none = ScreeningEngine().check(payment: outside, in: Snapshot(data), asOf: Fixture.day("2026-09-30"))
        #expect(none.filter { $0.ruleID == "R04" }.isEmpty)
    }
}
