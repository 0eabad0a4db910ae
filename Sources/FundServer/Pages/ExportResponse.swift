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

/// The download links of a list page: the page's own address and filter, with `format=csv` or `format=xlsx`.
struct ExportLinks {
    var csv: String
    var xlsx: String

    init(_ request: Request) {
        let form = RequestForm.query(request.uri.query)
        let pairs = form.fields.keys.sorted().filter { $0 != "format" && $0 != "page" }.flatMap { key in
            (form.fields[key] ?? []).map { "\(HTMLText.urlEncode(key))=\(HTMLText.urlEncode($0))" }
        }
        let base = request.uri.path + "?" + pairs.map { $0 + "&" }.joined()
        csv = base + "format=csv"
        xlsx = base + "format=xlsx"
    }

    /// The links as the templates draw them (`{{{exportLinks}}}` is not used: `{{#export}}` in each template).
    static let template =
        "{{#export}}<p class=\"exports\"><a class=\"button secondary\" href=\"{{csv}}\">导出 CSV</a> <a class=\"button secondary\" href=\"{{xlsx}}\">导出 Excel</a></p>{{/export}}"
}
