import FundModel

/// What one import has found so far, shared by the loaders of its files.
final class ImportState {
    let options: ImportOptions
    /// Problems that reject the import (strict mode: every bad cell; both modes: file problems).
    var issues: IssueList
    /// Lenient mode: the problems of the rows that were skipped.
    var rejected: IssueList
    var warnings: [String] = []
    /// References to rows that do not exist, per file and column.
    var unmatched: [UnmatchedReferences] = []
    var rejectsFiles: [String] = []

    init(options: ImportOptions) {
        self.options = options
        issues = IssueList(limit: options.issueLimit)
        rejected = IssueList(limit: options.issueLimit)
    }

    /// Whether the import is already lost: from then on the loaders only validate, they do not write.
    var failed: Bool { issues.count > 0 }

    /// A problem of a whole file (or its header): rejects the import in both modes.
    func fileIssue(_ file: String, line: Int? = nil, column: String? = nil, _ reason: String) {
        issues.append(ImportIssue(file: file, line: line, column: column, reason: reason))
    }

    func warn(_ text: String) { warnings.append(text) }

    func report(_ progress: ImportProgress) { options.progress?(progress) }

    var error: ImportError {
        ImportError(
            issues: issues.kept, issueCount: issues.count, issueCountByFile: issues.countByFile, warnings: warnings)
    }
}
