import Foundation
import FundModel

/// A recorded import: who, when, from where, which files with how many rows.
public struct ImportRunRecord: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var finishedAt: Date
    public var user: String?
    public var source: String
    public var lenient: Bool
    public var rowsImported: Int
    public var rowsRejected: Int
    public var files: [FileImportSummary]
    /// One warning per element.
    public var warnings: [String]
    /// One line per unmatched reference (`UnmatchedReferences.description`).
    public var unmatched: [String]
}
