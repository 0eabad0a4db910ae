import FundModel

/// How an import treats bad rows, where it reports, and who runs it.
public struct ImportOptions: Sendable {
    /// Skip bad rows into a rejects file and import the rest, instead of rejecting the import.
    /// A problem of a whole file (a missing column, an unreadable file) still rejects the import.
    public var lenient: Bool
    /// Where lenient mode writes `<table>.rejects.csv`; default: the database's directory.
    public var rejectsDirectory: String?
    /// Recorded with the import run.
    public var user: String?
    /// How many issues are kept in memory for the report (all are counted).
    public var issueLimit: Int
    /// Called now and then from the importing thread, for a progress line.
    public var progress: (@Sendable (ImportProgress) -> Void)?
    /// The CSV files' encoding: by default detected per file (UTF-8 if valid, else GB18030).
    public var encoding: SourceEncoding = .auto

    public init(
        lenient: Bool = false, rejectsDirectory: String? = nil, user: String? = nil, issueLimit: Int = 1000,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) {
        self.lenient = lenient
        self.rejectsDirectory = rejectsDirectory
        self.user = user
        self.issueLimit = issueLimit
        self.progress = progress
    }
}

/// Where an import is, for a progress line.
public struct ImportProgress: Sendable {
    public enum Phase: Sendable, Hashable {
        /// Parsing and inserting a file.
        case reading
        /// Rebuilding a table's indexes after a bulk load.
        case indexing
        /// Counting unmatched references.
        case checking
        /// Committing and checkpointing.
        case committing
    }

    public var phase: Phase
    public var table: Table?
    /// Records read so far in the current file.
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int

    /// A one-line rendering for a terminal.
    public var line: String {
        switch phase {
        case .reading:
            let percent = bytesTotal > 0 ? bytesRead * 100 / bytesTotal : 100
            return "导入 importing \(table?.fileName ?? ""): \(rows) 行 rows (\(percent)%)"
        case .indexing: return "建立索引 indexing \(table?.rawValue ?? "")"
        case .checking: return "检查引用 checking references \(table?.rawValue ?? "")"
        case .committing: return "提交 committing"
        }
    }
}
