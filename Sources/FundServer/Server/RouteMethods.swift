import Hummingbird

/// The methods each route path answers, to tell "no such page" (404) from "no such method here" (405 with
/// `Allow`, RFC 9110 15.5.6): a client that sends DELETE to a GET-only route learns what it may send.
///
/// Filled once from the router after every route is registered and before the server answers a request;
/// read-only afterwards.
final class RouteMethods: @unchecked Sendable {
    private var routes: [(method: HTTPRequest.Method, segments: [Substring])] = []

    /// Takes the router's routes (a `{name}` or `:name` segment matches any one segment).
    func load(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        self.routes = routes.map { ($0.method, $0.path.split(separator: "/")) }
    }

    /// The methods of the routes whose path matches `path`, sorted; empty when no route has that path.
    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        var found = Set<String>()
        for route in routes where route.segments.count == parts.count {
            if zip(route.segments, parts).allSatisfy({ $0.hasPrefix("{") || $0.hasPrefix(":") || $0 == $1 }) {
                found.insert(route.method.rawValue)
            }
        }
        if found.contains("GET") { found.insert("HEAD") }
        return found.sorted()
    }
}
