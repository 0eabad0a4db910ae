import Hummingbird
import NIOCore

/// How large a request body may be (issue 11 #1 "Request bodies").
///
/// Every route gets the small default (`ServerConfiguration.maxRequestBodySize`); only the data import, once
/// the request is authenticated and its role may import, gets `maxImportSize`, and an evidence upload by a
/// signed-in person gets `maxEvidenceFileSize` and room for the form around it. The limit is checked against
/// `Content-Length` before a byte of the body is read (413 at once), and again while reading a body sent
/// without a length (`collectBody(upTo:)` stops at the limit).
enum BodyLimit {
    /// Room for the form fields and multipart headers around an uploaded file.
    static let formOverhead = 64 * 1024

    static func limit(for request: Request, principal: Principal?, configuration: ServerConfiguration) -> Int {
        let small = configuration.maxRequestBodySize
        guard request.method == .post, let principal else { return small }
        let path = request.uri.path
        if path == "/imports" || path == "/api/v1/imports" {
            return principal.role.mayImport ? configuration.maxImportSize : small
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // /findings/:id/files
        if parts.count == 4, parts[1] == "findings", parts[3] == "files", principal.role.mayVerify {
            return configuration.maxEvidenceFileSize + formOverhead
        }
        return small
    }

    /// Refuses a body whose declared length is over the limit, before reading it.
    static func check(_ request: Request, limit: Int) throws {
        guard let text = request.headers[.contentLength] else { return }
        guard let length = Int(text), length >= 0 else {
            throw AppError(.badRequest, code: "bad_content_length", message: "Content-Length 无效")
        }
        if length > limit { throw tooLarge(limit) }
    }

    static func tooLarge(_ limit: Int) -> AppError {
        AppError(
            .contentTooLarge, code: "too_large",
            message: "请求体过大（本操作最多 \(describe(limit))）")
    }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes / 1024) KiB"
    }
}

extension Request {
    /// The whole body, at most `context.maxUploadSize` bytes; a longer body is a 413 (never a 500), and a
    /// body that keeps trickling in slower than `context.minBodyRate` after `bodyRateGrace` seconds is a 408
    /// (issue 11 #2: the idle timeout alone lets one byte every 29 seconds hold a connection).
    mutating func collectLimitedBody(_ context: FundRequestContext) async throws -> ByteBuffer {
        let limit = context.maxUploadSize
        let start = ContinuousClock.now
        var collected = ByteBuffer()
        do {
            for try await var chunk in body {
                guard collected.readableBytes + chunk.readableBytes <= limit else { throw BodyLimit.tooLarge(limit) }
                collected.writeBuffer(&chunk)
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                if seconds > context.bodyRateGrace,
                    Double(collected.readableBytes) < seconds * Double(context.minBodyRate)
                {
                    throw AppError(.requestTimeout, code: "body_too_slow", message: "请求体发送过慢，连接已关闭")
                }
            }
        } catch is NIOTooManyBytesError {
            throw BodyLimit.tooLarge(limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw BodyLimit.tooLarge(limit)
        }
        body = .init(buffer: collected)
        return collected
    }
}
