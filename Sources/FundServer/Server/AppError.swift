import Hummingbird

/// An error with an HTTP status, a stable code for programs and a message for people.
///
/// Pages show it as an error page in Chinese, the API as `{"code", "message"}`
/// (issue 4 "API errors as JSON with a code and a message").
public struct AppError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Field problems of a form or request body, by field name.
    public var fields: [String: String]

    public init(_ status: HTTPResponse.Status, code: String, message: String, fields: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    public static let unauthenticated = AppError(.unauthorized, code: "unauthenticated", message: "请先登录")
    public static let forbidden = AppError(.forbidden, code: "forbidden", message: "无权执行此操作")
    public static let csrf = AppError(.forbidden, code: "csrf", message: "表单已失效（缺少或错误的 CSRF 令牌），请刷新页面后重试")
    public static func notFound(_ what: String = "页面") -> AppError {
        AppError(.notFound, code: "not_found", message: "\(what)不存在")
    }
    public static func invalid(_ message: String, fields: [String: String] = [:]) -> AppError {
        AppError(.unprocessableContent, code: "invalid", message: message, fields: fields)
    }
    public static func conflict(_ message: String) -> AppError {
        AppError(.conflict, code: "conflict", message: message)
    }
}
