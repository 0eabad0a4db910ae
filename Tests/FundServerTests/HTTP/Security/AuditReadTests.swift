import Foundation
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11, Build: the audit page's own reads are audited, and the log the server writes is one chain.
@Suite("Security: reading the audit log is audited")
struct AuditReadTests {
    @Test func readsOfTheAuditPageAreLogged() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let auditor = try await client.login("aud")
            let page = try await client.get("/audit?action=login&target=worker:11010519491231002X", session: auditor)
            #expect(page.status == .ok)
            let bad = try await client.get("/audit?outcome=maybe", session: auditor)
            #expect(bad.status == .unprocessableContent)
            // Refused to a city handler: no read, so no view line for him.
            let city = try await client.get("/audit", session: try await client.login("nj"))
            #expect(city.status == .forbidden)
        }
        let reads = try world.auditEntries(action: "view.audit")
        #expect(reads.count == 2)
        let first = try #require(reads.last)
        #expect(first.userName == "aud" && first.outcome == "ok" && first.targetType == "audit_log")
        #expect(first.detail.contains("action=login"))
        // The id number in the filter is masked in the log, as the page masks it.
        #expect(!first.detail.contains("11010519491231002X"))
        #expect(first.detail.contains("显示 0 / 0 条"))
        #expect(reads.first?.outcome == "failed")
        // Every line the server wrote is chained.
        #expect(try world.store.verifyAuditChain().isIntact)
    }
}
