import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #8: API keys can be revoked (console and API) and expire; a password change does not leave old
/// keys working unless the person keeps them.
@Suite("Security: API keys")
struct APIKeyTests {
    static func bearer(_ key: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        return headers
    }

    /// Creates a key on the account page and returns it.
    static func createKey(_ client: Client, _ session: Client.Session, days: String = "30") async throws -> String {
        let page = try await client.post("/account/api-keys", [("label", "对接"), ("days", days)], session: session)
        #expect(page.status == .ok)
        return try #require(Client.Page.firstMatch(in: page.body, after: "新密钥：<code>", until: "</code>"))
    }

    @Test func consoleKeysExpireAndAreRevocableOnThePage() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            let key = try await Self.createKey(client, session)
            let me = try await client.request(.get, "/api/v1/me", headers: Self.bearer(key))
            #expect(me.status == .ok)
            let record = try #require(try world.store.apiKey(keyHash: SHA256.hex(key)))
            let expiry = try #require(record.expiresAt)
            #expect(abs(expiry.timeIntervalSince(record.createdAt) - 30 * 86_400) < 1)
            let tooLong = try await client.post(
                "/account/api-keys", [("label", "x"), ("days", "10000")], session: session)
            #expect(tooLong.status == .unprocessableContent)
            let revoked = try await client.post("/account/api-keys/\(record.id)/revoke", [], session: session)
            #expect(revoked.status == .ok && revoked.contains("已吊销"))
            let after = try await client.request(.get, "/api/v1/me", headers: Self.bearer(key))
            #expect(after.status == .unauthorized)
            // Another person's key cannot be revoked from this account.
            let other = try await client.post("/account/api-keys/9999/revoke", [], session: session)
            #expect(other.status == .notFound)
        }
        #expect(try world.auditEntries(action: "account.api_key.revoke").count == 1)
    }

    @Test func expiredKeyIsRefused() async throws {
        let world = try TestWorld()
        let user = try #require(try world.store.user(name: "sup"))
        let key = "fgk_expired_\(UUID().uuidString)"
        _ = try world.store.createAPIKey(
            userID: user.id, label: "old", keyHash: SHA256.hex(key), prefix: "fgk_expire",
            at: Date(timeIntervalSinceNow: -86_400),
            expiresAt: Date(timeIntervalSinceNow: -1))
        try await world.test { client in
            let page = try await client.request(.get, "/api/v1/me", headers: Self.bearer(key))
            #expect(page.status == .unauthorized && page.contains("\"code\":\"invalid_api_key\""))
        }
    }

    @Test func keysAreListedAndRevocableThroughTheAPI() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let headers = try APITests.key(world, "sup")
            let list = try await client.request(.get, "/api/v1/api-keys", headers: headers)
            let keys = try #require(try APITests.json(list) as? [[String: Any]])
            #expect(keys.count == 1 && keys[0]["usable"] as? Bool == true)
            #expect(!list.contains(String(try #require(headers[.authorization]).dropFirst("Bearer ".count))))
            let id = try #require(keys[0]["id"] as? Int)
            let missing = try await client.request(.delete, "/api/v1/api-keys/12345", headers: headers)
            #expect(missing.status == .notFound)
            let revoke = try await client.request(.delete, "/api/v1/api-keys/\(id)", headers: headers)
            #expect(revoke.status == .noContent)
            let after = try await client.request(.get, "/api/v1/me", headers: headers)
            #expect(after.status == .unauthorized)
        }
    }

    /// A password change revokes the keys, unless the person ticks "keep my keys".
    @Test func passwordChangeRevokesKeysUnlessKept() async throws {
        let world = try TestWorld()
        try await world.test { client in
            var session = try await client.login("nj")
            let first = try await Self.createKey(client, session)
            let changed = try await client.post(
                "/account/password",
                [("current", TestWorld.password), ("new", "Tiger-lily-4821"), ("repeat", "Tiger-lily-4821")],
                session: session)
            #expect(changed.status == .seeOther)
            let gone = try await client.request(.get, "/api/v1/me", headers: Self.bearer(first))
            #expect(gone.status == .unauthorized)

            session = try await client.login("nj", password: "Tiger-lily-4821")
            let second = try await Self.createKey(client, session)
            let kept = try await client.post(
                "/account/password",
                [
                    ("current", "Tiger-lily-4821"), ("new", "Maple-river-7302"), ("repeat", "Maple-river-7302"),
                    ("keep_keys", "1"),
                ], session: session)
            #expect(kept.status == .seeOther)
            let still = try await client.request(.get, "/api/v1/me", headers: Self.bearer(second))
            #expect(still.status == .ok)
        }
    }
}
