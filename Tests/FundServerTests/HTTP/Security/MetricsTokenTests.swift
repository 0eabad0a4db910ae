import Foundation
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11, Build: `/metrics` only to the monitoring system's bearer token.
@Suite("Security: /metrics behind a token")
struct MetricsTokenTests {
    static let token = "metrics-token-0123456789abcdef"

    static func metrics(_ client: Client, _ authorization: String?) async throws -> Client.Page {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        return try await client.request(.get, "/metrics", headers: headers)
    }

    @Test func withoutAConfiguredTokenMetricsAreNotServed() async throws {
        let world = try TestWorld()
        try await world.test { client in
            #expect(try await Self.metrics(client, nil).status == .notFound)
            #expect(try await Self.metrics(client, "Bearer anything-at-all-here").status == .notFound)
            // Not even to a signed-in administrator.
            let admin = try await client.login("admin")
            #expect(try await client.get("/metrics", session: admin).status == .notFound)
        }
    }

    @Test func theTokenIsRequired() async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(trustForwardedFor: true, bcryptCost: 4, metricsToken: Self.token))
        try await world.test { client in
            let none = try await Self.metrics(client, nil)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer realm=\"metrics\"")
            #expect(!none.body.contains("fundguard_"))
            for wrong in [
                "Bearer wrong", "Bearer " + Self.token + "x", "Bearer " + String(Self.token.dropLast()),
                "Basic " + Self.token, Self.token, "Bearer ",
            ] {
                let page = try await Self.metrics(client, wrong)
                #expect(page.status == .unauthorized, "\(wrong)")
                #expect(!page.body.contains("fundguard_"))
            }
            // A session does not stand in for the token.
            let admin = try await client.login("admin")
            #expect(try await client.get("/metrics", session: admin).status == .unauthorized)
            let ok = try await Self.metrics(client, "Bearer " + Self.token)
            #expect(ok.status == .ok)
            #expect(ok.body.contains("fundguard_http_requests_total"))
        }
    }

    @Test func tokenComparison() {
        #expect(SystemRoutes.presents("abc", "Bearer abc"))
        #expect(SystemRoutes.presents("abc", "Bearer  abc "))
        #expect(!SystemRoutes.presents("abc", "Bearer ab"))
        #expect(!SystemRoutes.presents("abc", "Bearer abcd"))
        #expect(!SystemRoutes.presents("abc", "bearer abc"))
        #expect(!SystemRoutes.presents("abc", nil))
    }
}
