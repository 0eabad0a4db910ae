import Foundation
import Hummingbird
import Testing

@testable import FundServer

@Suite("Health, metrics, stylesheet, security headers")
struct SystemTests {
    @Test func healthz() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/healthz")
            #expect(page.status == .ok && page.body == "{\"status\":\"ok\"}")
        }
    }

    @Test func metricsCountRequestsByRoutePattern() async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(
                trustForwardedFor: true, bcryptCost: 4, metricsToken: MetricsTokenTests.token))
        try await world.test { client in
            let session = try await client.login("sup")
            _ = try await client.get("/findings/\(TestWorld.redNanjing)", session: session)
            _ = try await client.get("/findings/NOPE", session: session)
            let metrics = try await MetricsTokenTests.metrics(client, "Bearer " + MetricsTokenTests.token)
            #expect(metrics.status == .ok)
            #expect(
                metrics.contains(
                    "fundguard_http_requests_total{method=\"GET\",route=\"/findings/{id}\",status=\"200\"} 1"))
            #expect(
                metrics.contains(
                    "fundguard_http_requests_total{method=\"GET\",route=\"/findings/{id}\",status=\"404\"} 1"))
            #expect(metrics.contains("fundguard_events_total{event=\"login_success\"} 1"))
            #expect(metrics.contains("fundguard_findings{status=\"new\"} 4"))
            #expect(metrics.contains("# TYPE fundguard_http_request_duration_seconds histogram"))
            #expect(!metrics.contains(TestWorld.redNanjing))
        }
    }

    @Test func securityHeadersAndStylesheet() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            let login = try await client.get("/login")
            #expect(login.headers[.init("Content-Security-Policy")!]?.contains("script-src 'none'") == true)
            #expect(login.headers[.init("X-Frame-Options")!] == "DENY")
            #expect(login.headers[.cacheControl] == "no-store")
        }
    }
}
