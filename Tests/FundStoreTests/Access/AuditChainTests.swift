import Foundation
import GRDB
import Testing

@testable import FundStore

@Suite("The audit log's hash chain (issue 11)")
struct AuditChainTests {
    private func entry(_ n: Int, user: Int64? = 1) -> AuditEntry {
        AuditEntry(
            at: Date(timeIntervalSince1970: 1_750_000_000 + Double(n)), userID: user, userName: "u\(n)", role: "admin",
            action: "view.finding", targetType: "finding", targetID: "R05-payment-P\(n)", detail: "第 \(n) 条",
            remoteAddress: "10.0.0.\(n)")
    }

    /// A store with `count` audit entries.
    private func store(_ dir: TemporaryDirectory, entries count: Int) throws -> SQLiteFundStore {
        let store = try dir.store()
        for n in 1...count { try store.appendAudit(entry(n, user: n % 3 == 0 ? nil : Int64(n))) }
        return store
    }

    /// Runs raw SQL past the append-only triggers, as an insider with the file could.
    private func tamper(_ store: SQLiteFundStore, _ sql: String) throws {
        try store.databaseWriter.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: sql)
        }
    }

    @Test("an intact log verifies, every entry has a distinct hash")
    func intact() throws {
        let dir = TemporaryDirectory()
        let store = try store(dir, entries: 20)
        let report = try store.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.checked == 20)
        #expect(report.lastID == 20)
        let hashes = try store.databaseWriter.read { db in try String.fetchAll(db, sql: "SELECT hash FROM audit_log") }
        #expect(Set(hashes).count == 20 && hashes.allSatisfy { $0.count == 64 })
        #expect(try dir.store().verifyAuditChain() == report)
    }

    @Test("an entry changed through raw SQL is named as the first broken link")
    func changedEntry() throws {
        let dir = TemporaryDirectory()
        let store = try store(dir, entries: 10)
        try tamper(store, "UPDATE audit_log SET detail = '无' WHERE id = 4")
        let report = try store.verifyAuditChain()
        #expect(report.firstBreak?.id == 4)
        #expect(report.checked == 3)
        // Recomputing that row's hash does not help: the next entry's link breaks instead.
        let previous = try store.databaseWriter.read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE id = 3")!
        }
        let row = try store.databaseWriter.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM audit_log WHERE id = 4")!
        }
        let forged = AuditChain.hash(previous: previous, fields: AuditChain.fields(row))
        try store.databaseWriter.write { db in
            try db.execute(sql: "UPDATE audit_log SET hash = ? WHERE id = 4", arguments: [forged])
        }
        #expect(try store.verifyAuditChain().firstBreak?.id == 5)
    }

    @Test("an entry removed, inserted or the tail cut is found")
    func removedInsertedCut() throws {
        do {
            let dir = TemporaryDirectory()
            let store = try store(dir, entries: 10)
            try tamper(store, "DELETE FROM audit_log WHERE id = 6")
            #expect(try store.verifyAuditChain().firstBreak?.id == 7)
        }
        do {
            let dir = TemporaryDirectory()
            let store = try store(dir, entries: 10)
            try tamper(
                store,
                """
                INSERT INTO audit_log (id, at, user_id, user_name, role, action, target_type, target_id, outcome, detail,
                    remote_address, hash)
                SELECT 100, at, user_id, user_name, role, action, target_type, target_id, outcome, detail,
                    remote_address, hash FROM audit_log WHERE id = 10
                """)
            #expect(try store.verifyAuditChain().firstBreak?.id == 100)
        }
        do {
            let dir = TemporaryDirectory()
            let store = try store(dir, entries: 10)
            try tamper(store, "DELETE FROM audit_log WHERE id >= 9")
            let report = try store.verifyAuditChain()
            #expect(report.firstBreak?.id == 9)
            #expect(report.checked == 8)
        }
    }

    @Test("the migration chains the entries written before it, and new entries continue the chain")
    func migrationChainsExisting() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try SchemaMigrations.migrator.migrate(queue, upTo: "v5 expiring API keys")
        try queue.write { db in
            for n in 1...5 {
                try db.execute(
                    sql: """
                        INSERT INTO audit_log (at, user_id, user_name, role, action, target_type, target_id, outcome,
                            detail, remote_address) VALUES (?, NULL, ?, '', 'login', '', '', 'failed', '', '10.0.0.1')
                        """, arguments: ["2025-01-0\(n)T00:00:00.000Z", "name\(n)"])
            }
        }
        try queue.close()
        let store = try SQLiteFundStore(path: path)
        var report = try store.verifyAuditChain()
        #expect(report.isIntact && report.checked == 5)
        try store.appendAudit(entry(6))
        report = try store.verifyAuditChain()
        #expect(report.isIntact && report.checked == 6 && report.lastID == 6)
        // The append-only trigger is back after the migration.
        #expect(throws: (any Error).self) {
            try store.databaseWriter.write { db in try db.execute(sql: "UPDATE audit_log SET detail = 'x'") }
        }
    }

    @Test("concurrent appends keep one chain")
    func concurrentAppends() async throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    for n in 0..<25 { try store.appendAudit(self.entry(t * 100 + n)) }
                }
            }
            try await group.waitForAll()
        }
        let report = try store.verifyAuditChain()
        #expect(report.isIntact && report.checked == 200)
    }
}
