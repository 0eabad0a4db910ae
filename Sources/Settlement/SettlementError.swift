/// Why a settlement request is refused as a whole (an API 4xx with a stable code and a Chinese message),
/// as opposed to a line refused by a rule.
public struct SettlementError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// 404: no such card, settlement or line (of this institution).
        case notFound
        /// 422: the request cannot be settled as it is (a lost card, a case that is not the worker's, a bad field).
        case unprocessable
        /// 409: the request id was used for another request, or the settlement was already reversed.
        case conflict
        /// 403: the institution may not settle (no active agreement).
        case forbidden
        /// 401: no credential, or one unknown or revoked.
        case unauthorized
    }

    public var kind: Kind
    public var code: String
    public var message: String
    public var fields: [String: String]

    public init(_ kind: Kind, code: String, message: String, fields: [String: String] = [:]) {
        self.kind = kind
        self.code = code
        self.message = message
        self.fields = fields
    }

    static func invalid(_ problems: RequestProblems) -> SettlementError {
        SettlementError(.unprocessable, code: "invalid", message: "请求内容有误", fields: problems.fields)
    }

    static let requestIDReused = SettlementError(
        .conflict, code: "request_id_reused", message: "请求号已用于另一笔内容不同的请求（同一请求号只能对应同一请求）")
}
