import Foundation
import FundModel
import FundStore
import Hummingbird

/// Finds who is asking: a session cookie (browser) or an API key (`Authorization: Bearer fgk_…`).
///
/// Only sets `context.principal`; the routes decide what needs a principal
/// and which role. An expired session is deleted and treated as anonymous;
/// a deactivated user's sessions and keys stop working at once.
///
/// Run by `OuterMiddleware` before the routes, so that its log line and its error
/// responses know the principal too.
struct Authenticator {
    let environment: ServerEnvironment

    static let sessionCookie = "fg_session"
    /// The pre-session token of the sign-in form (double-submit cookie).
    static let loginCSRFCookie = "fg_login_csrf"
    /// How stale a session's `last_seen_at` may get before a request writes it again.
    static let touchInterval: TimeInterval = 60

    func authenticate(_ request: Request, _ context: inout FundRequestContext) throws {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let key = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            // An institution's credential is no person's key: the settlement API checks it (`InstitutionAuth`).
            if key.hasPrefix(InstitutionAuth.keyPrefix) { return }
            guard let record = try environment.store.apiKey(keyHash: SHA256.hex(key)),
                record.isUsable(at: environment.now()),
                let user = try environment.store.user(id: record.userID), user.active
            else {
                throw AppError(.unauthorized, code: "invalid_api_key", message: "API 密钥无效、已吊销或已过期")
            }
            context.principal = Principal(user: user, credential: .apiKey(record.id))
        } else if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty {
            let hash = SHA256.hex(token)
            if let session = try environment.store.session(tokenHash: hash) {
                let now = environment.now()
                let lastSeen = session.lastSeenAt ?? session.createdAt
                if session.expiresAt < now
                    || now.timeIntervalSince(lastSeen) > environment.configuration.sessionIdleTimeout
                {
                    // Past its absolute lifetime or unused for longer than the idle timeout (issue 11 #7).
                    try environment.store.deleteSession(tokenHash: hash)
                } else if let user = try environment.store.user(id: session.userID), user.active {
                    context.principal = Principal(user: user, credential: .session)
                    context.csrfToken = session.csrfToken
                    context.sessionTokenHash = hash
                    // The idle clock restarts; written at most once a minute per session.
                    if now.timeIntervalSince(lastSeen) >= Self.touchInterval {
                        try environment.store.touchSession(tokenHash: hash, at: now)
                    }
                }
            }
        }
    }
}
