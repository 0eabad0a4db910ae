import Foundation
import Hummingbird
import NIOCore
import Testing

@testable import FundServer

/// Issue 11, figures: fifty concurrent maximum-size uploads must not take the server's memory. Large uploads
/// share a budget of bytes in flight; one that does not fit is refused with 503 and Retry-After before its body
/// is read, and small requests never wait for it.
@Suite("Security: the budget of large uploads in flight")
struct UploadBudgetTests {
    @Test("reserve and release; a single upload larger than the budget is let in only when nothing is in flight")
    func budget() {
        let budget = UploadBudget(capacity: 100)
        #expect(budget.reserve(60))
        #expect(!budget.reserve(50))
        #expect(budget.reserve(40))
        #expect(budget.reserved == 100)
        budget.release(60)
        budget.release(40)
        #expect(budget.reserved == 0)
        #expect(budget.reserve(500))
        #expect(!budget.reserve(1))
        budget.release(500)
        #expect(budget.reserve(1))
    }

    @Test("an import that does not fit is a 503 with Retry-After; once the budget frees it goes through")
    func importRefusedWhileFull() async throws {
        var configuration = ServerConfiguration(trustForwardedFor: true, bcryptCost: 4, maxRequestBodySize: 1024)
        configuration.maxUploadBytesInFlight = 8 * 1024
        let world = try TestWorld(configuration: configuration)
        try await world.test { client in
            var headers = try APITests.key(world, "sup")
            headers[.contentType] = "multipart/form-data; boundary=fgboundary"
            let body = ByteBuffer(
                string: "--fgboundary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"regions.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + String(repeating: "x", count: 4096) + "\r\n--fgboundary--\r\n")
            // Another upload holds the whole budget.
            #expect(world.environment.uploads.reserve(8 * 1024))
            let busy = try await client.request(.post, "/api/v1/imports", headers: headers, body: body)
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == String(UploadBudget.retryAfterSeconds))
            #expect(busy.contains("uploads_busy"))
            // A small request is not held up by the budget.
            #expect(
                try await client.request(.get, "/api/v1/runs", headers: try APITests.key(world, "sup")).status == .ok)
            world.environment.uploads.release(8 * 1024)
            let accepted = try await client.request(.post, "/api/v1/imports", headers: headers, body: body)
            #expect(accepted.status != .serviceUnavailable)
            // Whatever the import made of it, the budget is free again.
            #expect(world.environment.uploads.reserved == 0)
        }
    }
}
