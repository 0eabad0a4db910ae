import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #3: twenty concurrent `recover 10` steps on one finding all answered 201, yet 180.00 was recorded.
@Suite("Security: verification steps are read, checked and written in one transaction")
struct ConcurrentRecoveryTests {
    static let red = TestWorld.redNanjing

    /// Brings the red finding to `irregular` with 1 234.50 to recover; returns the API headers of nj.
    static func irregular(_ world: TestWorld, _ client: Client) async throws -> HTTPFields {
        let nj = try #require(try world.store.user(name: "nj"))
        var headers = try APITests.key(world, "nj")
        headers[.contentType] = "application/json"
        for json in [
            "{\"action\":\"assign\",\"assignee\":\(nj.id)}", "{\"action\":\"start\"}",
            "{\"action\":\"irregular\",\"amount\":\"1234.50\",\"reason\":\"冒领\"}",
        ] {
            let page = try await client.request(
                .post, "/api/v1/findings/\(red)/steps", headers: headers, body: ByteBuffer(string: json))
            #expect(page.status == .created)
        }
        return headers
    }

    @Test func twentyConcurrentRecoveriesAllCount() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let headers = try await Self.irregular(world, client)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        try await client.request(
                            .post, "/api/v1/findings/\(Self.red)/steps", headers: headers,
                            body: ByteBuffer(
                                string: "{\"action\":\"recover\",\"amount\":\"10\",\"reason\":\"缴款 \(n)\"}")
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
        }
        let state = try #require(try world.store.verificationCase(findingID: Self.red))
        #expect(state.recovered == Money(yuan: 200))
        let steps = try world.store.verificationSteps(findingID: Self.red).filter { $0.action == .recover }
        #expect(steps.count == 20)
    }

    /// Twenty steps sent with the version they saw: one is written, the others are stale (409) and nothing
    /// of them is recorded.
    @Test func staleVersionIsAConflict() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let headers = try await Self.irregular(world, client)
            let detail = try await client.request(.get, "/api/v1/findings/\(Self.red)", headers: headers)
            let object = try #require(try APITests.json(detail) as? [String: Any])
            let version = try #require((object["verification"] as? [String: Any])?["version"] as? Int)
            #expect(version == 3)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await client.request(
                            .post, "/api/v1/findings/\(Self.red)/steps", headers: headers,
                            body: ByteBuffer(
                                string:
                                    "{\"action\":\"recover\",\"amount\":\"10\",\"reason\":\"r\",\"version\":\(version)}"
                            )
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 19)
            let bad = try await client.request(
                .post, "/api/v1/findings/\(Self.red)/steps", headers: headers,
                body: ByteBuffer(
                    string: "{\"action\":\"recover\",\"amount\":\"10\",\"reason\":\"r\",\"version\":\"x\"}"))
            #expect(bad.status == .unprocessableContent && bad.contains("\"version\""))
        }
        let state = try #require(try world.store.verificationCase(findingID: Self.red))
        #expect(state.recovered == Money(yuan: 10))
        #expect(state.version == 4)
    }

    /// The console's forms carry the version: a form from before another person's step is refused (409).
    @Test func staleFormIsRefused() async throws {
        let world = try TestWorld()
        let nj = try #require(try world.store.user(name: "nj"))
        try await world.test { client in
            let session = try await client.login("nj")
            let page = try await client.get("/findings/\(Self.red)", session: session)
            #expect(page.contains("name=\"version\" value=\"0\""))
            let first = try await client.post(
                "/findings/\(Self.red)/steps", [("action", "assign"), ("assignee", String(nj.id)), ("version", "0")],
                session: session)
            #expect(first.status == .seeOther)
            let stale = try await client.post(
                "/findings/\(Self.red)/steps", [("action", "start"), ("version", "0")], session: session)
            #expect(stale.status == .conflict)
            let fresh = try await client.get("/findings/\(Self.red)", session: session)
            #expect(fresh.contains("name=\"version\" value=\"1\""))
            let ok = try await client.post(
                "/findings/\(Self.red)/steps", [("action", "start"), ("version", "1")], session: session)
            #expect(ok.status == .seeOther)
        }
    }
}
