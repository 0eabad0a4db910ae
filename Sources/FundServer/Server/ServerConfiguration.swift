import Foundation

/// How the server listens and treats its clients.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Set the `Secure` flag on cookies: on when the console is served over HTTPS (behind a proxy).
    public var secureCookies: Bool
    /// Behind a trusted reverse proxy: take the client address from the last (rightmost) `X-Forwarded-For`
    /// entry, the one the proxy added; the entries before it are the client's own word and are ignored.
    public var trustForwardedFor: Bool
    /// The addresses of the trusted proxies; when not empty, `X-Forwarded-For` is read only from a
    /// connection coming from one of them.
    public var trustedProxies: Set<String>
    /// How long a session lasts without signing in again (the absolute timeout).
    public var sessionLifetime: TimeInterval
    /// How long a session may go unused before it ends (the idle timeout).
    public var sessionIdleTimeout: TimeInterval
    /// bcrypt cost for new passwords.
    public var bcryptCost: UInt8
    /// Largest evidence file accepted.
    public var maxEvidenceFileSize: Int
    /// How long a connection may stay silent before the server closes it: an idle keep-alive connection, a
    /// request whose headers stop half-way, a body that stops arriving (issue 11 #2). A request being
    /// handled (its body read) is not cut, however long the handler takes.
    public var idleTimeout: TimeInterval
    /// The slowest a request body may arrive (bytes a second) once `bodyRateGrace` seconds have passed: a
    /// body trickling in slower is a 408 and the connection ends (the idle timeout alone lets one byte every
    /// few seconds hold a connection for ever).
    public var minBodyRate: Int
    public var bodyRateGrace: TimeInterval
    /// Largest request body of any route but the uploads (forms, sign-in, JSON): checked from `Content-Length`
    /// before reading, and while reading (issue 11 #1).
    public var maxRequestBodySize: Int
    /// Largest body of a data import (`POST /imports`, `POST /api/v1/imports`), allowed only once the
    /// request is authenticated and its role may import.
    public var maxImportSize: Int
    /// The bearer token that `/metrics` asks for (`fundguard serve --metrics-token-file`, or the environment's
    /// `FUNDGUARD_METRICS_TOKEN`). Without one, `/metrics` is not served at all (404): the figures (request
    /// counts by route, sign-in failures, findings by status) are for the monitoring system, not for anyone
    /// who can reach the port.
    public var metricsToken: String?
    /// How long a console form that starts a background job (screening, 试算) waits for it before answering
    /// with the job's page; a short job thus answers with its result, a long one with its progress.
    public var jobWait: Duration = .seconds(2)
    /// The bytes of large uploads (imports, evidence files) held at once (`UploadBudget`); an upload that does not
    /// fit gets 503 with `Retry-After` before its body is read. 1 GiB by default: two maximum-size imports.
    public var maxUploadBytesInFlight: Int = 1024 * 1024 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustForwardedFor: Bool = false,
        trustedProxies: Set<String> = [], sessionLifetime: TimeInterval = 8 * 3600,
        sessionIdleTimeout: TimeInterval = 30 * 60, bcryptCost: UInt8 = 12, maxEvidenceFileSize: Int = 20 * 1024 * 1024,
        maxRequestBodySize: Int = 1024 * 1024, maxImportSize: Int = 512 * 1024 * 1024, idleTimeout: TimeInterval = 30,
        minBodyRate: Int = 1024, bodyRateGrace: TimeInterval = 10, metricsToken: String? = nil
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.trustedProxies = trustedProxies
        self.sessionLifetime = sessionLifetime
        self.sessionIdleTimeout = sessionIdleTimeout
        self.bcryptCost = bcryptCost
        self.maxEvidenceFileSize = maxEvidenceFileSize
        self.maxRequestBodySize = maxRequestBodySize
        self.maxImportSize = maxImportSize
        self.idleTimeout = idleTimeout
        self.minBodyRate = minBodyRate
        self.bodyRateGrace = bodyRateGrace
        self.metricsToken = metricsToken
    }
}
