import CoreMetrics
import Foundation
import Prometheus

/// The server's own metrics, exposed at `/metrics` in the Prometheus text format.
///
/// Recorded through swift-metrics' API (`Counter`, `Timer`, `Gauge`) and kept and rendered by swift-prometheus
/// (issue 12: well-kept libraries where the project had written its own). Each server has a registry of its
/// own, passed to the metrics as their factory rather than bootstrapped process-wide, so that two servers in
/// one process (the tests start many) never count each other's requests.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the request duration histogram.
    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    static let requestsTotal = "fundguard_http_requests_total"
    static let requestDuration = "fundguard_http_request_duration_seconds"
    static let eventsTotal = "fundguard_events_total"
    static let findings = "fundguard_findings"
    static let uptime = "fundguard_uptime_seconds"

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let started = ContinuousClock.now

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [Self.requestDuration: Self.buckets]
        self.factory = factory
    }

    /// One answered request; `route` is the route's pattern (`/findings/{id}`), never the raw path,
    /// so that ids do not blow up the number of series.
    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        Counter(
            label: Self.requestsTotal, dimensions: [("method", method), ("route", route), ("status", "\(status)")],
            factory: factory
        ).increment()
        Timer(label: Self.requestDuration, dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// A named event: `login_failure`, `login_success`, `verification_step`, `screening_run`, `import_run`.
    func count(_ event: String) {
        Counter(label: Self.eventsTotal, dimensions: [("event", event)], factory: factory).increment()
    }

    /// The exposition text, with the findings by verification status and the uptime as of now.
    func render(findingsByStatus: [(String, Int)]) -> String {
        for (status, count) in findingsByStatus {
            Gauge(label: Self.findings, dimensions: [("status", status)], factory: factory).record(count)
        }
        let (seconds, _) = (ContinuousClock.now - started).components
        Gauge(label: Self.uptime, factory: factory).record(seconds)
        return registry.emitToString()
    }
}
