import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A test client that keeps a session like a browser: cookies, and the CSRF token of the last page.
struct Client: Sendable {
    let client: any TestClientProtocol

    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        var location: String? { headers[.location] }
        func contains(_ text: String) -> Bool { body.contains(text) }
        /// The text a person sees: the page without its tags (attribute values such as link targets left out).
        var visibleText: String {
            var out = ""
            var inTag = false
            for c in body {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
            }
            return out
        }

        /// The page from the element with this id on (e.g. the findings table, after the filter form).
        func from(id: String) -> String {
            guard let range = body.range(of: "id=\"\(id)\"") else { return "" }
            return String(body[range.lowerBound...])
        }
        /// The value of the first `name="_csrf" value="…"` in the page.
        var csrf: String? { Self.firstMatch(in: body, after: "name=\"_csrf\" value=\"", until: "\"") }

        static func firstMatch(in text: String, after prefix: String, until end: String) -> String? {
            guard let start = text.range(of: prefix) else { return nil }
            guard let stop = text[start.upperBound...].range(of: end) else { return nil }
            return String(text[start.upperBound..<stop.lowerBound])
        }

        /// The `Set-Cookie` header for a cookie name.
        func setCookie(_ name: String) -> String? {
            headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
        }
    }

    func request(
        _ method: HTTPRequest.Method, _ uri: String, cookie: String? = nil, headers: HTTPFields = [:],
        body: ByteBuffer? = nil
    ) async throws -> Page {
        var headers = headers
        if let cookie { headers[.cookie] = cookie }
        if headers[.init("X-Forwarded-For")!] == nil { headers[.init("X-Forwarded-For")!] = "10.1.2.3" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    func get(_ uri: String, session: Session? = nil) async throws -> Page {
        try await request(.get, uri, cookie: session?.cookie)
    }

    /// Follows a form's 303 to a background job's page (`/jobs/{id}`) until the job is done: the page the
    /// form used to answer with. Any other answer is returned as it is.
    func finished(_ page: Page, session: Session?) async throws -> Page {
        guard page.status == .seeOther, let location = page.location, location.hasPrefix("/jobs/") else { return page }
        for _ in 0..<1200 {
            let next = try await get(location, session: session)
            if next.headers[.init("Refresh")!] == nil { return next }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job at \(location) did not finish")
        return page
    }

    /// Polls `/api/v1/jobs/{id}` (from a 202's `Location`) until the job is no longer running; its JSON.
    func finishedJob(_ page: Page, headers: HTTPFields) async throws -> [String: Any] {
        guard page.status == .accepted, let location = page.location else {
            Issue.record("not a started job: \(page.status)")
            return [:]
        }
        for _ in 0..<1200 {
            let next = try await request(.get, location, headers: headers)
            let object = try JSONSerialization.jsonObject(with: Data(next.body.utf8)) as? [String: Any] ?? [:]
            if object["state"] as? String != "running" { return object }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job at \(location) did not finish")
        return [:]
    }

    /// Posts a form; `csrf: nil` leaves the token out, `.session` sends the session's.
    func post(
        _ uri: String, _ fields: [(String, String)], session: Session?, csrf: CSRFChoice = .session,
        extraCookie: String? = nil
    ) async throws -> Page {
        var pairs = fields
        switch csrf {
        case .session: if let token = session?.csrf { pairs.append(("_csrf", token)) }
        case .value(let token): pairs.append(("_csrf", token))
        case .none: break
        }
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let cookie = [session?.cookie, extraCookie].compactMap { $0 }.joined(separator: "; ")
        return try await request(
            .post, uri, cookie: cookie.isEmpty ? nil : cookie, headers: headers, body: ByteBuffer(string: body))
    }

    enum CSRFChoice: Sendable {
        case session
        case none
        case value(String)
    }

    struct Upload: Sendable {
        var field: String
        var fileName: String
        var contentType: String
        var data: Data
    }

    func postMultipart(
        _ uri: String, fields: [(String, String)], files: [Upload], session: Session?, csrf: CSRFChoice = .session
    ) async throws -> Page {
        let boundary = "----fundguardtest\(UUID().uuidString)"
        var body = Data()
        var pairs = fields
        switch csrf {
        case .session: if let token = session?.csrf { pairs.append(("_csrf", token)) }
        case .value(let token): pairs.append(("_csrf", token))
        case .none: break
        }
        for (name, value) in pairs {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"\r\nContent-Type: \(file.contentType)\r\n\r\n"
                    .utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await request(.post, uri, cookie: session?.cookie, headers: headers, body: ByteBuffer(bytes: body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// A signed-in browser.
    struct Session: Sendable {
        var cookie: String
        var csrf: String
    }

    /// Signs in through the login form and returns the session (cookie and CSRF token).
    func login(_ name: String, password: String = TestWorld.password) async throws -> Session {
        let form = try await get("/login")
        guard let loginCSRF = form.csrf, let setCookie = form.setCookie("fg_login_csrf") else {
            throw TestFailure("no login form")
        }
        let preCookie = String(setCookie.split(separator: ";")[0])
        let response = try await post(
            "/login", [("name", name), ("password", password), ("next", "/dashboard")], session: nil,
            csrf: .value(loginCSRF), extraCookie: preCookie)
        guard response.status == .seeOther, let set = response.setCookie("fg_session") else {
            throw TestFailure("login failed: \(response.status)")
        }
        let cookie = String(set.split(separator: ";")[0])
        var page = try await get("/account", session: Session(cookie: cookie, csrf: ""))
        if page.location == "/account/password" {
            // A password someone else chose: only the change-password page is open.
            page = try await get("/account/password", session: Session(cookie: cookie, csrf: ""))
        }
        guard let csrf = page.csrf else { throw TestFailure("no csrf on the account page") }
        return Session(cookie: cookie, csrf: csrf)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
