import Foundation
import FundModel
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #6: one GET (`/audit?page=92233720368547759`) overflowed and ended the process. Every route's query
/// parameters are swept with extreme values; no answer may be a 5xx, and the process must live to the end
/// (a trap would end the test run).
@Suite("Security: query parameters cannot crash the server")
struct QueryFuzzTests {
    /// Every GET route of the console and the API, with ids that exist in the casework test world.
    static let routes: [String] = [
        "/healthz", "/metrics", "/", "/dashboard", "/imports", "/findings", "/findings.csv", "/users", "/login",
        "/account", "/rules", "/audit", "/workers/\(TestWorld.worker1.raw)", "/cases/C1",
        "/findings/\(TestWorld.redNanjing)", "/findings/\(TestWorld.redNanjing)/files/1",
        "/casework/determinations", "/casework/determinations/D-NJ-1", "/casework/assessments",
        "/casework/assessments/A-NJ-1", "/casework/campaigns", "/casework/campaigns/CP1",
        "/casework/campaigns/CP1/report", "/casework/campaigns/CP1/report.csv", "/casework/campaigns/CP1/risks.csv",
        "/casework/risk-points", "/casework/risk-points.csv", "/casework/institutions", "/casework/due",
        "/casework/experts", "/api/v1/me", "/api/v1/findings", "/api/v1/findings/\(TestWorld.redNanjing)",
        "/api/v1/findings/\(TestWorld.redNanjing)/steps", "/api/v1/runs", "/api/v1/imports", "/api/v1/rules",
        "/api/v1/casework/determinations", "/api/v1/casework/determinations/D-NJ-1", "/api/v1/casework/assessments",
        "/api/v1/casework/assessments/A-NJ-1", "/api/v1/casework/deadlines", "/api/v1/casework/experts",
        "/api/v1/casework/institutions",
        "/api/v1/casework/campaigns", "/api/v1/casework/campaigns/CP1", "/api/v1/casework/risk-points",
        "/jobs/0123456789abcdef0123456789abcdef", "/api/v1/jobs/0123456789abcdef0123456789abcdef",
    ]

    /// Every query parameter any route reads.
    static let parameters = [
        "page", "size", "limit", "days", "seed", "min", "max", "from", "to", "as_of", "state", "rule", "level",
        "region", "status", "still", "subject", "sort", "dir", "user", "action", "target", "outcome", "done", "next",
        "kind", "q",
    ]
    /// The numbers most likely to overflow or trap: checked one parameter at a time.
    static let numeric = ["page", "size", "limit", "days", "seed", "min", "max"]

    static let values = [
        "92233720368547759", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-1", "0",
        "1e308", "abc", "%00%FF", String(repeating: "9", count: 400),
    ]

    @Test func everyRouteSurvivesExtremeQueryValues() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let admin = try await client.login("admin")
            let city = try await client.login("nj")
            var tried = 0
            var failures: [String] = []
            for route in Self.routes {
                for value in Self.values {
                    // Every parameter at once, as each role; then the numbers one at a time.
                    let all = route + "?" + Self.parameters.map { "\($0)=\(value)" }.joined(separator: "&")
                    var requests = [(all, admin), (all, city)]
                    requests += Self.numeric.map { ("\(route)?\($0)=\(value)", admin) }
                    for (uri, session) in requests {
                        let page = try await client.get(uri, session: session)
                        tried += 1
                        if page.status.code >= 500 { failures.append("\(page.status.code) \(uri)") }
                    }
                }
            }
            print("query fuzz: \(tried) requests over \(Self.routes.count) routes, \(failures.count) answered 5xx")
            #expect(failures.isEmpty, "\(failures.prefix(20))")
            #expect(tried > 3000)
            // Still alive and answering.
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
        }
    }

    @Test func auditPageOfHugeNumberIsRefusedNotTrapped() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let admin = try await client.login("admin")
            let page = try await client.get("/audit?page=92233720368547759", session: admin)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("页码须为 1–1000000 的整数"))
            let second = try await client.get("/audit?page=2", session: admin)
            #expect(second.status == .ok)
        }
    }

    @Test func pageOffsetsAreOverflowChecked() {
        #expect(RequestNumbers.page("92233720368547759") == nil)
        #expect(RequestNumbers.page("-1") == nil)
        #expect(RequestNumbers.page("0") == nil)
        #expect(RequestNumbers.page("1000000") == 1_000_000)
        #expect(RequestNumbers.offset(page: Int.max, size: 100) == nil)
        #expect(RequestNumbers.offset(page: 3, size: 100) == 200)
    }
}
