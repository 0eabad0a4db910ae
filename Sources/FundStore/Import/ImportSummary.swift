import FundModel

/// What an import did: rows per table, warnings, rejected rows, unmatched references.
public struct ImportSummary: Sendable {
    /// The id of the import run recorded in the database.
    public var runID: Int64
    /// The directory imported.
    public var source: String
    public var files: [FileImportSummary]
    /// Unknown columns and files, optional columns absent from a header, references not checked.
    public var warnings: [String]
    /// References to rows that do not exist; such rows are kept (interchange.md).
    public var unmatched: [UnmatchedReferences]
    /// Lenient mode: the first rejected cells (all of them are in the rejects files).
    public var rejected: [ImportIssue]
    /// Lenient mode: the number of problems found in the rejected rows.
    public var rejectedIssueCount: Int
    /// Lenient mode: the rejects files written, one per file with rejected rows.
    public var rejectsFiles: [String]
    /// Wall-clock time of the whole import, in seconds (for the progress line and the benchmark).
    public var seconds: Double
    /// Imported cases and assessments that disagree with the determination or assessment register holding
    /// them: the register's value stands, the imported row is kept as it came (issue 10 point 5).
    public var registerConflicts: [RegisterConflict] = []

    public var rowsImported: Int { files.reduce(0) { $0 + $1.rowsImported } }
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rowsRejected } }

    /// The report for a terminal, in Chinese with English.
    public var text: String {
        var lines = ["导入完成 Import finished: \(source) (run \(runID), \(Self.format(seconds)) s)"]
        let nameWidth = max(12, files.map(\.file.count).max() ?? 0)
        lines.append(
            Self.pad("文件 file", nameWidth + 2) + Self.left("读取 read", 12) + Self.left("导入 imported", 16)
                + Self.left("替换 replaced", 16) + Self.left("拒绝 rejected", 16))
        for file in files {
            lines.append(
                Self.pad(file.file, nameWidth + 2) + Self.left("\(file.rowsRead)", 12)
                    + Self.left("\(file.rowsImported)", 16) + Self.left("\(file.rowsReplaced)", 16)
                    + Self.left("\(file.rowsRejected)", 16))
        }
        if !unmatched.isEmpty {
            lines.append("未匹配的引用（行已保留） Unmatched references (rows kept):")
            for entry in unmatched { lines.append("  " + entry.description) }
        }
        if !rejectsFiles.isEmpty {
            lines.append("拒绝的行已写入 Rejected rows written to:")
            for file in rejectsFiles { lines.append("  " + file) }
            for issue in rejected.prefix(20) { lines.append("  " + issue.description) }
            if rejectedIssueCount > min(20, rejected.count) {
                lines.append("  … 另有 \(rejectedIssueCount - min(20, rejected.count)) 个 and more")
            }
        }
        if !registerConflicts.isEmpty {
            lines.append(
                "与认定、鉴定台账不一致（以台账为准，导入行原样保留） \(registerConflicts.count) conflicts with the registers:")
            for conflict in registerConflicts.prefix(50) { lines.append("  " + conflict.description) }
            if registerConflicts.count > 50 { lines.append("  … 另有 \(registerConflicts.count - 50) 个 and more") }
        }
        for warning in warnings { lines.append("警告 warning: " + warning) }
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}

/// One file of an import.
public struct FileImportSummary: Sendable, Hashable {
    public var table: Table
    public var file: String
    /// Records in the file (header excluded).
    public var rowsRead: Int
    /// Rows written (new or replacing).
    public var rowsImported: Int
    /// Rows that replaced a row with the same key (from the database or earlier in the file).
    public var rowsReplaced: Int
    /// Lenient mode: rows skipped into the rejects file.
    public var rowsRejected: Int
}

/// Rows whose column names a row that does not exist, e.g. payments of an unknown case.
public struct UnmatchedReferences: Sendable, Hashable, CustomStringConvertible {
    public var table: Table
    public var column: String
    /// Where the value was looked for, e.g. `injury_cases.case_id` or `workers.worker_id|dependents.dependent_id`.
    public var target: String
    public var count: Int
    /// A few of them: `key → value`, e.g. `P000123 → C999`.
    public var examples: [String]

    public var description: String {
        "\(table.fileName) \(column): \(count) 行无对应 rows without a match in \(target)"
            + (examples.isEmpty ? "" : ", e.g. " + examples.joined(separator: ", "))
    }
}
