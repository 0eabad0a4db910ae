import FundColumns
import FundModel
import Screening
import Testing

@Suite("R08 重复票据")
struct R08Tests {
    @Test("every payment after the first (paid date, then payment id) with the same institution and invoice fires")
    func duplicates() async {
        let payments = [
            Fixture.payment("P3", paid: "2026-03-05", institution: "H1", invoice: "INV-1"),
            Fixture.payment("P2", paid: "2026-03-01", institution: "H1", invoice: "INV-1"),
            Fixture.payment("P1", paid: "2026-03-01", institution: "H1", invoice: "INV-1"),
            Fixture.payment("OTHER_H", paid: "2026-02-01", institution: "H2", invoice: "INV-1"),
            Fixture.payment("NO_INST", paid: "2026-02-01", invoice: "INV-1"),
            // A reversal that matches no payment's amount cancels nothing.
            Fixture.payment("REV", yuan: "-77", paid: "2026-02-01", institution: "H1", invoice: "INV-1"),
            Fixture.payment("EMPTY1", paid: "2026-02-01", institution: "H1", invoice: ""),
            Fixture.payment("EMPTY2", paid: "2026-02-02", institution: "H1", invoice: ""),
        ]
        let report = await screen(Fixture.dataSet(payments: payments), ["R08"])
        #expect(report.severities("R08") == ["P2": .red, "P3": .red])
        #expect(report.findings.allSatisfy { $0.evidence == ["P1"] })
    }

    @Test("rev. 2: a bill reversed and reissued does not fire; a second copy beside the reissue does")
    func reversedAndReissued() async {
        let payments = [
            Fixture.payment("ORIG", yuan: "500", paid: "2026-03-01", institution: "H1", invoice: "INV-9"),
            Fixture.payment("ORIG_REV", yuan: "-500", paid: "2026-03-05", institution: "H1", invoice: "INV-9"),
            Fixture.payment("REISSUE", yuan: "500", paid: "2026-03-06", institution: "H1", invoice: "INV-9"),
            // Another invoice: reversed once, paid three times: the reversal cancels the earliest.
            Fixture.payment("A1", yuan: "300", paid: "2026-04-01", institution: "H1", invoice: "INV-10"),
            Fixture.payment("A2", yuan: "300", paid: "2026-04-02", institution: "H1", invoice: "INV-10"),
            Fixture.payment("A_REV", yuan: "-300", paid: "2026-04-03", institution: "H1", invoice: "INV-10"),
            Fixture.payment("A3", yuan: "300", paid: "2026-04-04", institution: "H1", invoice: "INV-10"),
            // A reversal of another amount cancels nothing.
            Fixture.payment("B1", yuan: "200", paid: "2026-05-01", institution: "H1", invoice: "INV-11"),
            Fixture.payment("B_REV", yuan: "-150", paid: "2026-05-02", institution: "H1", invoice: "INV-11"),
            Fixture.payment("B2", yuan: "200", paid: "2026-05-03", institution: "H1", invoice: "INV-11"),
        ]
        let report = await screen(Fixture.dataSet(payments: payments), ["R08"])
        #expect(report.severities("R08") == ["A3": .red, "B2": .red])
        #expect(report.findings.first { $0.subjectID == "A3" }?.evidence == ["A2"])
        // Real time agrees: a reissue after the reversal is clean, a copy of it is not.
        let data = Fixture.dataSet(payments: Array(payments[0..<3]))
        let copy = Fixture.payment("COPY", yuan: "500", paid: "2026-03-09", institution: "H1", invoice: "INV-9")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: copy, rule: "R08")
        #expect(realTime.count == 1 && realTime == batch)
        #expect(realTime.first?.evidence == ["REISSUE"])
    }

    @Test("real time: a new payment repeating an invoice fires like the batch run")
    func realTime() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("OLD", paid: "2026-03-01", institution: "H1", invoice: "INV-7")
        ])
        let candidate = Fixture.payment("NEW", paid: "2026-04-01", institution: "H1", invoice: "INV-7")
        let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R08")
        #expect(realTime.count == 1 && realTime == batch)
        #expect(realTime.first?.evidence == ["OLD"])
        let fresh = Fixture.payment("NEW", paid: "2026-04-01", institution: "H1", invoice: "INV-8")
        #expect(
            ScreeningEngine().check(payment: fresh, in: Snapshot(data), asOf: Fixture.day("2026-09-30")).filter {
                $0.ruleID == "R08"
            }.isEmpty)
    }
}

@Suite("R09 非协议机构")
struct R09Tests {
    static func data(_ payments: [Payment], _ agreements: [Agreement]) -> DataSet {
        Fixture.dataSet(payments: payments) { $0.agreements = agreements }
    }

    @Test("covered from start to end date inclusive; the day after the end fires orange")
    func coverage() async {
        let agreements = [Fixture.agreement("A1", institution: "H1", start: "2025-01-01", end: "2026-03-31")]
        let payments = [
            Fixture.payment("FIRST_DAY", paid: "2025-01-01", institution: "H1"),
            Fixture.payment("LAST_DAY", paid: "2026-03-31", institution: "H1"),
            Fixture.payment("DAY_AFTER", paid: "2026-04-01", institution: "H1"),
            Fixture.payment("DAY_BEFORE", paid: "2024-12-31", institution: "H1"),
        ]
        let report = await screen(Self.data(payments, agreements), ["R09"])
        #expect(report.severities("R09") == ["DAY_AFTER": .orange, "DAY_BEFORE": .orange])
    }

    @Test("the agreement must be active and of the item's service")
    func statusAndService() async {
        let agreements = [
            Fixture.agreement("A1", institution: "SUSP", status: .suspended),
            Fixture.agreement("A2", institution: "REHAB_ONLY", services: [.rehab]),
            Fixture.agreement("A3", institution: "BOTH", services: [.medical, .assistive]),
        ]
        let payments = [
            Fixture.payment("SUSPENDED", institution: "SUSP"),
            Fixture.payment("MED_AT_REHAB", item: "MED", institution: "REHAB_ONLY"),
            Fixture.payment("REHAB_OK", item: "REHAB", institution: "REHAB_ONLY"),
            Fixture.payment("MEAL_OK", item: "MEAL", institution: "BOTH"),
            Fixture.payment("DEVICE_OK", item: "DEVICE", institution: "BOTH"),
            Fixture.payment("REHAB_AT_BOTH", item: "REHAB", institution: "BOTH"),
            Fixture.payment("TRAVEL", item: "TRAVEL", institution: "NOWHERE"),
            Fixture.payment("NO_INSTITUTION", item: "MED"),
            Fixture.payment("UNKNOWN_INST", item: "MED", institution: "NOWHERE"),
        ]
        let report = await screen(Self.data(payments, agreements), ["R09"])
        #expect(
            report.severities("R09") == [
                "SUSPENDED": .orange, "MED_AT_REHAB": .orange, "REHAB_AT_BOTH": .orange, "UNKNOWN_INST": .orange,
            ])
    }

    @Test("real time: an institution the snapshot never saw has no agreement")
    func realTime() async {
        let data = Self.data([], [Fixture.agreement("A1", institution: "H1")])
        for (institution, fires) in [("NEW_H", true), ("H1", false)] {
            let candidate = Fixture.payment("NEW", institution: institution)
            let (realTime, batch) = await realTimeAgreesWithBatch(data, candidate: candidate, rule: "R09")
            #expect(realTime == batch)
            #expect(realTime.isEmpty != fires)
        }
    }
}

@Suite("R11 无认定支出")
struct R11Tests {
    @Test("fires for a missing, unknown or unrecognized case, or a service date before the accident; not for advances")
    func cases() async {
        let cases = [
            Fixture.injuryCase("OK", accident: "2025-06-01"),
            Fixture.injuryCase("DEEMED", accident: "2025-06-01", decision: .deemed),
            Fixture.injuryCase("PENDING", decision: .pending, decided: nil),
            Fixture.injuryCase("REJECTED", decision: .rejected),
        ]
        let payments = [
            Fixture.payment("GOOD", paid: "2025-06-01", caseID: "OK"),
            Fixture.payment("GOOD_DEEMED", caseID: "DEEMED"),
            Fixture.payment("BEFORE", paid: "2025-05-31", caseID: "OK"),
            Fixture.payment("PENDING", caseID: "PENDING"),
            Fixture.payment("REJECTED", caseID: "REJECTED"),
            Fixture.payment("NO_CASE", caseID: nil),
            Fixture.payment("UNKNOWN", caseID: "NOPE"),
            Fixture.payment("ADVANCE", caseID: nil, advance: true),
            Fixture.payment("ADVANCE_PENDING", caseID: "PENDING", advance: true),
        ]
        let report = await screen(Fixture.dataSet(payments: payments, cases: cases), ["R11"])
        #expect(
            report.severities("R11") == [
                "BEFORE": .red, "PENDING": .red, "REJECTED": .red, "NO_CASE": .red, "UNKNOWN": .red,
            ])
        #expect(report.findings.first { $0.subjectID == "UNKNOWN" }?.evidence == ["NOPE"])
    }

    @Test("without injury_cases.csv R11 is not run (no data)")
    func noData() async {
        #expect(
            await screen(Fixture.dataSet(payments: []), ["R11"]).rule("R11")?.notRun == .noData(missing: [.injuryCases])
        )
    }

    @Test("real time agrees with batch")
    func realTime() async {
        let data = Fixture.dataSet(
            payments: [], cases: [Fixture.injuryCase("PENDING", decision: .pending, decided: nil)])
        for caseID in ["PENDING", "NEW_CASE"] {
            let (realTime, batch) = await realTimeAgreesWithBatch(
                data, candidate: Fixture.payment("NEW", caseID: caseID), rule: "R11")
            #expect(realTime.count == 1 && realTime == batch)
        }
    }
}
