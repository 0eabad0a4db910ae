/// One problem in a rules configuration, with its path in the file
/// (e.g. `rules.R03.params.threshold.MED: must be a positive amount in yuan`).
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted path of the key, e.g. `cities.320100.rules.R04.params.windows.MED.days`; empty for the whole file.
    public var path: String
    public var message: String
    /// 1-based line in the file, where known.
    public var line: Int?

    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in a rules configuration: loading never stops at the first one.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ConfigurationIssue]

    public init(issues: [ConfigurationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
