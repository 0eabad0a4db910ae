import Foundation
import Hummingbird
import Testing

@testable import FundServer

/// One request to a casework route, sent to the console page, to its `/api/v1` twin, or to both: the tables of
/// `CaseworkRouteMatrixTests` are lists of these.
struct CaseworkProbe: Sendable, CustomStringConvertible {
    enum Twin: Sendable {
        /// `/api/v1` + the page's path.
        case mirror
        /// An API path of its own.
        case path(String)
        /// The page only (printable report, CSV).
        case none
    }

    var user: String
    var method: HTTPRequest.Method
    var page: String?
    var twin: Twin
    var fields: [(String, String)]
    /// What the answer must say: a field name (bad input), a Casework message (refusal), a marker (success).
    var expect: String

    static func get(_ user: String, _ page: String, _ twin: Twin = .mirror, expect: String = "") -> CaseworkProbe {
        CaseworkProbe(user: user, method: .get, page: page, twin: twin, fields: [], expect: expect)
    }

    static func post(
        _ user: String, _ page: String, _ fields: [(String, String)], _ twin: Twin = .mirror, expect: String = ""
    ) -> CaseworkProbe {
        CaseworkProbe(user: user, method: .post, page: page, twin: twin, fields: fields, expect: expect)
    }

    /// The API request only.
    static func api(_ user: String, _ method: HTTPRequest.Method, _ path: String, _ fields: [(String, String)] = [])
        -> CaseworkProbe
    {
        CaseworkProbe(user: user, method: method, page: nil, twin: .path(path), fields: fields, expect: "")
    }

    var apiPath: String? {
        switch twin {
        case .mirror: page.map { "/api/v1" + $0 }
        case .path(let path): path
        case .none: nil
        }
    }

    var description: String {
        "\(user) \(method) \(page ?? apiPath ?? "") \(fields.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))"
    }
}

/// Sends probes as signed-in users (pages) and with API keys (API), logging in and issuing keys once per user.
final class CaseworkProber: @unchecked Sendable {
    let world: TestWorld
    let client: Client
    private var sessions: [String: Client.Session] = [:]
    private var keys: [String: HTTPFields] = [:]

    init(_ world: TestWorld, _ client: Client) {
        self.world = world
        self.client = client
    }

    func page(_ probe: CaseworkProbe) async throws -> Client.Page? {
        guard let path = probe.page else { return nil }
        let session: Client.Session
        if let known = sessions[probe.user] {
            session = known
        } else {
            session = try await client.login(probe.user)
            sessions[probe.user] = session
        }
        return probe.method == .get
            ? try await client.get(path, session: session)
            : try await client.post(path, probe.fields, session: session)
    }

    func api(_ probe: CaseworkProbe) async throws -> Client.Page? {
        guard let path = probe.apiPath else { return nil }
        let headers: HTTPFields
        if let known = keys[probe.user] {
            headers = known
        } else {
            headers = try APITests.key(world, probe.user)
            keys[probe.user] = headers
        }
        guard probe.method == .post else { return try await client.request(.get, path, headers: headers) }
        var body: [String: String] = [:]
        for (name, value) in probe.fields { body[name] = body[name].map { $0 + "," + value } ?? value }
        return try await CaseworkAPITests.post(client, path, body, headers)
    }

    /// The `fields` of an API error answer.
    static func fields(_ page: Client.Page) -> [String: String] {
        let object = try? JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
        return object?["fields"] as? [String: String] ?? [:]
    }

    /// The `message` and `code` of an API error answer.
    static func error(_ page: Client.Page) -> (code: String, message: String) {
        let object = try? JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
        return (object?["code"] as? String ?? "", object?["message"] as? String ?? "")
    }

    /// The text of the page's error banner.
    static func flashError(_ page: Client.Page) -> String {
        guard let start = page.body.range(of: "<div class=\"flash error\">") else { return "" }
        let rest = page.body[start.upperBound...]
        return String(rest[..<(rest.range(of: "</div>")?.lowerBound ?? rest.endIndex)])
    }
}
