import Foundation
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #5: ten anonymous 2 MB sign-in names added 42 MB to the append-only audit log.
@Suite("Security: the audit log cannot be flooded")
struct AuditFloodTests {
    /// The bytes of every text field of the audit log.
    static func auditBytes(_ world: TestWorld) throws -> Int {
        try world.auditEntries().reduce(0) { sum, entry in
            sum
                + [
                    entry.userName, entry.role, entry.action, entry.targetType, entry.targetID, entry.outcome,
                    entry.detail,
                    entry.remoteAddress,
                ].reduce(0) { $0 + $1.utf8.count }
        }
    }

    static func attempt(_ client: Client, name: String) async throws -> Client.Page {
        let form = try await client.get("/login")
        let cookie = String(try #require(form.setCookie("fg_login_csrf")).split(separator: ";")[0])
        return try await client.post(
            "/login", [("name", name), ("password", "whatever-1234")], session: nil,
            csrf: .value(try #require(form.csrf)), extraCookie: cookie)
    }

    /// A 2 MB name, with a body limit that lets it through to the handler: refused as a failure, and each
    /// attempt (rate-limited ones too) adds a bounded number of bytes.
    @Test func hugeNamesAddBoundedBytes() async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(
                trustForwardedFor: true, bcryptCost: 4, maxRequestBodySize: 8 * 1024 * 1024),
            rateLimiter: LoginRateLimiter(maxFailures: 3, window: 900, baseDelay: 600))
        let before = try Self.auditBytes(world)
        try await world.test { client in
            let huge = String(repeating: "a", count: 2 * 1024 * 1024)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<10 {
                statuses.append(try await Self.attempt(client, name: huge).status)
            }
            #expect(statuses.prefix(3).allSatisfy { $0 == .unauthorized })
            #expect(statuses.dropFirst(3).allSatisfy { $0 == .tooManyRequests })
        }
        let added = try Self.auditBytes(world) - before
        #expect(added <= 10 * 200, "\(added) bytes")
        let entries = try world.auditEntries(action: "login")
        #expect(entries.count == 10)
        // The name is kept once, never as the target too.
        #expect(entries.allSatisfy { $0.targetID.isEmpty && $0.userName.count <= 32 })
    }

    /// Under the default limits a 2 MB sign-in is not even read (413) and adds nothing.
    @Test func hugeNameUnderDefaultLimitsIs413() async throws {
        let world = try TestWorld()
        let before = try Self.auditBytes(world)
        try await world.test { client in
            let page = try await Self.attempt(client, name: String(repeating: "a", count: 2 * 1024 * 1024))
            #expect(page.status == .contentTooLarge)
        }
        #expect(try Self.auditBytes(world) == before)
    }

    /// Every field is capped, whatever the caller passes.
    @Test func everyAuditedFieldIsCapped() {
        #expect(AuditLimits.cap("short", 10) == "short")
        let capped = AuditLimits.cap(String(repeating: "名", count: 5000), AuditLimits.detail)
        #expect(capped.count == AuditLimits.detail && capped.hasSuffix("…"))
    }

    @Test func validFailuresStillNameTheUser() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await Self.attempt(client, name: "nj")
            #expect(page.status == .unauthorized)
        }
        let failure = try #require(try world.auditEntries(action: "login").first)
        #expect(failure.userName == "nj" && failure.targetID.isEmpty && failure.outcome == "failed")
    }
}
