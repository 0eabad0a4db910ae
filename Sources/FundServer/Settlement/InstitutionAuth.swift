import Foundation
import FundModel
import FundStore
import Hummingbird
import Settlement

/// Who calls the settlement API: an institution presenting one of its credentials as
/// `Authorization: Bearer fgi_…` (never a person: the console's `Authenticator` leaves these keys alone).
enum InstitutionAuth {
    static let keyPrefix = InstitutionKeys.prefix

    /// The caller of the request, or a 401/403.
    static func caller(_ request: Request, _ context: FundRequestContext, _ environment: ServerEnvironment) throws
        -> SettlementCaller
    {
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            throw SettlementError(
                .unauthorized, code: "institution_key_required", message: "须以 Authorization: Bearer 提交机构接口凭证")
        }
        let key = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        let credential = try InstitutionKeys.authenticate(
            store: environment.store, key: key, on: Day.inChina(environment.now()))
        return SettlementCaller(
            institutionID: credential.institutionID, credentialID: credential.id, remoteAddress: context.clientAddress)
    }
}

extension SettlementError {
    /// The API's error: the status of the kind, the code and the Chinese message, the fields.
    var appError: AppError {
        let status: HTTPResponse.Status =
            switch kind {
            case .notFound: .notFound
            case .unprocessable: .unprocessableContent
            case .conflict: .conflict
            case .forbidden: .forbidden
            case .unauthorized: .unauthorized
            }
        return AppError(status, code: code, message: message, fields: fields)
    }
}
