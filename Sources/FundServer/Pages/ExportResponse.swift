import Foundation
import FundStore
import Hummingbird

/// The two forms a list downloads in: CSV (UTF-8 with a byte-order mark) and an Excel workbook.
enum ExportFormat: String, Sendable {
    case csv, xlsx

    /// `?format=csv` or `?format=xlsx` on a list's address; `nil` without it (the page itself).
    ///
    /// - Throws: 400 for another format.
    static func requested(_ request: Request) throws -> ExportFormat? {
        guard let text = request.uri.queryParameters["format"].map(String.init), !text.isEmpty else { return nil }
        guard let format = ExportFormat(rawValue: text) else {
            throw AppError.invalid("导出格式须为 csv 或 xlsx", fields: ["format": "须为 csv 或 xlsx"])
        }
        return format
    }
}

/// A list's download: the sheet as CSV or .xlsx, saved under the sheet's title; never cached (lists
/// hold personal data, like the pages).
enum ExportResponse {
    static func answer(_ sheet: ExportSheet, format: ExportFormat, filename: String? = nil) throws -> Response {
        var headers = HTTPFields()
        headers[.contentDisposition] = EvidenceFiles.contentDisposition(
            "\(filename ?? sheet.title).\(format.rawValue)")
        headers[.cacheControl] = "no-store"
        switch format {
        case .csv:
            headers[.contentType] = "text/csv; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + sheet.csv())))
        case .xlsx:
            headers[.contentType] = XLSXWriter.contentType
            let data = try XLSXWriter.data(sheet)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

/// The download links of a list page: the page's own address and its filter, with `format=csv` or `format=xlsx`.
///
/// Only the page's filter parameters (`filters`) are carried over, so nothing else a link was crafted with
/// (a `done` banner key, say) is echoed into the page.
struct ExportLinks {
    var csv: String
    var xlsx: String

    init(_ request: Request, filters: [String]) {
        let form = RequestForm.query(request.uri.query)
        let pairs = filters.sorted().flatMap { key in
            (form.fields[key] ?? []).prefix(1).map { "\(HTMLText.urlEncode(key))=\(HTMLText.urlEncode($0))" }
        }
        let base = request.uri.path + "?" + pairs.map { $0 + "&" }.joined()
        csv = base + "format=csv"
        xlsx = base + "format=xlsx"
    }
}
