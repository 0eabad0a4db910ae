import Foundation
import FundModel
import FundStore
import GRDB
import Screening
import Settlement
import Testing

@Suite("settlement: reversal, review, reconciliation, clearing, screening")
struct ReversalReconciliationTests {
    typealias W = SettlementWorld

    static let audit = AuditEntry(
        userID: nil, userName: "nj", role: "city_handler", action: "settlement.review",
        remoteAddress: "-")

    @Test("a reversal cancels the payments with negative ones, idempotently; a second reversal is a conflict")
    func reversal() throws {
        let world = try W()
        let settled = try W.json(try world.service.settle(W.hospital, requestID: "S1", bill: W.bill(invoice: "INV-9")))
        let id = try #require(settled["settlementID"] as? String)
        let first = try world.service.reverse(W.hospital, requestID: "V1", settlementID: id, reason: "患者退费")
        let again = try world.service.reverse(W.hospital, requestID: "V1", settlementID: id, reason: "患者退费")
        #expect(first.answer == again.answer)
        #expect(again.replayed)
        let json = try W.json(first)
        #expect(json["reversedFen"] as? Int == 50_000)
        do {
            _ = try world.service.reverse(W.hospital, requestID: "V2", settlementID: id, reason: "")
            Issue.record("reversed twice")
        } catch let error as SettlementError {
            #expect(error.code == "already_reversed")
        }
        // Another institution cannot see it.
        #expect(throws: SettlementError.self) {
            try world.service.reverse(W.rehabCentre, requestID: "V3", settlementID: id, reason: "")
        }
        let sum = try world.store.databaseWriter.read { db in
            try Int64.fetchOne(db, sql: "SELECT sum(amount) FROM payments WHERE invoice_no = 'INV-9'")
        }
        #expect(sum == 0)
        // The invoice reissued after the reversal is paid again (the reversal nets the first payment).
        let reissued = try world.service.settle(W.hospital, requestID: "S2", bill: W.bill(invoice: "INV-9"))
        #expect(try W.lines(reissued)[0]["decision"] as? String == "paid")
    }

    @Test("a held line approved after review becomes a payment; refused after review it never does")
    func review() throws {
        let world = try W()
        let a = try W.json(
            try world.service.settle(W.hospital, requestID: "B1", bill: W.bill(fen: 15_000_000, invoice: "BIG-1")))
        let b = try W.json(
            try world.service.settle(W.hospital, requestID: "B2", bill: W.bill(fen: 16_000_000, invoice: "BIG-2")))
        let approved = try world.service.review(
            settlementID: a["settlementID"] as! String, lineNo: 1, approve: true, by: "nj", note: "住院手术，费用合理",
            audit: Self.audit)
        #expect(approved.reviewState == "approved")
        #expect(approved.paid)
        let refused = try world.service.review(
            settlementID: b["settlementID"] as! String, lineNo: 1, approve: false, by: "nj", note: "无病历",
            audit: Self.audit)
        #expect(refused.reviewState == "refused")
        #expect(throws: SettlementError.self) {
            try world.service.review(
                settlementID: b["settlementID"] as! String, lineNo: 1, approve: true, by: "nj", note: "",
                audit: Self.audit)
        }
        let clearing = try world.service.clearing(institutionID: "H1", month: YearMonth(year: 2026, month: 3)!)
        #expect(clearing.approvedAfterReviewFen == 15_000_000)
        #expect(clearing.refusedAfterReviewFen == 16_000_000)
        #expect(clearing.toPayFen == 15_000_000)
        #expect(clearing.pendingReviewLines == 0)
    }

    @Test("the day's reconciliation and the mismatch report")
    func reconciliation() throws {
        let world = try W()
        let s1 = try W.json(
            try world.service.settle(W.hospital, requestID: "S1", bill: W.bill(fen: 10_000, invoice: "I1")))
        _ = try world.service.settle(W.hospital, requestID: "S2", bill: W.bill(fen: 20_000, invoice: "I2"))
        _ = try world.service.settle(W.hospital, requestID: "S3", bill: W.bill(item: "SPA", fen: 5_000, invoice: "I3"))
        _ = try world.service.reverse(
            W.hospital, requestID: "V1", settlementID: s1["settlementID"] as! String, reason: "")
        let day = try world.service.reconciliation(institutionID: "H1", day: W.today)
        #expect(day.totals.settlementCount == 3)
        #expect(day.totals.paidFen == 30_000)
        #expect(day.totals.reversedFen == 10_000)
        #expect(day.totals.netFen == 20_000)
        #expect(day.totals.refusedLines == 1)
        let ids = Set(day.lines.map(\.settlementID)).sorted()
        let good = try world.service.compare(
            institutionID: "H1", day: W.today,
            theirs: InstitutionTotals(
                settlementCount: 3, paidFen: 30_000, reversedFen: 10_000, netFen: 20_000, settlementIDs: ids))
        #expect(good.matched)
        let bad = try world.service.compare(
            institutionID: "H1", day: W.today,
            theirs: InstitutionTotals(
                settlementCount: 3, paidFen: 31_000, reversedFen: 10_000, netFen: 21_000,
                settlementIDs: Array(ids.dropFirst()) + ["DS-NOT-OURS"]))
        #expect(!bad.matched)
        #expect(bad.differences.map(\.field) == ["paidFen", "netFen"])
        #expect(bad.missingAtInstitution == [ids[0]])
        #expect(bad.unknownToPlatform == ["DS-NOT-OURS"])
        // Another institution's day is empty.
        #expect(try world.service.reconciliation(institutionID: "R1", day: W.today).lines.isEmpty)
        let clearing = try world.service.clearing(institutionID: "H1", month: YearMonth(year: 2026, month: 3)!)
        #expect(clearing.settledFen == 30_000)
        #expect(clearing.reversedFen == 10_000)
        #expect(clearing.refusedAtCounterFen == 5_000)
        #expect(clearing.toPayFen == 20_000)
    }

    @Test("batch screening sees the direct settlements: a later reimbursement of a settled invoice is R08")
    func screeningSeesSettlements() async throws {
        let world = try W()
        let answer = try W.json(try world.service.settle(W.hospital, requestID: "S1", bill: W.bill(invoice: "INV-S")))
        let paymentID = try #require((answer["lines"] as? [[String: Any]])?.first?["paymentID"] as? String)
        _ = try world.importFiles([
            "payments.csv": """
            payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance
            P9,C1,\(W.worker.raw),MED,500.00,2026-03-20,2026-03-15,2026-03-15,H1,INV-S,reimbursement,,,320100,false

            """
        ])
        let snapshot = Snapshot(try world.store.loadScreeningData(tables: nil, parts: nil))
        let report = await ScreeningEngine().run(snapshot, asOf: Day(iso: "2026-03-31")!, only: ["R08"])
        let finding = try #require(report.findings.first { $0.subjectID == "P9" })
        #expect(finding.evidence == [paymentID])
    }
}
