import Foundation
import Hummingbird

/// How many bytes of large uploads (data imports, evidence files) the server holds at once (issue 11, figures:
/// "memory of the server under 50 concurrent maximum-size uploads").
///
/// An upload is read into memory and parsed there (about 2.3 times its size at the peak, measured), so fifty
/// concurrent 512 MiB imports would need some 58 GB. Before a byte of a large body is read, its declared length
/// (or, without one, the route's limit) is reserved from this budget; when the budget cannot hold it the request
/// gets 503 with `Retry-After` at once, and the upload is released when its handler is done. Small requests
/// never touch the budget. One upload larger than the whole budget is still let in when nothing else is in
/// flight, so that a configuration whose budget is below `maxImportSize` cannot lock imports out.
final class UploadBudget: @unchecked Sendable {
    /// The bytes that may be in flight.
    let capacity: Int
    private let lock = NSLock()
    private var inFlight = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Reserves `bytes`, or returns `false` when they do not fit now.
    func reserve(_ bytes: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard inFlight == 0 || inFlight + bytes <= capacity else { return false }
        inFlight += bytes
        return true
    }

    func release(_ bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        inFlight = max(0, inFlight - bytes)
    }

    /// The bytes reserved now (for tests and `/metrics`).
    var reserved: Int {
        lock.lock()
        defer { lock.unlock() }
        return inFlight
    }
}

extension UploadBudget {
    /// Seconds a refused uploader is asked to wait.
    static let retryAfterSeconds = 30

    /// Reserves what a large upload may bring (its `Content-Length`, else the route's limit) and returns the bytes
    /// to release when the request is done; 0 for a request under the small limit. Throws 503 when the budget is
    /// full (`OuterMiddleware` adds `Retry-After` and closes the connection without reading the body).
    static func reservation(for request: Request, limit: Int, environment: ServerEnvironment) throws -> Int {
        guard limit > environment.configuration.maxRequestBodySize else { return 0 }
        let declared = request.headers[.contentLength].flatMap { Int($0) } ?? limit
        guard declared > environment.configuration.maxRequestBodySize else { return 0 }
        guard environment.uploads.reserve(declared) else {
            throw AppError(
                .serviceUnavailable, code: "uploads_busy",
                message: "服务器正在接收其他大文件，请 \(retryAfterSeconds) 秒后重试")
        }
        return declared
    }
}
