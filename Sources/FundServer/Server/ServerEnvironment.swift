import Foundation
import FundApp
import FundStore
import Logging

/// What every handler needs: the store, the configuration, and the shared services.
///
/// One value, built once by `FundServer.makeRouter` and captured by the
/// routes, so that tests build the same router over a temporary database.
public struct ServerEnvironment: Sendable {
    public let store: SQLiteFundStore
    public let configuration: ServerConfiguration
    public let hasher: PasswordHasher
    public let rateLimiter: LoginRateLimiter
    public let metrics: ServerMetrics
    let renderer: PageRenderer
    /// The clock, replaceable in tests.
    public let now: @Sendable () -> Date
    public let logger: Logger
    /// A hash at the configured cost, verified against when a sign-in names no user.
    let dummyHash: String
    /// Screenings and trial runs started from the console or the API, off the request path.
    let jobs: BackgroundJobs
    /// The large uploads in flight, within `ServerConfiguration.maxUploadBytesInFlight`.
    let uploads: UploadBudget

    public init(
        store: SQLiteFundStore, configuration: ServerConfiguration = ServerConfiguration(),
        rateLimiter: LoginRateLimiter = LoginRateLimiter(), metrics: ServerMetrics = ServerMetrics(),
        logger: Logger = Logger(label: "fundguard.server"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.configuration = configuration
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.rateLimiter = rateLimiter
        self.metrics = metrics
        self.renderer = PageRenderer()
        self.logger = logger
        self.now = now
        self.dummyHash = hasher.hashNow("fundguard-no-such-user")
        self.jobs = BackgroundJobs(now: now)
        self.uploads = UploadBudget(capacity: configuration.maxUploadBytesInFlight)
    }

    /// Appends a line to the audit log for the request's principal and address.
    ///
    /// A failure to write the audit log fails the request: an action that
    /// cannot be recorded must not happen silently. Every field is capped (`AuditLimits`), so that no request
    /// can make an entry larger than a few kilobytes (issue 11 #5).
    func audit(
        _ context: FundRequestContext, _ action: String, targetType: String = "", targetID: String = "",
        outcome: String = "ok", detail: String = "", userName: String? = nil
    ) throws {
        let user = context.principal?.user
        try store.appendAudit(
            AuditEntry(
                at: now(), userID: user?.id, userName: AuditLimits.cap(user?.name ?? userName ?? "", AuditLimits.name),
                role: user?.role.rawValue ?? "", action: AuditLimits.cap(action, AuditLimits.short),
                targetType: AuditLimits.cap(targetType, AuditLimits.short),
                targetID: AuditLimits.cap(targetID, AuditLimits.target), outcome: AuditLimits.cap(outcome, 16),
                detail: AuditLimits.cap(detail, AuditLimits.detail),
                remoteAddress: AuditLimits.cap(context.clientAddress, AuditLimits.address)))
    }
}

/// The longest text each field of an audit entry keeps (in characters); longer text is cut and marked `…`.
enum AuditLimits {
    static let name = 64
    static let short = 64
    static let target = 200
    static let detail = 2000
    static let address = 64

    static func cap(_ text: String, _ limit: Int) -> String {
        // Counting UTF-8 first keeps a multi-megabyte text from being walked character by character.
        guard text.utf8.count > limit else { return text }
        var out = String(text.prefix(limit))
        if out.count == limit { out.removeLast() }
        return out + "…"
    }
}
