import Foundation
import Hummingbird
import Testing

@testable import FundServer

/// The entitlement schedule on the case page and at `GET /api/v1/cases/{id}/entitlements` (rules.md rev. 2).
@Suite("待遇核定 on the case page and in the API")
struct EntitlementsHTTPTests {
    @Test("the case page shows the schedule of the month asked for, nursing at that year's average wage")
    func casePage() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            let first = try await client.get("/cases/C1", session: session)
            // Grade 3, nursing full: 50 % of 8 000 in the accident month (2025-03).
            #expect(first.status == .ok && first.contains("待遇核定（法定标准）"))
            #expect(first.contains("按月待遇为 2025-03 的标准") && first.contains("4000.00/月"))
            let later = try await client.get("/cases/C1?on=2026-02-10", session: session)
            // 2026: 50 % of 9 000; 伤残津贴 80 % of 8 000 = 6 400, adjusted 5 % = 6 720.
            #expect(later.contains("按月待遇为 2026-02 的标准") && later.contains("4500.00/月"))
            #expect(later.contains("6720.00/月"))
            let bad = try await client.get("/cases/C1?on=2026-13-01", session: session)
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test("the API gives the same schedule as JSON, scoped by region, and 422 when it cannot be computed")
    func api() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let nanjing = try APITests.key(world, "nj")
            let page = try await client.request(.get, "/api/v1/cases/C1/entitlements?on=2026-02-10", headers: nanjing)
            #expect(page.status == .ok)
            let body = try #require(try APITests.json(page) as? [String: Any])
            #expect(body["month"] as? String == "2026-02")
            let items = try #require(body["items"] as? [[String: Any]])
            let nursing = items.first { $0["itemCode"] as? String == "NURSING" }
            #expect(nursing?["amount"] as? String == "4500.00")
            #expect(
                items.first { $0["itemCode"] as? String == "DISABILITY_MONTHLY" }?["amount"] as? String == "6720.00")
            // Another city's case is not found; a case without an assessment cannot be computed.
            let other = try await client.request(.get, "/api/v1/cases/C3/entitlements", headers: nanjing)
            #expect(other.status == .notFound)
            let province = try APITests.key(world, "sup")
            let unassessed = try await client.request(.get, "/api/v1/cases/C3/entitlements", headers: province)
            #expect(unassessed.status == .unprocessableContent && unassessed.contains("cannot_compute"))
            let bad = try await client.request(.get, "/api/v1/cases/C1/entitlements?on=yesterday", headers: nanjing)
            #expect(bad.status == .unprocessableContent && bad.contains("\"on\""))
        }
        #expect(try world.auditEntries(action: "view.entitlements").count == 2)
    }
}
