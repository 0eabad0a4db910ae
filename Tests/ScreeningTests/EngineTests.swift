import FundModel
import Screening
import Testing

@Suite("Screening engine")
struct EngineTests {
    @Test("every selected rule has a report line: ran with counts and amount, or not run with why")
    func reportLines() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", yuan: "100000.01"), Fixture.payment("B", yuan: "600000"),
            Fixture.payment("C", item: "REHAB", yuan: "150000"),
        ])
        let report = await screen(data, ["R03", "DQ01", "R16", "I01"])
        #expect(report.rules.map(\.ruleID) == ["DQ01", "R03", "R16", "I01"])  // catalogue order
        let r03 = report.rule("R03")!
        #expect(r03.ran)
        #expect((r03.red, r03.orange, r03.yellow) == (1, 1, 1))
        #expect(r03.amountAtRisk == Money(fen: 85_000_001))  // 100000.01 + 600000 + 150000 yuan
        #expect(report.rule("DQ01")?.notRun == .noData(missing: [.workers]))
        #expect(report.rule("I01")?.notRun == .noData(missing: [.fundLedger]))
        #expect(report.rule("R16")?.notRun == .noData(missing: [.institutions]))
    }

    @Test("a rule with its data but no implementation is reported as not implemented")
    func notImplemented() async {
        let engine = ScreeningEngine(rules: [])
        let report = await engine.run(
            Snapshot(Fixture.dataSet(payments: [])), asOf: Fixture.day("2026-09-30"), only: ["R03"])
        #expect(report.rule("R03")?.notRun == .notImplemented)
    }

    @Test("findings are in interchange order whatever the rule timing: severity, amount descending, id")
    func deterministicOrder() async {
        let data = Fixture.dataSet(
            payments: [
                Fixture.payment("P3", yuan: "150000"), Fixture.payment("P1", yuan: "150000"),
                Fixture.payment("P2", yuan: "900000"), Fixture.payment("P4", yuan: "250000"),
            ],
            workers: [Fixture.worker(Fixture.invalidPerson(3))])
        let first = await screen(data, ["R03", "DQ01"])
        let ids = first.findings.map(\.findingID)
        #expect(
            ids == [
                "R03-payment-P2", "R03-payment-P4", "R03-payment-P1", "R03-payment-P3",
                Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: Fixture.invalidPerson(3).raw),
            ])
        for _ in 0..<5 { #expect(await screen(data, ["R03", "DQ01"]).findings == first.findings) }
    }

    @Test("the snapshot records missing tables and indexes payments by worker in service-date order")
    func snapshotIndexes() {
        let w = Fixture.person(1)
        let data = Fixture.dataSet(payments: [
            Fixture.payment("late", worker: w, paid: "2026-03-20"),
            Fixture.payment("other", worker: Fixture.person(2), paid: "2026-03-01"),
            Fixture.payment("early", worker: w, paid: "2026-03-25", start: "2026-03-01", end: "2026-03-05"),
        ])
        let snapshot = Snapshot(data)
        #expect(snapshot.has(.payments) && !snapshot.has(.deaths) && snapshot.has(.regions))
        #expect(snapshot.missing([.payments, .deaths, .workers]) == [.deaths, .workers])
        let person = snapshot.persons.id(w.raw)!
        let rows = snapshot.paymentsByWorker.rows(for: person).map { snapshot.payments.paymentID[Int($0)] }
        #expect(rows == ["early", "late"])
        #expect(snapshot.province == Fixture.province)
    }

    @Test("the real-time check says which ⚡ rules it could not apply, and why")
    func realTimeReport() {
        let snapshot = Snapshot(Fixture.dataSet(payments: []))
        let configuration = Fixture.yaml("rules:\n  R08:\n    enabled: false\n")
        let result = ScreeningEngine(configuration: configuration).checkReport(
            payment: Fixture.payment("N", yuan: "150000"), in: snapshot, asOf: Fixture.day("2026-09-30"))
        #expect(result.findings.map(\.findingID) == ["R03-payment-N"])
        let reasons = Dictionary(uniqueKeysWithValues: result.notRun.map { ($0.ruleID, $0.reason) })
        #expect(reasons["R05"] == .noData(missing: [.deaths]))
        #expect(reasons["R08"] == .disabled)
        #expect(reasons["R11"] == .noData(missing: [.injuryCases]))
        #expect(reasons["R03"] == nil && reasons["R04"] == nil)
        #expect(Set(result.notRun.map(\.ruleID)).isDisjoint(with: ["R07", "R14", "R24"]))  // not ⚡
    }
}
