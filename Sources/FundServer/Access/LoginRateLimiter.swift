import Foundation

/// Limits failed sign-ins per client address and per user name (issue 4 "login rate limiting").
///
/// A sliding window: after `maxFailures` failures within `window`, further
/// attempts are refused (429) until the oldest failure leaves the window. A
/// success clears the name's failures. Kept in memory: a restart forgives,
/// which is acceptable for a console behind the province's network.
public final class LoginRateLimiter: @unchecked Sendable {
    public let maxFailures: Int
    public let window: TimeInterval
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Whether an attempt from `address` for `name` may proceed now; if not, how long to wait.
    public func check(address: String, name: String, now: Date = Date()) -> TimeInterval? {
        lock.lock()
        defer { lock.unlock() }
        var wait: TimeInterval?
        for key in keys(address: address, name: name) {
            let recent = prune(key, now: now)
            if recent.count >= maxFailures, let oldest = recent.first {
                wait = max(wait ?? 0, oldest.addingTimeInterval(window).timeIntervalSince(now))
            }
        }
        return wait
    }

    public func recordFailure(address: String, name: String, now: Date = Date()) {
        lock.lock()
        defer { lock.unlock() }
        for key in keys(address: address, name: name) {
            _ = prune(key, now: now)
            failures[key, default: []].append(now)
        }
    }

    public func recordSuccess(address: String, name: String) {
        lock.lock()
        defer { lock.unlock() }
        failures["name:" + name.lowercased()] = nil
    }

    private func keys(address: String, name: String) -> [String] {
        ["addr:" + address, "name:" + name.lowercased()]
    }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
