import Foundation
import FundModel
import FundStore
import GRDB
import Settlement
import Testing

@Suite("settlement: idempotent, atomic, one winner")
struct SettlementIdempotencyTests {
    typealias W = SettlementWorld

    func count(_ world: W, _ sql: String) throws -> Int {
        try world.store.databaseWriter.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test("the same request gives the same answer and never a second payment")
    func sameRequest() throws {
        let world = try W()
        let first = try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill())
        let again = try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill())
        #expect(first.answer == again.answer)
        #expect(!first.replayed && again.replayed)
        #expect(try count(world, "SELECT count(*) FROM settlements") == 1)
        #expect(try count(world, "SELECT count(*) FROM payments WHERE channel = 'direct'") == 1)
    }

    @Test("another body under the same request id is a conflict, and changes nothing")
    func differentBody() throws {
        let world = try W()
        _ = try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill())
        #expect(throws: SettlementError.self) {
            try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill(fen: 60_000))
        }
        do {
            _ = try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill(invoice: "INV-2"))
        } catch let error as SettlementError {
            #expect(error.kind == .conflict)
            #expect(error.code == "request_id_reused")
        }
        // Request ids are the institution's own: another institution may use the same.
        #expect(try count(world, "SELECT count(*) FROM settlements") == 1)
    }

    @Test("the same request sent 16 times at once: one settlement, one payment, 16 equal answers")
    func concurrentRetries() async throws {
        let world = try W()
        let answers = try await withThrowingTaskGroup(of: StoredAnswer.self) { group in
            for _ in 0..<16 {
                group.addTask { try world.service.settle(W.hospital, requestID: "REQ-C", bill: W.bill()).answer }
            }
            var all: [StoredAnswer] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        #expect(Set(answers).count == 1)
        #expect(try count(world, "SELECT count(*) FROM payments WHERE channel = 'direct'") == 1)
    }

    @Test("two settlements of one invoice at once (different request ids): exactly one is paid")
    func oneWinner() async throws {
        let world = try W()
        // (decision, rule) of each request's one line.
        let decisions = try await withThrowingTaskGroup(of: [String].self) { group in
            for i in 0..<12 {
                group.addTask {
                    let answer = try world.service.settle(
                        W.hospital, requestID: "RACE-\(i)", bill: W.bill(invoice: "INV-RACE"))
                    let line = try W.lines(answer)[0]
                    return [line["decision"] as? String ?? "", line["ruleID"] as? String ?? ""]
                }
            }
            var all: [[String]] = []
            for try await line in group { all.append(line) }
            return all
        }
        #expect(decisions.filter { $0[0] == "paid" }.count == 1)
        #expect(decisions.filter { $0 == ["refused", "R08"] }.count == 11)
        #expect(try count(world, "SELECT count(*) FROM payments WHERE invoice_no = 'INV-RACE'") == 1)
    }

    @Test("atomic: a settlement that fails half-way leaves nothing (no lines, no payment, no answer)")
    func atomic() throws {
        let world = try W()
        // A payment id the settlement will want, taken in advance: the insert of its payment fails.
        try world.store.databaseWriter.write { db in
            try db.execute(
                sql: """
                    INSERT INTO payments (payment_id, worker_id, item_code, amount, paid_date, region_code, advance)
                    VALUES ('DS2026031600000001-2', ?, 'MED', 1, 0, '320100', 0)
                    """, arguments: [W.worker.raw])
        }
        var bill = W.bill()
        bill.lines.append(
            BillLine(lineNo: 2, itemCode: "MEAL", amount: Money(fen: 2_000), serviceStart: W.today, invoiceNo: "INV-M"))
        #expect(throws: (any Error).self) { try world.service.settle(W.hospital, requestID: "REQ-A", bill: bill) }
        #expect(try count(world, "SELECT count(*) FROM settlements") == 0)
        #expect(try count(world, "SELECT count(*) FROM settlement_lines") == 0)
        #expect(try count(world, "SELECT count(*) FROM settlement_requests") == 0)
        #expect(try count(world, "SELECT count(*) FROM payments WHERE channel = 'direct'") == 0)
    }
}
