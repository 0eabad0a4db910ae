import Foundation
import Hummingbird
import Testing

@testable import FundServer

@Suite("openapi.yaml describes exactly the router's routes")
struct OpenAPITests {
    /// `METHOD /path/{param}` for every operation of openapi.yaml at the repository root.
    static func documented() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" {
                inPaths = true
                continue
            }
            guard inPaths else { continue }
            if !line.hasPrefix(" ") && !line.isEmpty { break }
            if line.hasPrefix("  /") && line.hasSuffix(":") && !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    ") && !line.hasPrefix("     "), let path {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if line.hasSuffix(":") && methods.contains(String(key)) {
                    operations.insert("\(key.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    /// `METHOD /path/{param}` for every route of the router.
    static func routed() throws -> Set<String> {
        let world = try TestWorld()
        return Set(
            world.router.routes.map { route in
                let path = route.path.description.split(separator: "/", omittingEmptySubsequences: false).map {
                    segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }.joined(separator: "/")
                return "\(route.method.rawValue) \(path.isEmpty ? "/" : path)"
            })
    }

    @Test func everyRouteIsDocumented() throws {
        let missing = try Self.routed().subtracting(Self.documented())
        #expect(missing.isEmpty, "routes missing from openapi.yaml: \(missing.sorted())")
    }

    @Test func everyDocumentedRouteExists() throws {
        let extra = try Self.documented().subtracting(Self.routed())
        #expect(extra.isEmpty, "openapi.yaml operations without a route: \(extra.sorted())")
    }

    @Test func theParserFindsOperations() throws {
        // Guards against a parser that finds nothing (both tests above would pass vacuously).
        let documented = try Self.documented()
        #expect(documented.contains("GET /api/v1/findings/{id}"))
        #expect(documented.contains("PUT /api/v1/rules"))
        #expect(documented.count >= 40)
    }
}
