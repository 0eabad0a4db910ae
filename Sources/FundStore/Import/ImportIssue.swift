/// One problem in the input: a bad cell, a malformed record, or a whole file.
///
/// Rendered as `file:line: column: reason` (interchange.md "General rules"),
/// the form editors and terminals link to; the line is the physical line on
/// which the record starts.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file name (e.g. `payments.csv`).
    public var file: String
    /// The physical line of the record; `nil` for a problem of the whole file.
    public var line: Int?
    /// The column; `nil` for a problem of the whole record or file.
    public var column: String?
    /// Why, in Chinese and English, with the offending value where there is one.
    public var reason: String

    public init(file: String, line: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "\(column): " }
        return text + reason
    }
}

/// A collection of issues that counts all of them but keeps only the first `limit`.
///
/// A file with a million bad rows must still be reported as such without
/// holding a million messages in memory.
struct IssueList: Sendable {
    let limit: Int
    private(set) var kept: [ImportIssue] = []
    private(set) var count = 0
    private(set) var countByFile: [String: Int] = [:]

    init(limit: Int) { self.limit = limit }

    mutating func append(_ issue: ImportIssue) {
        count += 1
        countByFile[issue.file, default: 0] += 1
        if kept.count < limit { kept.append(issue) }
    }
}
