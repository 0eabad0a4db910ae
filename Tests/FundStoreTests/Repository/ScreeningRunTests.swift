import FundModel
import GRDB
import Testing

@testable import FundStore

private func finding(_ rule: String, _ subject: String, amount: Int64 = 0, severity: Severity = .red) -> Finding {
    Finding(
        ruleID: rule, severity: severity, regionCode: RegionCode("110100")!, subjectType: .payment,
        subjectID: subject, amount: Money(fen: amount), detail: "\(rule) 疑点 \(subject)", evidence: ["E1", "E2"])
}

private let asOf = Day(iso: "2024-01-31")!

@Suite("saveScreeningRun: the findings register across runs")
struct ScreeningRunTests {
    @Test("new, raised again, no longer raised; rules not run are untouched; nothing is deleted")
    func merge() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()

        let first = try store.saveScreeningRun(
            ScreeningRun(asOf: asOf, configuration: "rules: v1"),
            findings: [finding("R03", "P1"), finding("R03", "P2"), finding("R08", "P3"), finding("R05", "P4")],
            rulesRun: ["R03", "R08", "R05"])
        #expect(first.new == 4 && first.raisedAgain == 0 && first.noLongerRaised == 0 && first.raised == 4)

        // A person starts verifying R03/P1.
        try store.databaseWriter.write { db in
            try db.execute(sql: "UPDATE findings SET status = 'verifying' WHERE finding_id = 'R03-payment-P1'")
        }

        // Second run: R03 and R08 run, R05 does not (no data). P1 raised again with a new amount, P2 not,
        // P3 (R08) not, P5 is new.
        let second = try store.saveScreeningRun(
            ScreeningRun(
                asOf: asOf, configuration: "rules: v2",
                rulesNotRun: [RuleNotRun(ruleID: "R05", reason: "no data: ext_deaths.csv")]),
            findings: [finding("R03", "P1", amount: 500), finding("R03", "P5")],
            rulesRun: ["R03", "R08"])
        #expect(second.runID != first.runID)
        #expect(second.new == 1)
        #expect(second.raisedAgain == 1)
        #expect(second.noLongerRaised == 2)  // R03/P2 and R08/P3
        #expect(second.raised == 2)

        let all = Dictionary(uniqueKeysWithValues: try store.findings(.all).map { ($0.finding.findingID, $0) })
        #expect(all.count == 5)
        let p1 = try #require(all["R03-payment-P1"])
        #expect(p1.status == .verifying)
        #expect(p1.stillRaised)
        #expect(p1.firstRunID == first.runID && p1.lastRunID == second.runID)
        #expect(p1.finding.amount == Money(fen: 500))
        #expect(all["R03-payment-P2"]?.stillRaised == false)
        #expect(all["R03-payment-P2"]?.lastRunID == first.runID)
        #expect(all["R08-payment-P3"]?.stillRaised == false)
        // R05 was not run: its finding is exactly as the first run left it.
        #expect(all["R05-payment-P4"]?.stillRaised == true)
        #expect(all["R05-payment-P4"]?.lastRunID == first.runID)
        #expect(all["R03-payment-P5"]?.firstRunID == second.runID)
        #expect(all["R03-payment-P5"]?.status == .new)

        // Third run raises P2 again: same id, counted as raised again, still raised once more.
        let third = try store.saveScreeningRun(
            ScreeningRun(asOf: asOf, configuration: "rules: v2"), findings: [finding("R03", "P2")], rulesRun: ["R03"])
        #expect(third.new == 0 && third.raisedAgain == 1 && third.noLongerRaised == 2)  // P1 and P5
        #expect(try store.finding(id: "R03-payment-P2")?.stillRaised == true)
        #expect(try store.finding(id: "R03-payment-P2")?.firstRunID == first.runID)
    }

    @Test("the run is recorded with its as-of day, configuration, rules run and rules not run")
    func runRecord() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        let summary = try store.saveScreeningRun(
            ScreeningRun(
                asOf: asOf, configuration: "thresholds:\n  R03: 100000\n",
                rulesNotRun: [RuleNotRun(ruleID: "R22", reason: "no data: ext_health_visits.csv")]),
            findings: [finding("R03", "P1")], rulesRun: ["R03", "R01"])
        let run = try #require(try store.screeningRuns(limit: 10).first)
        #expect(run.id == summary.runID)
        #expect(run.asOf == asOf)
        #expect(run.configuration == "thresholds:\n  R03: 100000\n")
        #expect(run.rulesRun == ["R01", "R03"])
        #expect(run.rulesNotRun == [RuleNotRun(ruleID: "R22", reason: "no data: ext_health_visits.csv")])
        #expect(run.summary == summary)
    }

    @Test("findings are listed in interchange order and can be filtered")
    func listing() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        _ = try store.saveScreeningRun(
            ScreeningRun(asOf: asOf, configuration: ""),
            findings: [
                finding("R04", "A", amount: 100, severity: .yellow), finding("R03", "B", amount: 100, severity: .red),
                finding("R03", "C", amount: 900, severity: .red), finding("R09", "D", amount: 5, severity: .orange),
            ],
            rulesRun: ["R03", "R04", "R09"])
        #expect(try store.findings(.all).map(\.finding.subjectID) == ["C", "B", "D", "A"])
        #expect(try store.findings(FindingQuery(ruleID: "R03")).map(\.finding.subjectID) == ["C", "B"])
        #expect(try store.findings(FindingQuery(severity: .orange)).map(\.finding.subjectID) == ["D"])
        #expect(try store.findings(FindingQuery(limit: 1)).map(\.finding.subjectID) == ["C"])
        #expect(try store.findings(FindingQuery(status: .new)).count == 4)
        let stored = try #require(try store.finding(id: "R03-payment-C"))
        #expect(stored.finding == finding("R03", "C", amount: 900, severity: .red))
    }

    @Test("the register is usable through the protocols alone (what other layers see)")
    func throughProtocols() throws {
        let dir = TemporaryDirectory()
        let repository: any FundRepository = try dir.store()
        let summary = try repository.saveScreeningRun(
            ScreeningRun(asOf: asOf, configuration: ""), findings: [finding("R03", "P1")], rulesRun: ["R03"])
        #expect(try repository.findings().map(\.finding.findingID) == ["R03-payment-P1"])
        #expect(try repository.screeningRuns().map(\.id) == [summary.runID])
        #expect(try repository.importRuns().isEmpty)
        #expect(try repository.loadDataSet().payments == nil)
    }
}
