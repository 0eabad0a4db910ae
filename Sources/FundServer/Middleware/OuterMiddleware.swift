import Foundation
import FundModel
import Hummingbird
import Logging

/// The outermost layer: times the request, finds who is asking (`Authenticator`), turns every error into a page or a JSON error,
/// adds the security headers, logs one structured line and counts the request for `/metrics`.
struct OuterMiddleware: RouterMiddleware {
    typealias Context = FundRequestContext
    let environment: ServerEnvironment
    /// The methods each path answers: a request no route takes for its method gets 405 where the path exists.
    var routeMethods: RouteMethods? = nil

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        if let address = Self.forwardedAddress(
            request.headers[values: .init("X-Forwarded-For")!], peer: context.remoteAddress?.ipAddress,
            configuration: environment.configuration)
        {
            context.clientAddress = address
        }
        var response: Response
        do {
            // `/metrics` has a credential of its own (a bearer token that is not an API key): no sign-in there.
            if request.uri.path != SystemRoutes.metricsPath {
                try Authenticator(environment: environment).authenticate(request, &context)
            }
            try Self.requirePasswordChange(request, context)
            context.maxUploadSize = BodyLimit.limit(
                for: request, principal: context.principal, configuration: environment.configuration)
            try BodyLimit.check(request, limit: context.maxUploadSize)
            context.minBodyRate = environment.configuration.minBodyRate
            context.bodyRateGrace = environment.configuration.bodyRateGrace
            let reserved = try UploadBudget.reservation(
                for: request, limit: context.maxUploadSize, environment: environment)
            defer { if reserved > 0 { environment.uploads.release(reserved) } }
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && routeMethods != nil {
            // No route for this method and path: 405 with Allow where the path answers other methods.
            let allowed = routeMethods!.methods(for: request.uri.path)
            if !allowed.isEmpty && !allowed.contains(request.method.rawValue) {
                response = ErrorResponder(environment: environment).response(
                    for: AppError(
                        .methodNotAllowed, code: "method_not_allowed", message: "此地址不支持 \(request.method.rawValue) 请求"),
                    request: request, context: context)
                response.headers[.allow] = allowed.joined(separator: ", ")
            } else {
                response = ErrorResponder(environment: environment).response(
                    for: error, request: request, context: context)
            }
        } catch {
            response = ErrorResponder(environment: environment).response(for: error, request: request, context: context)
        }
        Self.addSecurityHeaders(&response.headers)
        if response.status == .serviceUnavailable && response.headers[.retryAfter] == nil {
            response.headers[.retryAfter] = String(UploadBudget.retryAfterSeconds)
        }
        if response.status == .contentTooLarge || response.status == .requestTimeout
            || response.status == .serviceUnavailable
        {
            // The rest of the body is not wanted: stop reading it (the response still goes out) and end the
            // connection after the response, rather than drain whatever the client keeps sending.
            response.headers[.connection] = "close"
            context.channel?.close(mode: .input, promise: nil)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        environment.metrics.recordRequest(
            method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(Self.maskedPath(request.uri.path)),
                "route": .string(route), "status": .stringConvertible(response.status.code),
                "ms": .stringConvertible(Int(seconds * 1000)), "client": .string(context.clientAddress),
                "user": .string(context.principal?.user.name ?? "-"),
            ])
        return response
    }

    /// What a person whose password was chosen by someone else may do before changing it.
    static let allowedBeforePasswordChange: Set<String> = [
        "/account/password", "/logout", "/static/app.css", "/healthz",
    ]

    /// A person who must change the password is sent to the change-password page (issue 11 #7).
    static func requirePasswordChange(_ request: Request, _ context: FundRequestContext) throws {
        guard let principal = context.principal, principal.user.mustChangePassword,
            !allowedBeforePasswordChange.contains(request.uri.path)
        else { return }
        throw AppError(.forbidden, code: "password_change_required", message: "须先修改密码（/account/password）")
    }

    /// The client address a trusted proxy reported: the rightmost `X-Forwarded-For` entry (the one the proxy
    /// added; what is left of it the client wrote itself), only when configured to trust a proxy and, if the
    /// proxies are listed, only on a connection from one of them (issue 11 #7).
    static func forwardedAddress(_ values: [String], peer: String?, configuration: ServerConfiguration) -> String? {
        guard configuration.trustForwardedFor else { return nil }
        if !configuration.trustedProxies.isEmpty {
            guard let peer, configuration.trustedProxies.contains(peer) else { return nil }
        }
        guard let last = values.last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !last.isEmpty, last.utf8.count <= 64
        else { return nil }
        return last
    }

    /// The path with id numbers masked: the log is not a place for personal data.
    static func maskedPath(_ path: String) -> String {
        // Also inside a segment: a legacy finding id (`DQ01-worker-<id number>`) carries one.
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            PersonID(segment) != nil ? Masking.personID(String(segment)) : Masking.maskIDs(in: String(segment))
        }.joined(separator: "/")
    }

    static func addSecurityHeaders(_ headers: inout HTTPFields) {
        headers[.init("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "same-origin"
    }
}

/// How an error is shown: JSON under `/api/`, a page elsewhere, a redirect to sign in for pages that need it.
struct ErrorResponder {
    let environment: ServerEnvironment

    func response(for error: any Error, request: Request, context: FundRequestContext) -> Response {
        let appError: AppError
        switch error {
        case let e as AppError: appError = e
        case let e as HTTPError:
            appError = AppError(
                e.status, code: e.status == .notFound ? "not_found" : "http_\(e.status.code)",
                message: e.status == .notFound ? "页面不存在" : (e.body ?? e.status.reasonPhrase))
        case let e as any HTTPResponseError where e.status.code < 500:
            // An error Hummingbird or NIO reports with a client status (e.g. a body over a limit: 413).
            appError = AppError(e.status, code: "http_\(e.status.code)", message: e.status.reasonPhrase)
        default:
            context.logger.error("unhandled error", metadata: ["error": .string(String(describing: error))])
            appError = AppError(.internalServerError, code: "internal", message: "服务器内部错误，请联系管理员")
        }
        let isAPI = request.uri.path.hasPrefix("/api/")
        if isAPI { return APIResponse.error(appError) }
        if appError.code == "password_change_required", request.method == .get {
            return Response(status: .seeOther, headers: [.location: "/account/password"])
        }
        // A client sending credentials of its own (a bearer key) would send them again to the sign-in page and
        // be refused there too: a redirect would loop between the page and /login (issue 11), so it gets the
        // 401 itself.
        if appError.status == .unauthorized, request.headers[.authorization] == nil {
            let next = request.method == .get ? request.uri.description : "/dashboard"
            return Response(
                status: .seeOther, headers: [.location: "/login?next=" + HTMLText.urlEncode(next)])
        }
        let model = ErrorModel(
            statusText: "\(appError.status.code) \(Self.chineseStatus(appError.status))", message: appError.message,
            fields: appError.fields.isEmpty
                ? nil : ErrorModel.Fields(items: appError.fields.sorted { $0.key < $1.key }.map { $0.value }),
            back: context.principal == nil ? "/login" : "/dashboard")
        return environment.renderer.page(
            "error", model, title: "出错了", active: "", context: context, status: appError.status)
    }

    static func chineseStatus(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "请求无效"
        case 403: "禁止访问"
        case 404: "未找到"
        case 408: "请求超时"
        case 409: "状态冲突"
        case 405: "不支持的请求方法"
        case 413: "文件过大"
        case 422: "输入有误"
        case 429: "尝试过于频繁"
        default: "错误"
        }
    }
}

struct ErrorModel {
    struct Fields { var items: [String] }
    var statusText: String
    var message: String
    var fields: Fields?
    var back: String
}
