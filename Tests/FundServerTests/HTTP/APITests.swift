import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("JSON API under /api/v1")
struct APITests {
    /// An API key for a user, made directly in the store.
    static func key(_ world: TestWorld, _ name: String) throws -> HTTPFields {
        let user = try #require(try world.store.user(name: name))
        let key = "fgk_test_\(name)_\(UUID().uuidString)"
        _ = try world.store.createAPIKey(
            userID: user.id, label: "t", keyHash: SHA256.hex(key), prefix: "fgk_test", at: Date())
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        return headers
    }

    static func json(_ page: Client.Page) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(page.body.utf8))
    }

    @Test("a page asked with a bad bearer key and a stale cookie is a 401, not a redirect loop to /login")
    func badBearerOnAPageDoesNotLoop() async throws {
        let world = try TestWorld()
        try await world.test { client in
            var bad = HTTPFields()
            bad[.authorization] = "Bearer fgk_revoked_or_stale"
            for path in ["/dashboard", "/login", "/findings"] {
                let page = try await client.request(.get, path, cookie: "fg_session=stale-token", headers: bad)
                #expect(page.status == .unauthorized, "\(path): \(page.status)")
                #expect(page.location == nil)
            }
            // Without a key, a page still sends the browser to sign in.
            let browser = try await client.request(.get, "/dashboard", cookie: "fg_session=stale-token")
            #expect(browser.status == .seeOther && browser.location?.hasPrefix("/login") == true)
        }
    }

    @Test("a method a route does not answer is 405 with Allow; a path no route has stays 404")
    func methodNotAllowed() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let key = try Self.key(world, "sup")
            let delete = try await client.request(.delete, "/api/v1/findings", headers: key)
            #expect(delete.status == .methodNotAllowed && delete.contains("\"code\":\"method_not_allowed\""))
            #expect(delete.headers[.allow] == "GET, HEAD")
            let put = try await client.request(.put, "/api/v1/cases/C1/entitlements", headers: key)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, HEAD")
            let patch = try await client.request(.patch, "/api/v1/rules", headers: key)
            #expect(patch.status == .methodNotAllowed && patch.headers[.allow] == "GET, HEAD, PUT")
            let nowhere = try await client.request(.delete, "/api/v1/nothing-here", headers: key)
            #expect(nowhere.status == .notFound)
        }
    }

    @Test func errorsAreJSONWithCodeAndMessage() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let anonymous = try await client.request(.get, "/api/v1/findings")
            #expect(anonymous.status == .unauthorized)
            let body = try #require(try Self.json(anonymous) as? [String: Any])
            #expect(body["code"] as? String == "unauthenticated")
            #expect(body["message"] as? String == "请先登录")
            var bad = HTTPFields()
            bad[.authorization] = "Bearer fgk_nope"
            let invalid = try await client.request(.get, "/api/v1/me", headers: bad)
            #expect(invalid.status == .unauthorized && invalid.contains("\"code\":\"invalid_api_key\""))
            let missing = try await client.request(.get, "/api/v1/nothing", headers: try Self.key(world, "sup"))
            #expect(missing.status == .notFound && missing.contains("\"code\":\"not_found\""))
        }
    }

    @Test func findingsListFilteredAndScoped() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let sup = try await client.request(
                .get, "/api/v1/findings?level=yellow", headers: try Self.key(world, "sup"))
            #expect(sup.status == .ok)
            let page = try #require(try Self.json(sup) as? [String: Any])
            #expect(page["total"] as? Int == 2)
            let wx = try await client.request(.get, "/api/v1/findings", headers: try Self.key(world, "wx"))
            let items = try #require((try Self.json(wx) as? [String: Any])?["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0["regionCode"] as? String == "320200" })
            let dq = try #require(items.first { $0["ruleID"] as? String == "DQ01" })
            #expect(dq["subjectID"] as? String == TestWorld.worker3.masked)
            #expect((dq["detail"] as? String)?.contains(TestWorld.worker3.raw) == false)
            let bad = try await client.request(.get, "/api/v1/findings?min=abc", headers: try Self.key(world, "sup"))
            #expect(bad.status == .unprocessableContent)
            let fields = try #require((try Self.json(bad) as? [String: Any])?["fields"] as? [String: String])
            #expect(fields["min"] != nil)
        }
    }

    @Test func findingDetailAndOtherCity() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let detail = try await client.request(
                .get, "/api/v1/findings/\(TestWorld.redNanjing)", headers: try Self.key(world, "nj"))
            #expect(detail.status == .ok)
            let body = try #require(try Self.json(detail) as? [String: Any])
            let verification = try #require(body["verification"] as? [String: Any])
            #expect(verification["status"] as? String == "new")
            #expect(verification["allowedActions"] as? [String] == ["assign", "note"])
            #expect((body["thresholds"] as? [String: String])?["预警等级"] == "红色预警")
            let other = try await client.request(
                .get, "/api/v1/findings/\(TestWorld.redNanjing)", headers: try Self.key(world, "wx"))
            #expect(other.status == .notFound)
            let steps = try await client.request(
                .get, "/api/v1/findings/\(TestWorld.redNanjing)/steps", headers: try Self.key(world, "wx"))
            #expect(steps.status == .notFound)
        }
        #expect(try world.auditEntries(action: "view.finding").count == 1)
    }

    @Test func stepsThroughTheAPI() async throws {
        let world = try TestWorld()
        let nj = try #require(try world.store.user(name: "nj"))
        try await world.test { client in
            var headers = try Self.key(world, "nj")
            headers[.contentType] = "application/json"
            func post(_ json: String) async throws -> Client.Page {
                try await client.request(
                    .post, "/api/v1/findings/\(TestWorld.redNanjing)/steps", headers: headers,
                    body: ByteBuffer(string: json))
            }
            #expect(try await post("{\"action\":\"assign\",\"assignee\":\(nj.id)}").status == .created)
            #expect(try await post("{\"action\":\"start\"}").status == .created)
            let bad = try await post("{\"action\":\"irregular\",\"amount\":\"-1\",\"reason\":\"r\"}")
            #expect(bad.status == .unprocessableContent && bad.contains("\"amount\""))
            let notJSON = try await post("{oops")
            #expect(notJSON.status == .badRequest && notJSON.contains("\"code\":\"bad_json\""))
            let wrongType = try await post("{\"action\":[1]}")
            #expect(wrongType.status == .unprocessableContent)
            let done = try await post("{\"action\":\"irregular\",\"amount\":\"1234.50\",\"reason\":\"冒领\"}")
            #expect(done.status == .created && done.contains("\"toStatus\":\"irregular\""))
            let list = try await client.request(
                .get, "/api/v1/findings/\(TestWorld.redNanjing)/steps", headers: headers)
            #expect((try Self.json(list) as? [[String: Any]])?.count == 3)
            var auditorHeaders = try Self.key(world, "aud")
            auditorHeaders[.contentType] = "application/json"
            let denied = try await client.request(
                .post, "/api/v1/findings/\(TestWorld.redNanjing)/steps", headers: auditorHeaders,
                body: ByteBuffer(string: "{\"action\":\"note\",\"reason\":\"x\"}"))
            #expect(denied.status == .forbidden && denied.contains("\"code\":\"forbidden\""))
        }
        #expect(try world.store.verificationCase(findingID: TestWorld.redNanjing)?.status == .irregular)
    }

    @Test func sessionCallsNeedTheCSRFHeader() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = ByteBuffer(string: "{\"action\":\"note\",\"reason\":\"x\"}")
            let without = try await client.request(
                .post, "/api/v1/findings/\(TestWorld.redNanjing)/steps", cookie: session.cookie, headers: headers,
                body: body)
            #expect(without.status == .forbidden && without.contains("\"code\":\"csrf\""))
            headers[.init("X-CSRF-Token")!] = session.csrf
            let with = try await client.request(
                .post, "/api/v1/findings/\(TestWorld.redNanjing)/steps", cookie: session.cookie, headers: headers,
                body: body)
            #expect(with.status == .created)
        }
    }

    @Test func runsImportsAndRules() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let sup = try Self.key(world, "sup")
            let runs = try await client.request(.get, "/api/v1/runs", headers: sup)
            #expect((try Self.json(runs) as? [[String: Any]])?.first?["raised"] as? Int == 4)
            #expect(
                try await client.request(.get, "/api/v1/runs?limit=0", headers: sup).status == .unprocessableContent)
            let imports = try await client.request(.get, "/api/v1/imports", headers: sup)
            #expect((try Self.json(imports) as? [[String: Any]])?.count == 1)
            #expect(
                try await client.request(.get, "/api/v1/imports", headers: try Self.key(world, "nj")).status
                    == .forbidden)
            let rules = try await client.request(.get, "/api/v1/rules", headers: try Self.key(world, "nj"))
            #expect(rules.status == .ok && rules.contains("\"id\":\"R03\""))

            var json = sup
            json[.contentType] = "application/json"
            let started = try await client.request(
                .post, "/api/v1/runs", headers: json, body: ByteBuffer(string: "{\"as_of\":\"2025-10-01\"}"))
            // A background job: 202, then the run when it is done (issue 11).
            #expect(started.status == .accepted && started.location?.hasPrefix("/api/v1/jobs/") == true)
            let run = try await client.finishedJob(started, headers: sup)
            #expect(run["state"] as? String == "succeeded" && run["kind"] as? String == "screening")
            #expect((run["run"] as? [String: Any])?["id"] as? Int == 2)
            // Only its owner sees a job.
            #expect(
                try await client.request(.get, started.location ?? "", headers: try Self.key(world, "admin")).status
                    == .notFound)
            let badRun = try await client.request(
                .post, "/api/v1/runs", headers: json, body: ByteBuffer(string: "{\"as_of\":\"x\"}"))
            #expect(badRun.status == .unprocessableContent)
            var njJSON = try Self.key(world, "nj")
            njJSON[.contentType] = "application/json"
            #expect(
                try await client.request(.post, "/api/v1/runs", headers: njJSON, body: ByteBuffer(string: "{}")).status
                    == .forbidden)

            let draft = RulesAndImportTests.draft(threshold: "300000")
            let encoded = String(
                data: try JSONSerialization.data(withJSONObject: ["yaml": draft, "as_of": "2025-10-01"]),
                encoding: .utf8)!
            let trial = try await client.request(
                .post, "/api/v1/rules/trial", headers: json, body: ByteBuffer(string: encoded))
            #expect(trial.status == .accepted)
            let trialJob = try await client.finishedJob(trial, headers: sup)
            #expect(trialJob["state"] as? String == "succeeded" && trialJob["kind"] as? String == "trial")
            let lines = try #require(trialJob["trial"] as? [[String: Any]])
            let r03 = try #require(lines.first { $0["ruleID"] as? String == "R03" })
            #expect(r03["current"] as? Int == 1 && r03["draft"] as? Int == 0)
            let noReason = try await client.request(
                .put, "/api/v1/rules", headers: json, body: ByteBuffer(string: encoded))
            #expect(noReason.status == .unprocessableContent && noReason.contains("\"reason\""))
            let withReason = String(
                data: try JSONSerialization.data(withJSONObject: ["yaml": draft, "reason": "接口修改"]), encoding: .utf8)!
            let saved = try await client.request(
                .put, "/api/v1/rules", headers: json, body: ByteBuffer(string: withReason))
            #expect(saved.status == .ok)
            #expect(
                try await client.request(.put, "/api/v1/rules", headers: njJSON, body: ByteBuffer(string: withReason))
                    .status == .forbidden)
        }
        #expect(try world.store.currentRulesConfiguration()?.reason == "接口修改")
    }
}
