import Foundation
import Hummingbird

/// JSON responses of the API: the value, or `{"code", "message"}` for an error.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        var code: String
        var message: String
        var fields: [String: String]?
    }

    static func error(_ error: AppError) -> Response {
        json(
            ErrorBody(code: error.code, message: error.message, fields: error.fields.isEmpty ? nil : error.fields),
            status: error.status)
    }
}
