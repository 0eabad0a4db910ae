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
    ///
    /// Where routes of different specificity match (`/rules/trial` and `/rules/{id}`), the most specific ones
    /// (fewest parameter segments) name the path's methods: `/rules/trial` is the trial, not a rule called
    /// "trial", so its `Allow` does not advertise the rule form's GET.
    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        var matches: [(method: String, parameters: Int)] = []
        for route in routes where route.segments.count == parts.count {
            func isParameter(_ segment: Substring) -> Bool { segment.hasPrefix("{") || segment.hasPrefix(":") }
            if zip(route.segments, parts).allSatisfy({ isParameter($0) || $0 == $1 }) {
                matches.append((route.method.rawValue, route.segments.filter(isParameter).count))
            }
        }
        guard let fewest = matches.map(\.parameters).min() else { return [] }
        var found = Set(matches.filter { $0.parameters == fewest }.map(\.method))
        if found.contains("GET") { found.insert("HEAD") }
        return found.sorted()
    }
}
