import Foundation
import FundApp
import FundStore
import GRDB
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #7: the sign-in's rate limiter, forwarded addresses, the address after sign-in, idle sessions,
/// passwords someone else chose, common passwords.
@Suite("Security: sign-in")
struct SignInTests {
    static func attempt(
        _ client: Client, name: String, password: String, from address: String = "10.1.2.3", next: String = "/dashboard"
    ) async throws -> Client.Page {
        var headers = HTTPFields()
        headers[.init("X-Forwarded-For")!] = address
        let form = try await client.request(.get, "/login", headers: headers)
        let cookie = String(try #require(form.setCookie("fg_login_csrf")).split(separator: ";")[0])
        var fields = [("name", name), ("password", password), ("next", next)]
        fields.append(("_csrf", try #require(form.csrf)))
        let body = fields.map { "\(Client.encode($0.0))=\(Client.encode($0.1))" }.joined(separator: "&")
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.request(
            .post, "/login", cookie: cookie, headers: headers, body: ByteBuffer(string: body))
    }

    /// Forty parallel wrong passwords: no more than the allowed failures get to the password check.
    @Test func parallelTriesCannotBypassTheLimiter() async throws {
        let world = try TestWorld(rateLimiter: LoginRateLimiter(maxFailures: 5, window: 900, baseDelay: 60))
        try await world.test { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await Self.attempt(client, name: "sup", password: "wrong-Passw0rd").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 35)
        }
    }

    /// The offender is slowed, the victim is not locked out: the account still signs in from elsewhere.
    @Test func offenderIsSlowedNotTheVictim() async throws {
        let world = try TestWorld(rateLimiter: LoginRateLimiter(maxFailures: 3, window: 900, baseDelay: 60))
        try await world.test { client in
            for _ in 0..<6 {
                _ = try await Self.attempt(client, name: "sup", password: "wrong-Passw0rd", from: "203.0.113.9")
            }
            let blocked = try await Self.attempt(client, name: "sup", password: TestWorld.password, from: "203.0.113.9")
            #expect(blocked.status == .tooManyRequests)
            let victim = try await Self.attempt(client, name: "sup", password: TestWorld.password, from: "10.1.2.3")
            #expect(victim.status == .seeOther)
        }
    }

    @Test func delaysGrow() {
        let limiter = LoginRateLimiter(maxFailures: 2, window: 3600, baseDelay: 1, maxDelay: 100, addressFactor: 100)
        var now = Date(timeIntervalSince1970: 1_000_000)
        var waits: [Int] = []
        for _ in 0..<10 {
            // Wait out each delay, then fail again: the next delay is twice as long, up to the cap.
            if let wait = limiter.begin(address: "a", name: "x", now: now) {
                waits.append(Int(wait.rounded()))
                now = now.addingTimeInterval(wait)
                #expect(limiter.begin(address: "a", name: "x", now: now) == nil)
            }
            now = now.addingTimeInterval(0.001)
        }
        #expect(Array(waits.prefix(7)) == [1, 2, 4, 8, 16, 32, 64])
        #expect(waits.allSatisfy { $0 <= 100 })
    }

    /// A spray over many addresses and names does not make the limiter grow without bound.
    @Test func limiterForgetsExpiredKeys() {
        let limiter = LoginRateLimiter(maxFailures: 5, window: 60)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<(LoginRateLimiter.pruneAbove / 2 + 1) {
            _ = limiter.begin(address: "a\(i)", name: "n", now: t0)
        }
        #expect(limiter.keyCount > LoginRateLimiter.pruneAbove)
        _ = limiter.begin(address: "late", name: "n", now: t0.addingTimeInterval(120))
        #expect(limiter.keyCount == 2)
    }

    @Test func forwardedForTakesTheProxysHop() {
        let trusting = ServerConfiguration(trustForwardedFor: true)
        #expect(
            OuterMiddleware.forwardedAddress(["6.6.6.6, 10.1.2.3"], peer: nil, configuration: trusting) == "10.1.2.3")
        #expect(
            OuterMiddleware.forwardedAddress(["6.6.6.6", "10.1.2.4"], peer: nil, configuration: trusting) == "10.1.2.4")
        #expect(OuterMiddleware.forwardedAddress(["6.6.6.6"], peer: nil, configuration: ServerConfiguration()) == nil)
        let listed = ServerConfiguration(trustForwardedFor: true, trustedProxies: ["127.0.0.1"])
        #expect(OuterMiddleware.forwardedAddress(["6.6.6.6"], peer: "192.0.2.1", configuration: listed) == nil)
        #expect(
            OuterMiddleware.forwardedAddress(["1.1.1.1, 6.6.6.6"], peer: "127.0.0.1", configuration: listed)
                == "6.6.6.6")
    }

    /// A client that writes its own X-Forwarded-For in front of the proxy's cannot choose its audited address.
    @Test func spoofedForwardedForIsIgnored() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await Self.attempt(
                client, name: "nj", password: TestWorld.password, from: "6.6.6.6, 10.7.7.7")
            #expect(page.status == .seeOther)
        }
        let login = try #require(try world.auditEntries(action: "login").first)
        #expect(login.remoteAddress == "10.7.7.7")
    }

    @Test func nextIsOnlyAPathOfThisSite() async throws {
        for bad in [
            "/\t/evil.com", "/\n/evil.com", "/ /evil.com", "//evil.com", "/\\evil.com", "https://evil.com", "evil.com",
            "/%09/evil.com".removingPercentEncoding!, "/\u{0}/evil.com", "/login",
        ] {
            #expect(SessionRoutes.safeNext(bad) == "/dashboard", "\(bad.debugDescription)")
        }
        #expect(SessionRoutes.safeNext("/findings?level=red&page=2") == "/findings?level=red&page=2")
        let world = try TestWorld()
        try await world.test { client in
            let form = try await client.get("/login?next=/%09/evil.com")
            #expect(form.contains("name=\"next\" value=\"/dashboard\""))
            let page = try await Self.attempt(client, name: "nj", password: TestWorld.password, next: "/\t/evil.com")
            #expect(page.location == "/dashboard")
        }
    }

    /// Unused for longer than the idle timeout, a session ends, though its absolute lifetime has not.
    @Test func idleSessionEnds() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            let first = try await client.get("/dashboard", session: session)
            #expect(first.status == .ok)
            try await world.store.databaseWriter.write { db in
                try db.execute(
                    sql: "UPDATE sessions SET last_seen_at = ?",
                    arguments: [Self.timestamp(Date().addingTimeInterval(-29 * 60))])
            }
            let fresh = try await client.get("/dashboard", session: session)
            #expect(fresh.status == .ok)
            try await world.store.databaseWriter.write { db in
                try db.execute(
                    sql: "UPDATE sessions SET last_seen_at = ?",
                    arguments: [Self.timestamp(Date().addingTimeInterval(-31 * 60))])
            }
            let idle = try await client.get("/dashboard", session: session)
            #expect(idle.status == .seeOther && idle.location?.hasPrefix("/login") == true)
        }
    }

    /// The store's timestamp text, read back from a session row.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A generated password (and one set by an administrator) must be changed before anything else.
    @Test func generatedPasswordMustBeChanged() async throws {
        let world = try TestWorld()
        let (name, password) = try FundServer.createOneTimeAdmin(store: world.store, name: "demo")
        #expect(try world.store.user(name: name)?.mustChangePassword == true)
        try await world.test { client in
            let signIn = try await Self.attempt(client, name: name, password: password)
            #expect(signIn.location == "/account/password")
            let cookie = String(try #require(signIn.setCookie("fg_session")).split(separator: ";")[0])
            let session = Client.Session(cookie: cookie, csrf: "")
            let dashboard = try await client.get("/dashboard", session: session)
            #expect(dashboard.status == .seeOther && dashboard.location == "/account/password")
            let change = try await client.get("/account/password", session: session)
            #expect(change.status == .ok && change.contains("id=\"must-change\""))
            let csrf = try #require(change.csrf)
            let full = Client.Session(cookie: cookie, csrf: csrf)
            let refused = try await client.post("/users", [("name", "x1")], session: full)
            #expect(refused.status == .forbidden)
            let common = try await client.post(
                "/account/password", [("current", password), ("new", "Password2024"), ("repeat", "Password2024")],
                session: full)
            #expect(common.status == .unprocessableContent && common.contains("常见密码"))
            let changed = try await client.post(
                "/account/password",
                [("current", password), ("new", "Tiger-lily-4821"), ("repeat", "Tiger-lily-4821")], session: full)
            #expect(changed.status == .seeOther)
            let newCookie = String(try #require(changed.setCookie("fg_session")).split(separator: ";")[0])
            let after = try await client.get("/dashboard", session: Client.Session(cookie: newCookie, csrf: ""))
            #expect(after.status == .ok)
        }
        #expect(try world.store.user(name: name)?.mustChangePassword == false)
    }

    @Test func commonPasswordsAreRefused() {
        for common in ["password1234", "Qwerty123456", "1qaz2wsx3edc", "Passw0rd2024", "fundguard2025", "woaini1314"] {
            #expect(PasswordPolicy.problems(common, userName: "u").contains("这是常见密码，容易被猜中，请换一个"), "\(common)")
        }
        #expect(PasswordPolicy.problems("Tiger-lily-4821", userName: "u").isEmpty)
        #expect(PasswordPolicy.problems(TestWorld.password, userName: "u").isEmpty)
    }
}
