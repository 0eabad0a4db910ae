/// An import that was rejected: nothing of it was kept, and here is every reason.
///
/// `issues` holds the first ones (up to `ImportOptions.issueLimit`);
/// `issueCount` counts all of them, per file in `issueCountByFile`.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public var issueCount: Int
    public var issueCountByFile: [String: Int]
    public var warnings: [String]

    public init(
        issues: [ImportIssue], issueCount: Int? = nil, issueCountByFile: [String: Int]? = nil,
        warnings: [String] = []
    ) {
        self.issues = issues
        self.issueCount = issueCount ?? issues.count
        self.issueCountByFile =
            issueCountByFile ?? issues.reduce(into: [:]) { counts, issue in counts[issue.file, default: 0] += 1 }
        self.warnings = warnings
    }

    /// The report, listing at most `limit` issues.
    public func text(limit: Int = 50) -> String {
        var lines = ["导入失败，数据库未作任何修改。Import failed; the database is unchanged."]
        let perFile = issueCountByFile.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("问题 \(issueCount) 个 \(issueCount) problem(s): " + perFile.joined(separator: ", "))
        for issue in issues.prefix(limit) { lines.append("  " + issue.description) }
        if issueCount > min(limit, issues.count) {
            lines.append(
                "  … 另有 \(issueCount - min(limit, issues.count)) 个 and \(issueCount - min(limit, issues.count)) more")
        }
        for warning in warnings { lines.append("警告 warning: " + warning) }
        return lines.joined(separator: "\n")
    }

    public var description: String { text() }
}
