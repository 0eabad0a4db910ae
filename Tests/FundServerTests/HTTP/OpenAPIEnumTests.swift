import Foundation
import Hummingbird
import Testing

@testable import FundServer

/// Every enum-like query parameter that openapi.yaml declares on a JSON list is refused outside its enum
/// (422 naming the parameter), never accepted silently (issue 11: an out-of-enum `sort` was accepted).
///
/// The operations and enums come from openapi.yaml itself, so a parameter documented later is covered too.
@Suite("openapi.yaml enums are enforced by the API")
struct OpenAPIEnumTests {
    struct EnumParameter: CustomStringConvertible, Sendable {
        var path: String
        var name: String
        var values: [String]
        var description: String { "GET \(path) \(name)" }
    }

    /// The query parameters with an enum of every GET operation under /api/ without a path parameter (but the
    /// settlement API's, which a staff member's key cannot call).
    static func enumParameters() throws -> [EnumParameter] {
        // `name: x, in: query, schema: { … enum: [a, b] … }` on one line, and a reference to a shared parameter.
        let inlineEnum = #/name: ([A-Za-z_]+), in: query, schema: \{[^}]*enum: \[([^\]]*)\]/#
        let parameterRef = #/\$ref: "#/components/parameters/([A-Za-z_]+)"/#
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // components/parameters: `    key: { name: …, in: query, schema: { … enum: […] } }`
        var components: [String: (String, [String])] = [:]
        for line in lines where line.hasPrefix("    ") && !line.hasPrefix("     ") {
            guard let match = line.firstMatch(of: inlineEnum) else { continue }
            let key = line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
            components[String(key)] = (String(match.1), values(match.2))
        }
        var found: [EnumParameter] = []
        var path: String?
        var inGet = false
        var inPaths = false
        for line in lines {
            if line == "paths:" {
                inPaths = true
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /") && line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
                inGet = false
            } else if line.hasPrefix("    ") && !line.hasPrefix("     ") {
                inGet = line == "    get:"
            } else if inGet, let path, path.hasPrefix("/api/"), !path.contains("{"),
                // The settlement API answers institutions' keys only (SettlementHTTPTests check its parameters).
                !path.hasPrefix("/api/v1/settlement/")
            {
                for match in line.matches(of: inlineEnum) {
                    found.append(EnumParameter(path: path, name: String(match.1), values: values(match.2)))
                }
                for match in line.matches(of: parameterRef) {
                    if let (name, values) = components[String(match.1)] {
                        found.append(EnumParameter(path: path, name: name, values: values))
                    }
                }
            }
        }
        return found
    }

    static func values(_ list: Substring) -> [String] {
        list.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    @Test func theParserFindsTheEnums() throws {
        // Guards against a parser that finds nothing (the test below would pass vacuously).
        let found = try Self.enumParameters().map(\.description)
        #expect(found.contains("GET /api/v1/findings sort"))
        #expect(found.contains("GET /api/v1/findings dir"))
        #expect(found.contains("GET /api/v1/casework/determinations state"))
        #expect(found.count >= 8)
    }

    @Test func aValueOutsideTheEnumIsRefusedWithTheFieldNamed() async throws {
        let parameters = try Self.enumParameters()
        let world = try TestWorld()
        try await world.test { client in
            let key = try APITests.key(world, "sup")
            for parameter in parameters {
                let outside = "zz_not_\(parameter.name)"
                #expect(!parameter.values.contains(outside))
                let page = try await client.request(
                    .get, "\(parameter.path)?\(parameter.name)=\(outside)", headers: key)
                #expect(page.status == .unprocessableContent, "\(parameter): \(page.status)")
                let body = try APITests.json(page) as? [String: Any]
                #expect(body?["code"] as? String == "invalid", "\(parameter)")
                let fields = body?["fields"] as? [String: String]
                #expect(fields?[parameter.name] != nil, "\(parameter): \(page.body)")
            }
        }
    }

    @Test func everyValueOfTheEnumIsAccepted() async throws {
        let parameters = try Self.enumParameters()
        let world = try TestWorld()
        try await world.test { client in
            let key = try APITests.key(world, "sup")
            for parameter in parameters {
                for value in parameter.values {
                    let page = try await client.request(
                        .get, "\(parameter.path)?\(parameter.name)=\(value)", headers: key)
                    #expect(page.status == .ok, "\(parameter)=\(value): \(page.status) \(page.body.prefix(200))")
                }
            }
        }
    }
}
