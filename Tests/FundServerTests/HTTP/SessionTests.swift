import Foundation
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("Sign-in, sign-out, password change, API keys")
struct SessionTests {
    @Test func loginSetsAStrictHttpOnlyCookieAndAudits() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let form = try await client.get("/login")
            #expect(form.status == .ok)
            let pre = try #require(form.setCookie("fg_login_csrf"))
            #expect(pre.contains("HttpOnly") && pre.contains("SameSite=Strict"))
            let token = try #require(form.csrf)
            let response = try await client.post(
                "/login", [("name", "nj"), ("password", TestWorld.password), ("next", "/findings?level=red")],
                session: nil, csrf: .value(token), extraCookie: String(pre.split(separator: ";")[0]))
            #expect(response.status == .seeOther)
            #expect(response.location == "/findings?level=red")
            let cookie = try #require(response.setCookie("fg_session"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
        }
        let logins = try world.auditEntries(action: "login")
        #expect(logins.count == 1)
        #expect(logins[0].userName == "nj" && logins[0].outcome == "ok" && logins[0].remoteAddress == "10.1.2.3")
        // The store keeps only the token's hash.
        let sessions = try await world.store.databaseWriter.read { db in
            try String.fetchAll(db, sql: "SELECT token_hash FROM sessions")
        }
        #expect(sessions.count == 1 && sessions[0].count == 64)
    }

    @Test func loginWithoutTheFormTokenIs403() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.post(
                "/login", [("name", "nj"), ("password", TestWorld.password)], session: nil, csrf: .none)
            #expect(page.status == .forbidden)
            // A token without its cookie is refused too.
            let forged = try await client.post(
                "/login", [("name", "nj"), ("password", TestWorld.password)], session: nil, csrf: .value("abc"))
            #expect(forged.status == .forbidden)
        }
        #expect(try world.auditEntries(action: "login").isEmpty)
    }

    @Test func wrongPasswordAndUnknownUserAreTheSameFailure() async throws {
        let world = try TestWorld()
        try await world.test { client in
            for (name, password) in [("nj", "wrong-Passw0rd"), ("nobody", TestWorld.password)] {
                let form = try await client.get("/login")
                let cookie = String(form.setCookie("fg_login_csrf")!.split(separator: ";")[0])
                let page = try await client.post(
                    "/login", [("name", name), ("password", password)], session: nil, csrf: .value(form.csrf!),
                    extraCookie: cookie)
                #expect(page.status == .unauthorized)
                #expect(page.contains("用户名或密码错误"))
                #expect(page.setCookie("fg_session") == nil)
            }
        }
        let failures = try world.auditEntries(action: "login").filter { $0.outcome == "failed" }
        #expect(Set(failures.map(\.userName)) == ["nj", "nobody"])
    }

    @Test func fiveFailuresSlowTheOffender() async throws {
        let world = try TestWorld(rateLimiter: LoginRateLimiter(maxFailures: 5, window: 900, baseDelay: 60))
        try await world.test { client in
            var statuses: [HTTPResponse.Status] = []
            for attempt in 0..<6 {
                let form = try await client.get("/login")
                let cookie = String(form.setCookie("fg_login_csrf")!.split(separator: ";")[0])
                let password = attempt == 5 ? TestWorld.password : "bad-passw0rd"
                let page = try await client.post(
                    "/login", [("name", "sup"), ("password", password)], session: nil, csrf: .value(form.csrf!),
                    extraCookie: cookie)
                statuses.append(page.status)
            }
            // Even the right password is refused from this address while the delay runs.
            #expect(statuses == Array(repeating: .unauthorized, count: 5) + [.tooManyRequests])
        }
        let denied = try world.auditEntries(action: "login").filter { $0.outcome == "denied" }
        #expect(denied.count == 1)
        #expect(denied[0].detail == "rate limited")
    }

    @Test func deactivatedUserCannotSignIn() async throws {
        let world = try TestWorld()
        let user = try #require(try world.store.user(name: "wx"))
        try world.store.setActive(userID: user.id, active: false)
        try await world.test { client in
            await #expect(throws: TestFailure.self) { _ = try await client.login("wx") }
        }
    }

    @Test func logoutEndsTheSession() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let noToken = try await client.post("/logout", [], session: session, csrf: .none)
            #expect(noToken.status == .forbidden)
            let out = try await client.post("/logout", [], session: session)
            #expect(out.status == .seeOther && out.location == "/login")
            let after = try await client.get("/dashboard", session: session)
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/login?next=") == true)
        }
        #expect(try world.auditEntries(action: "logout").count == 1)
    }

    @Test func anonymousPagesRedirectToLogin() async throws {
        let world = try TestWorld()
        try await world.test { client in
            for path in [
                "/dashboard", "/findings", "/findings/\(TestWorld.redNanjing)", "/audit", "/rules", "/imports",
                "/users", "/account",
            ] {
                let page = try await client.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/login?next=") == true, "\(path)")
            }
            let root = try await client.get("/")
            #expect(root.location == "/login")
        }
    }

    @Test func passwordChange() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            func change(_ current: String, _ new: String, _ repeated: String, csrf: Client.CSRFChoice = .session)
                async throws -> Client.Page
            {
                try await client.post(
                    "/account/password", [("current", current), ("new", new), ("repeat", repeated)], session: session,
                    csrf: csrf)
            }
            #expect(
                try await change(TestWorld.password, "Newpassw0rd!", "Newpassw0rd!", csrf: .none).status == .forbidden)
            let wrongCurrent = try await change("nope-Passw0rd", "Newpassw0rd!", "Newpassw0rd!")
            #expect(wrongCurrent.status == .unprocessableContent && wrongCurrent.contains("当前密码错误"))
            let mismatch = try await change(TestWorld.password, "Newpassw0rd!", "Newpassw0rd?")
            #expect(mismatch.status == .unprocessableContent && mismatch.contains("两次输入的新密码不一致"))
            let weak = try await change(TestWorld.password, "short1", "short1")
            #expect(weak.status == .unprocessableContent && weak.contains("密码至少 10 个字符"))
            let same = try await change(TestWorld.password, TestWorld.password, TestWorld.password)
            #expect(same.status == .unprocessableContent && same.contains("新密码不能与当前密码相同"))
            let empty = try await change("", "Newpassw0rd!", "Newpassw0rd!")
            #expect(empty.status == .unprocessableContent && empty.contains("请输入当前密码"))
            let ok = try await change(TestWorld.password, "Newpassw0rd!", "Newpassw0rd!")
            #expect(ok.status == .seeOther && ok.location == "/account?done=password")
            // The old session is gone; the new password works, the old one does not.
            #expect(try await client.get("/dashboard", session: session).status == .seeOther)
            _ = try await client.login("nj", password: "Newpassw0rd!")
            await #expect(throws: TestFailure.self) { _ = try await client.login("nj") }
        }
        let entries = try world.auditEntries(action: "account.password")
        #expect(entries.filter { $0.outcome == "ok" }.count == 1)
        #expect(entries.filter { $0.outcome == "failed" }.count == 5)
    }

    @Test func apiKeyIsShownOnceAndWorks() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let missing = try await client.post("/account/api-keys", [("label", "")], session: session)
            #expect(missing.status == .unprocessableContent)
            let page = try await client.post("/account/api-keys", [("label", "市局对接")], session: session)
            #expect(page.status == .ok)
            let key = try #require(Client.Page.firstMatch(in: page.body, after: "新密钥：<code>", until: "</code>"))
            #expect(key.hasPrefix("fgk_"))
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(key)"
            let me = try await client.request(.get, "/api/v1/me", headers: headers)
            #expect(me.status == .ok && me.contains("\"role\":\"supervisor\""))
            let again = try await client.get("/account", session: session)
            #expect(!again.contains(key))
        }
        #expect(try world.auditEntries(action: "account.api_key").count == 1)
    }
}
