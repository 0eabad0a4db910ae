import Foundation
import FundModel
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11 #1: every form POST, anonymous sign-in included, buffered up to 512 MiB, and the multipart search
/// was quadratic in the boundary's length.
@Suite("Security: request body limits and multipart parsing")
struct BodyLimitTests {
    /// An anonymous sign-in declaring 300 MB is answered 413 at once, from its `Content-Length`, while the
    /// client has sent only a few bytes: nothing is waited for or buffered.
    @Test func oversizedAnonymousLoginIs413BeforeTheBodyIsRead() async throws {
        let world = try TestWorld()
        try await world.testLive { _, port in
            let socket = try RawSocket(port: port)
            try socket.send(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 300000000\r\n\r\nname=a&password=")
            let answer = await socket.readOffPool(until: "\r\n\r\n", timeout: 10)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.lowercased().contains("connection: close"))
            // And the server hangs up rather than wait for (and drain) the other 300 MB.
            let start = Date()
            let (_, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(closed && Date().timeIntervalSince(start) < 5)
        }
    }

    /// A body sent without a length (chunked) is cut at the limit while it streams in: 413, not 500.
    @Test func chunkedBodyOverTheLimitIs413() async throws {
        let world = try TestWorld()
        try await world.testLive { _, port in
            let socket = try RawSocket(port: port)
            try socket.send(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n")
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
            for _ in 0..<8 {
                try socket.send(String(chunk.count, radix: 16) + "\r\n")
                try socket.send(chunk)
                try socket.send("\r\n")
            }
            try socket.send("0\r\n\r\n")
            let answer = await socket.readOffPool(until: "\r\n\r\n", timeout: 10)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        }
    }

    /// The same through the router: a declared length over the small default is 413 for every form route,
    /// a body streamed without a length is cut at the limit (413, not 500).
    @Test func smallDefaultLimitForEveryRoute() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.cookie] = session.cookie
            for path in ["/login", "/account/password", "/findings/\(TestWorld.redNanjing)/steps", "/rules"] {
                let page = try await client.request(.post, path, cookie: session.cookie, headers: headers, body: big)
                #expect(page.status == .contentTooLarge, "\(path)")
            }
            var apiHeaders = try APITests.key(world, "nj")
            apiHeaders[.contentType] = "application/json"
            let api = try await client.request(
                .post, "/api/v1/findings/\(TestWorld.redNanjing)/steps", headers: apiHeaders, body: big)
            #expect(api.status == .contentTooLarge)
            #expect(api.contains("\"code\":\"too_large\""))
            // A city handler may not import: the import route keeps the small limit for him.
            let notImporter = try await client.request(
                .post, "/imports", cookie: session.cookie, headers: headers, body: big)
            #expect(notImporter.status == .contentTooLarge)
        }
    }

    /// The import upload has the large limit only after authentication and role; over that, 413.
    @Test func importUploadOverItsLimitIs413() async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(
                trustForwardedFor: true, bcryptCost: 4, maxRequestBodySize: 16 * 1024, maxImportSize: 256 * 1024))
        try await world.test { client in
            let admin = try await client.login("admin")
            let csv = "code,name,level,parent_code\n320000,江苏省,province,\n"
            let fits = try await client.postMultipart(
                "/imports", fields: [("lenient", "1")],
                files: [.init(field: "files", fileName: "regions.csv", contentType: "text/csv", data: Data(csv.utf8))],
                session: admin)
            #expect(fits.status != .contentTooLarge)
            // 100 KiB: over the small limit, under the import limit: accepted for the importer.
            let medium = Data(repeating: UInt8(ascii: "x"), count: 100 * 1024)
            let mediumPage = try await client.postMultipart(
                "/imports", fields: [],
                files: [.init(field: "files", fileName: "nothing.csv", contentType: "text/csv", data: medium)],
                session: admin)
            #expect(mediumPage.status == .unprocessableContent)
            let huge = Data(repeating: UInt8(ascii: "x"), count: 300 * 1024)
            let tooBig = try await client.postMultipart(
                "/imports", fields: [],
                files: [.init(field: "files", fileName: "regions.csv", contentType: "text/csv", data: huge)],
                session: admin)
            #expect(tooBig.status == .contentTooLarge)
            #expect(tooBig.contains("请求体过大"))
            // Anonymous, the import route has the small limit too (and is then refused as anonymous).
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=abc"
            let anonymous = try await client.request(
                .post, "/imports", headers: headers, body: ByteBuffer(bytes: Array(medium)))
            #expect(anonymous.status == .contentTooLarge)
        }
    }

    /// RFC 2046: a boundary is at most 70 characters; a 4 000-character one is refused without a search.
    @Test func longBoundaryIsRefused() async throws {
        let long = String(repeating: "b", count: 4000)
        #expect(RequestForm.multipart(Array("--\(long)\r\n\r\n--\(long)--".utf8), boundary: long) == nil)
        #expect(RequestForm.isValidBoundary(String(repeating: "b", count: 70)))
        #expect(!RequestForm.isValidBoundary(String(repeating: "b", count: 71)))
        #expect(!RequestForm.isValidBoundary(""))
        #expect(!RequestForm.isValidBoundary("ends with space "))
        let world = try TestWorld()
        try await world.test { client in
            let admin = try await client.login("admin")
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(long)"
            let body =
                "--\(long)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(admin.csrf)\r\n--\(long)--\r\n"
            let page = try await client.request(
                .post, "/imports", cookie: admin.cookie, headers: headers, body: ByteBuffer(string: body))
            #expect(page.status == .badRequest)
        }
    }

    /// The search is linear: a body made to be worst case for a naive search (almost-boundaries everywhere)
    /// parses in time proportional to its length.
    @Test func multipartSearchIsLinear() {
        let boundary = String(repeating: "a", count: 69) + "b"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n".utf8)
        body += [UInt8](repeating: UInt8(ascii: "a"), count: 4 * 1024 * 1024)
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let form = RequestForm.multipart(body, boundary: boundary)
            #expect(form?.raw("f")?.utf8.count == 4 * 1024 * 1024)
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func byteSearchFindsLikeANaiveSearch() {
        let haystack = Array("abababcabababd--XyZ\r\n--X".utf8)
        for needle in ["ababd", "abc", "--XyZ", "\r\n--X", "zz", "a", "d--"] {
            let bytes = Array(needle.utf8)
            let naive = (0...(haystack.count - bytes.count)).first { Array(haystack[$0..<($0 + bytes.count)]) == bytes }
            #expect(ByteSearch(bytes).first(in: haystack, from: 0) == naive, "\(needle)")
        }
        #expect(ByteSearch(Array("ab".utf8)).first(in: haystack, from: 3) == 4)
        #expect(ByteSearch(Array("abc".utf8)).first(in: haystack, from: 0, before: 6) == nil)
    }
}
