/// Whole numbers read from a request (page numbers, sizes, counts): bounded before any arithmetic, and the
/// arithmetic on them checked, so that no request can trap the process (issue 11 #6).
enum RequestNumbers {
    /// The largest page number any list accepts.
    static let maxPage = 1_000_000

    /// A page number `1...maxPage`; `nil` for anything else (negative, huge, not a number).
    static func page(_ text: String) -> Int? {
        guard text.utf8.count <= 12, let n = Int(text), (1...maxPage).contains(n) else { return nil }
        return n
    }

    /// The offset of a page of `size` rows; `nil` when it would overflow.
    static func offset(page: Int, size: Int) -> Int? {
        guard page >= 1, size >= 0 else { return nil }
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        return overflow ? nil : offset
    }
}
