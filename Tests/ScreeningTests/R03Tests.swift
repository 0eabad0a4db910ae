import FundModel
import Screening
import Testing

@Suite("R03 大额支出")
struct R03Tests {
    // MED: T = 100 000 yuan; yellow > T, orange > 2T, red > 5T.
    @Test(
        "levels at and around the multiples of T",
        arguments: [
            ("100000.00", nil), ("100000.01", Severity.yellow), ("200000.00", .yellow), ("200000.01", .orange),
            ("500000.00", .orange), ("500000.01", .red),
        ] as [(String, Severity?)])
    func levels(amount: String, expected: Severity?) async {
        let data = Fixture.dataSet(payments: [Fixture.payment("P1", item: "MED", yuan: amount)])
        let report = await screen(data, ["R03"])
        #expect(report.severities("R03")["P1"] == expected)
    }

    @Test("each item has its own threshold: ASSESSMENT_FEE 2 000, MEAL 5 000; items without one never fire")
    func perItem() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", item: "ASSESSMENT_FEE", yuan: "2000.01"),
            Fixture.payment("B", item: "MEAL", yuan: "5000"),
            Fixture.payment("C", item: "DISABILITY_LUMP", yuan: "900000"),
        ])
        let report = await screen(data, ["R03"])
        #expect(report.severities("R03") == ["A": .yellow])
    }

    @Test("a finding carries the payment amount, region and stable id")
    func findingFields() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("P9", item: "REHAB", yuan: "120000", region: Fixture.otherCity)
        ])
        let finding = await screen(data, ["R03"]).findings[0]
        #expect(finding.findingID == "R03-payment-P9")
        #expect(finding.subjectType == .payment)
        #expect(finding.amount == Money(yuan: 120_000))
        #expect(finding.regionCode == Fixture.otherCity)
        #expect(finding.severity == .orange)  // REHAB T = 50 000: 120 000 > 2T, not > 5T
    }

    @Test("a reversal is never flagged")
    func reversal() async {
        let data = Fixture.dataSet(payments: [Fixture.payment("R", item: "MED", yuan: "-900000")])
        #expect(await screen(data, ["R03"]).findings.isEmpty)
    }

    @Test("a city's threshold overrides the province's for payments of that city only")
    func cityOverride() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320100":
                rules:
                  R03:
                    params:
                      threshold:
                        MED: 150000
            """)
        let data = Fixture.dataSet(payments: [
            Fixture.payment("CITY", yuan: "140000", region: Fixture.city),
            Fixture.payment("OTHER", yuan: "140000", region: Fixture.otherCity),
            Fixture.payment("CITY_REHAB", item: "REHAB", yuan: "50000.01", region: Fixture.city),
        ])
        let report = await screen(data, ["R03"], configuration: configuration)
        #expect(report.severities("R03") == ["OTHER": .yellow, "CITY_REHAB": .yellow])
    }

    @Test("switched off in one city: that city's payments are not flagged")
    func disabledInCity() async {
        let configuration = Fixture.yaml(
            """
            cities:
              "320200":
                rules:
                  R03:
                    enabled: false
            """)
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", yuan: "150000", region: Fixture.city),
            Fixture.payment("B", yuan: "150000", region: Fixture.otherCity),
        ])
        let report = await screen(data, ["R03"], configuration: configuration)
        #expect(report.severities("R03") == ["A": .yellow])
    }

    @Test("off in the province but on in one city: runs, and only that city's payments are flagged")
    func enabledInOneCity() async {
        let configuration = Fixture.yaml(
            """
            rules:
              R03:
                enabled: false
            cities:
              "320200":
                rules:
                  R03:
                    enabled: true
            """)
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", yuan: "150000", region: Fixture.city),
            Fixture.payment("B", yuan: "150000", region: Fixture.otherCity),
        ])
        let report = await screen(data, ["R03"], configuration: configuration)
        #expect(report.rule("R03")?.ran == true)
        #expect(report.severities("R03") == ["B": .yellow])
    }

    @Test("switched off in the province: reported as not run (disabled)")
    func disabled() async {
        let configuration = Fixture.yaml("rules:\n  R03:\n    enabled: false\n")
        let data = Fixture.dataSet(payments: [Fixture.payment("A", yuan: "150000")])
        let report = await screen(data, ["R03"], configuration: configuration)
        #expect(report.rule("R03")?.notRun == .disabled)
        #expect(report.findings.isEmpty)
    }

    @Test("without payments.csv R03 is not run (no data)")
    func noData() async {
        let report = await screen(Fixture.dataSet(), ["R03"])
        #expect(report.rule("R03")?.notRun == .noData(missing: [.payments]))
    }

    @Test("the real-time check of a payment agrees with the batch run")
    func realTime() async {
        let data = Fixture.dataSet(payments: [Fixture.payment("OLD", yuan: "10")])
        for (amount, expected) in [("250000", Severity.orange), ("99", nil)] as [(String, Severity?)] {
            let candidate = Fixture.payment("NEW", yuan: amount)
            let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R03")
            #expect(realTime == batch)
            #expect(realTime.first?.severity == expected)
        }
    }

    @Test("real time: an item the snapshot never saw still gets its configured threshold")
    func realTimeUnknownItem() {
        let snapshot = Snapshot(Fixture.dataSet(payments: []))
        let findings = ScreeningEngine().check(
            payment: Fixture.payment("N", item: "DEVICE", yuan: "30000.01"), in: snapshot,
            asOf: Fixture.day("2026-09-30"))
        #expect(findings.filter { $0.ruleID == "R03" }.map(\.severity) == [.yellow])
    }
}
