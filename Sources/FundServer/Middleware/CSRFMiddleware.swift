import Foundation
import Hummingbird

/// Parses the form of every unsafe request and checks its CSRF token (issue 4 "CSRF tokens on every form").
///
/// A browser session must send its session's token, as the `_csrf` field of
/// the form or the `X-CSRF-Token` header; an anonymous form (sign-in) must send
/// the token of its `fg_login_csrf` cookie. Requests with an API key carry no
/// cookie, cannot be forged by another site, and need no token.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = FundRequestContext

    static let safeMethods: Set<HTTPRequest.Method> = [.get, .head, .options]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard !Self.safeMethods.contains(request.method) else { return try await next(request, context) }
        // Anonymous requests other than signing in are refused by their route (401): read no body for them.
        if context.principal == nil && request.uri.path != "/login" { return try await next(request, context) }
        var request = request
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        let isJSON = contentType.lowercased().hasPrefix("application/json")
        if !isJSON {
            let buffer = try await request.collectLimitedBody(context)
            let bytes = Array(buffer.readableBytesView)
            if let boundary = RequestForm.boundary(contentType: contentType) {
                guard let form = RequestForm.multipart(bytes, boundary: boundary) else {
                    throw AppError(.badRequest, code: "bad_multipart", message: "上传的表单格式无效")
                }
                context.form = form
            } else {
                context.form = RequestForm.urlEncoded(bytes)
            }
        }
        if case .apiKey = context.principal?.credential { return try await next(request, context) }

        let sent = request.headers[.init("X-CSRF-Token")!] ?? context.form?.raw("_csrf")
        let expected: String?
        if context.principal != nil {
            expected = context.csrfToken
        } else if request.uri.path == "/login" {
            expected = request.cookies[Authenticator.loginCSRFCookie]?.value
        } else {
            // Every other unsafe route needs a principal and answers 401 by itself.
            return try await next(request, context)
        }
        guard let sent, let expected, !expected.isEmpty, Self.constantTimeEqual(sent, expected) else {
            throw AppError.csrf
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
