import Foundation

/// Slows down whoever keeps failing to sign in (issue 11 #7; issue 4 "login rate limiting").
///
/// Counted per client address *and name* (the pair) and per client address alone, never per name alone:
/// a name-wide lock would let anyone lock any account (the victim, signing in from elsewhere, is not slowed).
/// After `maxFailures` failures of a key within `window`, each further attempt must wait a delay that doubles
/// with every failure (1 s, 2 s, 4 s, … up to `maxDelay`); an attempt during the delay is refused (429) and not
/// counted. The per-address key allows more (`addressFactor` × `maxFailures`), for a shared office address.
///
/// Check and count are one step (`begin`): the attempt is counted as a failure before the password is
/// checked, under the lock, so forty parallel tries cannot all pass the check before any is counted; a
/// success (`recordSuccess`) takes the count back. Kept in memory: a restart forgives.
public final class LoginRateLimiter: @unchecked Sendable {
    public let maxFailures: Int
    public let window: TimeInterval
    public let baseDelay: TimeInterval
    public let maxDelay: TimeInterval
    public let addressFactor: Int
    private let lock = NSLock()
    /// How many keys are kept before the expired ones are swept.
    static let pruneAbove = 100_000
    private var entries: [String: Entry] = [:]

    struct Entry {
        var failures: Int
        var last: Date
        var blockedUntil: Date?
    }

    public init(
        maxFailures: Int = 5, window: TimeInterval = 15 * 60, baseDelay: TimeInterval = 1,
        maxDelay: TimeInterval = 15 * 60,
        addressFactor: Int = 4
    ) {
        self.maxFailures = maxFailures
        self.window = window
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.addressFactor = addressFactor
    }

    /// Checks and counts an attempt at once: `nil` when it may proceed (it is counted as a failure until
    /// `recordSuccess`), else how long to wait (not counted).
    public func begin(address: String, name: String, now: Date = Date()) -> TimeInterval? {
        lock.lock()
        defer { lock.unlock() }
        // Many addresses and names (a spray): forget what the window has let go, so memory stays bounded.
        if entries.count > Self.pruneAbove { prune(now: now) }
        let keys = keys(address: address, name: name)
        var wait: TimeInterval = 0
        for (key, _) in keys {
            if let until = current(key, now: now)?.blockedUntil, until > now {
                wait = max(wait, until.timeIntervalSince(now))
            }
        }
        if wait > 0 { return wait }
        for (key, free) in keys {
            var entry = current(key, now: now) ?? Entry(failures: 0, last: now)
            entry.failures += 1
            entry.last = now
            if entry.failures >= free {
                let doublings = min(entry.failures - free, 30)
                entry.blockedUntil = now.addingTimeInterval(min(maxDelay, baseDelay * pow(2, Double(doublings))))
            }
            entries[key] = entry
        }
        return nil
    }

    /// The attempt begun succeeded: the pair is forgiven, and the attempt no longer counts for the address.
    public func recordSuccess(address: String, name: String) {
        lock.lock()
        defer { lock.unlock() }
        let keys = keys(address: address, name: name)
        entries[keys[0].key] = nil
        if var entry = entries[keys[1].key] {
            entry.failures = max(0, entry.failures - 1)
            entry.blockedUntil = nil
            entries[keys[1].key] = entry.failures == 0 ? nil : entry
        }
        if entries.count > Self.pruneAbove { prune(now: Date()) }
    }

    /// How many keys are remembered (for tests).
    var keyCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// The pair key first, the address key second, each with the failures allowed before delays begin.
    private func keys(address: String, name: String) -> [(key: String, free: Int)] {
        [("pair:\(address)\u{0}\(name.lowercased())", maxFailures), ("addr:" + address, maxFailures * addressFactor)]
    }

    /// The entry of a key, forgotten once `window` has passed since its last failure and its delay is over.
    private func current(_ key: String, now: Date) -> Entry? {
        guard let entry = entries[key] else { return nil }
        if now.timeIntervalSince(entry.last) >= window, (entry.blockedUntil ?? now) <= now {
            entries[key] = nil
            return nil
        }
        return entry
    }

    private func prune(now: Date) {
        for key in Array(entries.keys) { _ = current(key, now: now) }
    }
}
