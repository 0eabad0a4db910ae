import Hummingbird
import NIOCore

/// The request context of the console and the API: who is asking, from where, and the parsed form.
public struct FundRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected client (the socket's peer).
    public let remoteAddress: SocketAddress?
    /// The connection: a request whose body is refused has its input closed, so the rest is not read.
    let channel: (any Channel)?
    /// Set by `Authenticator`; `nil` for an anonymous request.
    public var principal: Principal?
    /// The session's CSRF token (browser sessions only), for the forms of the page.
    public var csrfToken: String?
    /// SHA-256 of the session cookie, to sign out.
    public var sessionTokenHash: String?
    /// The form of an unsafe request, parsed by `CSRFMiddleware`.
    public var form: RequestForm?
    /// The client address as recorded in the audit log (`X-Forwarded-For` only when configured to trust it).
    public var clientAddress: String = "-"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        channel = source.channel
        if let address = remoteAddress?.ipAddress { clientAddress = address }
    }

    /// The largest body this request may send: small by default, raised by `BodyLimit` for the uploads once
    /// the request is authenticated (issue 11 #1).
    public var maxUploadSize: Int = 64 * 1024
    /// The slowest a body may arrive, in bytes a second, once `bodyRateGrace` seconds have passed (issue 11 #2).
    var minBodyRate: Int = 1024
    var bodyRateGrace: Double = 10

    /// The principal, or a 401/redirect to the sign-in page.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.unauthenticated }
        return principal
    }
}
