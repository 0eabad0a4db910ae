import FundModel
import Screening
import Testing

@Suite("DQ01 身份证号校验错误")
struct DQ01Tests {
    @Test("a worker id with a wrong check character fires yellow on the worker; a valid one does not")
    func firesOnWrongCheckCharacter() async {
        let bad = Fixture.invalidPerson(7)
        let good = Fixture.person(8)
        #expect(!bad.hasValidCheckCharacter && good.hasValidCheckCharacter)
        let data = Fixture.dataSet(workers: [
            Fixture.worker(bad, region: Fixture.otherCity), Fixture.worker(good),
        ])
        let report = await screen(data, ["DQ01"])
        let findings = report.findings(of: "DQ01")
        #expect(findings.count == 1)
        let finding = findings[0]
        #expect(finding.subjectType == .worker)
        #expect(finding.subjectID == bad.raw)
        #expect(finding.findingID == Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: bad.raw))
        // The id number is not in the finding id (issue 11 #4).
        #expect(!finding.findingID.contains(bad.raw))
        #expect(finding.severity == .yellow)
        #expect(finding.regionCode == Fixture.otherCity)
        #expect(finding.amount == .zero)
    }

    @Test("a known published example: 11010519491231002X is valid")
    func knownValidID() async {
        let id = PersonID("11010519491231002X")!
        let report = await screen(Fixture.dataSet(workers: [Fixture.worker(id)]), ["DQ01"])
        #expect(report.findings.isEmpty)
        #expect(report.rule("DQ01")?.ran == true)
    }

    @Test("without workers.csv DQ01 is not run (no data)")
    func notRunWithoutWorkers() async {
        let report = await screen(Fixture.dataSet(payments: []), ["DQ01"])
        #expect(report.rule("DQ01")?.notRun == .noData(missing: [.workers]))
    }

    @Test("the level comes from the configuration, per city")
    func cityLevel() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320100":
                rules:
                  DQ01:
                    level: orange
            """)
        let a = Fixture.invalidPerson(1)
        let b = Fixture.invalidPerson(2)
        let data = Fixture.dataSet(workers: [
            Fixture.worker(a, region: Fixture.city), Fixture.worker(b, region: Fixture.otherCity),
        ])
        let report = await screen(data, ["DQ01"], configuration: configuration)
        #expect(report.severities("DQ01") == [a.raw: .orange, b.raw: .yellow])
    }
}
