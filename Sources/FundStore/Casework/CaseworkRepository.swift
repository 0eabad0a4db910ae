import Foundation
import FundModel

/// The casework registers as the Casework module sees them, whatever the database behind.
///
/// Reads return whole records; every write goes through `commit`, which
/// applies a step's records and history rows atomically, and refuses the whole
/// step if a record changed since it was read (`CaseworkStoreError.conflict`).
public protocol CaseworkRepository: Sendable {
    /// Applies the change set in one transaction: all of it, or nothing.
    func commit(_ changeSet: CaseworkChangeSet) throws
    func document<D: CaseworkDocument>(_ type: D.Type, id: String) throws -> D?
    /// The records whose index columns equal the given values (column names from `D.indexColumns`), and whose
    /// `region_code` starts with `regionPrefix` when given; by id.
    func documents<D: CaseworkDocument>(_ type: D.Type, where filter: [String: String], regionPrefix: String?)
        throws -> [D]
    /// The history of a record, oldest first.
    func history(_ subject: CaseworkSubject, id: String) throws -> [CaseworkHistoryEntry]
    /// The latest history rows of every register, newest first.
    func recentHistory(limit: Int) throws -> [CaseworkHistoryEntry]

    // The interchange tables casework reads.
    func experts() throws -> [Expert]
    func institutions() throws -> [Institution]
    func agreements() throws -> [Agreement]
    func employer(id: String) throws -> Employer?
    /// The imported assessments of a worker (their panels count for recusal).
    func importedAssessments(workerID: PersonID) throws -> [Assessment]
}

extension CaseworkRepository {
    public func documents<D: CaseworkDocument>(_ type: D.Type, where filter: [String: String] = [:]) throws -> [D] {
        try documents(type, where: filter, regionPrefix: nil)
    }
}

/// A history row as stored: the event, its sequence and the moment it was written.
public struct CaseworkHistoryEntry: Sendable, Hashable {
    public var id: Int64
    public var event: CaseworkEvent
    public var recordedAt: Date

    public init(id: Int64, event: CaseworkEvent, recordedAt: Date) {
        self.id = id
        self.event = event
        self.recordedAt = recordedAt
    }
}

/// Why the store refused a casework change set (nothing of it was written).
public enum CaseworkStoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The record is new but its id exists.
    case duplicate(table: String, id: String)
    /// The record changed since it was read (another person acted first), or is missing.
    case conflict(table: String, id: String)
    /// A filter named a column the register does not have.
    case unknownColumn(table: String, column: String)

    public var description: String {
        switch self {
        case .duplicate(let table, let id): "编号已存在 id already exists: \(table) \(id)"
        case .conflict(let table, let id):
            "记录已被他人修改或不存在，请刷新后重试 record changed by someone else or missing: \(table) \(id)"
        case .unknownColumn(let table, let column): "无此查询列 no such column: \(table).\(column)"
        }
    }
}
