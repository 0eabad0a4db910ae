import Hummingbird

extension CaseworkPages {
    /// A CSV download of a casework list (风险清单, 自查报告, 风险点清单): UTF-8 with a byte-order mark, so that
    /// spreadsheet programs read the Chinese headers as UTF-8; saved under `filename`; never kept in a cache, as
    /// the other console pages.
    static func csv(_ text: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = EvidenceFiles.contentDisposition(filename)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + text)))
    }
}
