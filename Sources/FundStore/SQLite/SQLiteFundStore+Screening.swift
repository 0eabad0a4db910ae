import Dispatch
import Foundation
import FundModel
import GRDB

extension SQLiteFundStore {
    /// The data set of a screening run: every imported table, the payments as columns (`PaymentTable`)
    /// read over several connections at once.
    ///
    /// Reading every table on one connection was a single-threaded minute at ten million payments. Here
    /// the work is cut into tasks run on as many connections as there are processors: the payments by
    /// rowid into `parts` ranges, each read into its own columns; the wages (the largest table, by
    /// worker and month) in two halves split at the middle worker; the health visits; and the other
    /// tables. The parts are joined in their order. The connections' read transactions are separate, so each one also reads the newest
    /// import run, which every import writes in its own transaction: if an import landed between them,
    /// the parts may disagree and the load starts again (at most three times).
    ///
    /// - Parameters:
    ///   - parts: how many ranges (default: the processor count, at least two).
    ///   - tables: the tables to read (default: all); the others stay `nil`, as if never imported
    ///     (`RuleCatalog.tablesToLoad(for:)` gives those a choice of rules needs).
    public func loadScreeningData(tables: Set<FundModel.Table>?, parts: Int?) throws -> DataSet {
        let parts = max(1, parts ?? max(2, ProcessInfo.processInfo.activeProcessorCount))
        for _ in 0..<3 {
            if let data = try loadScreeningDataOnce(parts: parts, tables: tables) { return data }
        }
        throw ConcurrentImportError()
    }

    public func loadScreeningData(tables: Set<FundModel.Table>?) throws -> DataSet {
        try loadScreeningData(tables: tables, parts: nil)
    }

    private func loadScreeningDataOnce(parts: Int, tables: Set<FundModel.Table>?) throws -> DataSet? {
        let plan = try pool.read { db in try ScreeningLoadPlan(db, parts: parts, tables: tables) }
        let tasks = plan.tasks
        let results = ScreeningLoadResults(tasks: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            do {
                try pool.read { db in
                    let marker = try ScreeningLoadPlan.importMarker(db)
                    results.set(try Self.run(tasks[index], db, plan: plan), task: index, marker: marker)
                }
            } catch {
                results.fail(error)
            }
        }
        let outcome = try results.outcome()
        guard outcome.markers.allSatisfy({ $0 == plan.marker }) else { return nil }
        var data = DataSet()
        var wages: [Wage]?
        var visits: [HealthVisit]?
        var payments: [PaymentTable] = []
        for part in outcome.parts {
            switch part {
            case .tables(let tables): data = tables
            case .wages(let rows): wages = (wages ?? []) + rows
            case .healthVisits(let rows): visits = rows
            case .payments(let table): payments.append(table)
            case .none: break
            }
        }
        data.wages = wages
        data.healthVisits = visits
        if plan.hasPayments {
            // The first range's columns are the base: its dictionaries need no recoding.
            var table = payments.first ?? PaymentTable()
            table.reserveCapacity(plan.rowCount)
            for part in payments.dropFirst() { table.append(contentsOf: part) }
            data.paymentTable = table
        }
        return data
    }

    /// One task of the parallel load, on its connection.
    private static func run(_ task: ScreeningLoadPlan.Task, _ db: Database, plan: ScreeningLoadPlan) throws
        -> ScreeningLoadPart
    {
        switch task {
        case .tables:
            return .tables(
                try loadTables(
                    db, payments: false, skipping: plan.skipped.union([.wages, .healthVisits, .payments])))
        case .wages(let split, let upper):
            guard plan.imported.contains(.wages) else { return .none }
            guard let split else { return upper ? .wages([]) : .wages(try fetchAll(Wage.self, db)) }
            return .wages(try fetchAll(Wage.self, db, where: upper ? "worker_id >= ?" : "worker_id < ?", split))
        case .healthVisits:
            return plan.imported.contains(.healthVisits) ? .healthVisits(try fetchAll(HealthVisit.self, db)) : .none
        case .payments(let range):
            return .payments(try PaymentTableLoader.load(db, rowids: range, expectedRows: plan.rowsPerRange))
        }
    }
}

/// The database changed under the screening loader three times in a row.
public struct ConcurrentImportError: Error, CustomStringConvertible {
    public var description: String {
        "读取期间数据被多次导入更新，请稍后重新筛查 the data changed during loading three times; screen again later"
    }
}

/// What `loadScreeningData` reads, decided in one read transaction.
struct ScreeningLoadPlan: Sendable {
    /// A part of the load, read on a connection of its own.
    enum Task: Sendable {
        /// Every table but the payments, the wages and the health visits.
        case tables
        /// The wages of workers below (or from) the split id; all of them when there is no split.
        case wages(split: String?, upper: Bool)
        case healthVisits
        case payments(ClosedRange<Int64>)
    }

    var marker: Int64
    /// The imported tables that this load reads.
    var imported: Set<FundModel.Table>
    /// The imported tables that this load leaves out.
    var skipped: Set<FundModel.Table>
    var hasPayments: Bool
    var rowCount: Int
    var ranges: [ClosedRange<Int64>]
    var rowsPerRange: Int
    var wageSplit: String?

    /// The tasks, largest first, so that the last ones to start are short.
    var tasks: [Task] {
        [.wages(split: wageSplit, upper: false), .wages(split: wageSplit, upper: true)] + ranges.map(Task.payments)
            + [.healthVisits, .tables]
    }

    init(_ db: Database, parts: Int, tables: Set<FundModel.Table>?) throws {
        marker = try Self.importMarker(db)
        let all = try SQLiteFundStore.importedTables(db)
        imported = tables.map { all.intersection($0.union([.regions])) } ?? all
        skipped = all.subtracting(imported)
        hasPayments = imported.contains(.payments)
        // The middle worker id of the wages, found through workers' primary key (no scan of the wages).
        let workers = try Int.fetchOne(db, sql: "SELECT count(*) FROM workers") ?? 0
        wageSplit =
            workers > 1
            ? try String.fetchOne(
                db, sql: "SELECT worker_id FROM workers ORDER BY worker_id LIMIT 1 OFFSET ?", arguments: [workers / 2])
            : nil
        let row = try Row.fetchOne(db, sql: "SELECT min(rowid), max(rowid), count(*) FROM payments")
        rowCount = row?[2] ?? 0
        ranges = []
        rowsPerRange = 0
        guard hasPayments, let lo: Int64 = row?[0], let hi: Int64 = row?[1] else { return }
        let span = hi - lo + 1
        let count = Int64(min(parts, Int(span)))
        for part in 0..<count {
            let start = lo + span * part / count
            let end = lo + span * (part + 1) / count - 1
            ranges.append(start...end)
        }
        rowsPerRange = rowCount / ranges.count + 1
    }

    /// The newest import run: every import writes one in the transaction that changes the tables.
    static func importMarker(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM import_runs") ?? 0
    }
}

/// What one task of the parallel load read.
enum ScreeningLoadPart: Sendable {
    case none
    case tables(DataSet)
    case wages([Wage])
    case healthVisits([HealthVisit])
    case payments(PaymentTable)
}

/// The parts of a parallel load, filled from several threads.
final class ScreeningLoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [ScreeningLoadPart]
    private var markers: [Int64] = []
    private var error: (any Error)?

    init(tasks: Int) { parts = Array(repeating: .none, count: tasks) }

    func set(_ part: ScreeningLoadPart, task: Int, marker: Int64) {
        lock.withLock {
            parts[task] = part
            markers.append(marker)
        }
    }

    func fail(_ error: any Error) { lock.withLock { self.error = self.error ?? error } }

    /// The parts in task order, and the import marker each connection saw.
    func outcome() throws -> (parts: [ScreeningLoadPart], markers: [Int64]) {
        try lock.withLock {
            if let error { throw error }
            return (parts, markers)
        }
    }
}
