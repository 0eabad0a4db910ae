import Foundation

/// How the server listens and treats its clients.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Set the `Secure` flag on cookies: on when the console is served over HTTPS (behind a proxy).
    public var secureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    /// How long a session lasts without signing in again.
    public var sessionLifetime: TimeInterval
    /// bcrypt cost for new passwords.
    public var bcryptCost: UInt8
    /// Largest evidence file accepted.
    public var maxEvidenceFileSize: Int
    /// Largest request body of any route but the uploads (forms, sign-in, JSON): checked from `Content-Length`
    /// before reading, and while reading (issue 11 #1).
    public var maxRequestBodySize: Int
    /// Largest body of a data import (`POST /imports`, `POST /api/v1/imports`), allowed only once the
    /// request is authenticated and its role may import.
    public var maxImportSize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustForwardedFor: Bool = false,
        sessionLifetime: TimeInterval = 8 * 3600, bcryptCost: UInt8 = 12, maxEvidenceFileSize: Int = 20 * 1024 * 1024,
        maxRequestBodySize: Int = 1024 * 1024, maxImportSize: Int = 512 * 1024 * 1024
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
        self.maxEvidenceFileSize = maxEvidenceFileSize
        self.maxRequestBodySize = maxRequestBodySize
        self.maxImportSize = maxImportSize
    }
}
