import Foundation

/// The server's own counters, exposed at `/metrics` in the Prometheus text format (written by hand:
/// a few counters do not need a metrics library).
public final class ServerMetrics: @unchecked Sendable {
    /// Upper bounds of the request duration histogram, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum: Double = 0
        var total = 0
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var durations: [String: Histogram] = [:]
    private var events: [String: Int] = [:]
    private let started = Date()

    public init() {}

    /// One answered request; `route` is the route's pattern (`/findings/:id`), never the raw path,
    /// so that ids do not blow up the number of series.
    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
        var histogram = durations[route] ?? Histogram()
        for (i, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[i] += 1 }
        histogram.sum += seconds
        histogram.total += 1
        durations[route] = histogram
    }

    /// A named event: `login_failure`, `login_success`, `verification_step`, `screening_run`, `import_run`.
    func count(_ event: String) {
        lock.lock()
        defer { lock.unlock() }
        events[event, default: 0] += 1
    }

    /// The exposition text.
    func render(findingsByStatus: [(String, Int)]) -> String {
        lock.lock()
        defer { lock.unlock() }
        var out = ""
        out += "# HELP fundguard_http_requests_total HTTP requests answered, by method, route and status.\n"
        out += "# TYPE fundguard_http_requests_total counter\n"
        for (key, value) in requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
        }) {
            out +=
                "fundguard_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(value)\n"
        }
        out += "# HELP fundguard_http_request_duration_seconds Time to answer a request, by route.\n"
        out += "# TYPE fundguard_http_request_duration_seconds histogram\n"
        for (route, histogram) in durations.sorted(by: { $0.key < $1.key }) {
            let label = Self.escape(route)
            for (i, bound) in Self.buckets.enumerated() {
                out +=
                    "fundguard_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"\(bound)\"} \(histogram.counts[i])\n"
            }
            out += "fundguard_http_request_duration_seconds_bucket{route=\"\(label)\",le=\"+Inf\"} \(histogram.total)\n"
            out += "fundguard_http_request_duration_seconds_sum{route=\"\(label)\"} \(histogram.sum)\n"
            out += "fundguard_http_request_duration_seconds_count{route=\"\(label)\"} \(histogram.total)\n"
        }
        out += "# HELP fundguard_events_total Security and workflow events.\n"
        out += "# TYPE fundguard_events_total counter\n"
        for (event, value) in events.sorted(by: { $0.key < $1.key }) {
            out += "fundguard_events_total{event=\"\(Self.escape(event))\"} \(value)\n"
        }
        out += "# HELP fundguard_findings Findings in the register, by verification status.\n"
        out += "# TYPE fundguard_findings gauge\n"
        for (status, count) in findingsByStatus {
            out += "fundguard_findings{status=\"\(Self.escape(status))\"} \(count)\n"
        }
        out += "# HELP fundguard_uptime_seconds Seconds since the server started.\n"
        out += "# TYPE fundguard_uptime_seconds gauge\n"
        out += "fundguard_uptime_seconds \(Int(Date().timeIntervalSince(started)))\n"
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
