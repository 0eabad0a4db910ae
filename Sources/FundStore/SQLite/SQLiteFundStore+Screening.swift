import Dispatch
import Foundation
import FundColumns
import FundModel
import GRDB

extension SQLiteFundStore {
    /// The data set of a screening run: every imported table, the payments as columns (`PaymentTable`)
    /// read over several connections at once.
    ///
    /// Reading every table on one connection was a single-threaded minute at ten million payments. Here
    /// the work is cut into tasks run on as many connections as there are processors, largest first so
    /// that the last to start are short: the payments by rowid into `parts` ranges, each read into its
    /// own columns; the wages (the largest table, by worker and month) in two halves split at the middle
    /// worker; the health visits; the workers, the cases, the assessments and the dependants each alone;
    /// and the other tables together. The parts are joined in their order (the payments' columns one
    /// column a task). The connections' read transactions are separate, so each one also reads the
    /// newest import run, which every import writes in its own transaction: if an import landed between
    /// them, the parts may disagree and the load starts again (at most three times).
    ///
    /// - Parameters:
    ///   - parts: how many payment ranges (default: twice the processor count, at least four).
    ///   - tables: the tables to read (default: all); the others stay `nil`, as if never imported
    ///     (`RuleCatalog.tablesToLoad(for:)` gives those a choice of rules needs).
    public func loadScreeningData(tables: Set<FundModel.Table>?, parts: Int?) throws -> DataSet {
        try loadScreeningData(tables: tables, parts: parts, afterPlanning: {})
    }

    /// `loadScreeningData(tables:parts:)`, calling `afterPlanning` between the plan's read and the
    /// tasks' (tests import there, to see the load notice it and start again).
    func loadScreeningData(
        tables: Set<FundModel.Table>?, parts: Int?, afterPlanning: () throws -> Void
    ) throws -> DataSet {
        let parts = max(1, parts ?? max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
        for _ in 0..<3 {
            if let data = try loadScreeningDataOnce(parts: parts, tables: tables, afterPlanning: afterPlanning) {
                return data
            }
        }
        throw ConcurrentImportError()
    }

    public func loadScreeningData(tables: Set<FundModel.Table>?) throws -> DataSet {
        try loadScreeningData(tables: tables, parts: nil)
    }

    private func loadScreeningDataOnce(
        parts: Int, tables: Set<FundModel.Table>?, afterPlanning: () throws -> Void
    ) throws -> DataSet? {
        let plan = try pool.read { db in try ScreeningLoadPlan(db, parts: parts, tables: tables) }
        try afterPlanning()
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
            case .records(let tables): data.takeTables(of: tables)
            case .wages(let rows): wages = (wages ?? []) + rows
            case .healthVisits(let rows): visits = rows
            case .payments(let table): payments.append(table)
            case .none: break
            }
        }
        data.wages = wages
        data.healthVisits = visits
        if plan.hasPayments { data.paymentTable = PaymentTable(joining: payments) }
        // One provincial system: the registers' cases and assessments over the imported rows.
        let overlay = try pool.read { db in try RegisterOverlay.read(db) }
        overlay.apply(
            to: &data, addCases: tables?.contains(.injuryCases) ?? true,
            addAssessments: tables?.contains(.assessments) ?? true)
        return data
    }

    /// One task of the parallel load, on its connection.
    private static func run(_ task: ScreeningLoadPlan.Task, _ db: Database, plan: ScreeningLoadPlan) throws
        -> ScreeningLoadPart
    {
        switch task {
        case .records(let group):
            return .records(
                try loadTables(db, payments: false, skipping: Set(FundModel.Table.allCases).subtracting(group)))
        case .wages(let split, let upper):
            guard let split else { return upper ? .wages([]) : .wages(try fetchAll(Wage.self, db)) }
            return .wages(try fetchAll(Wage.self, db, where: upper ? "worker_id >= ?" : "worker_id < ?", split))
        case .healthVisits:
            return .healthVisits(try fetchAll(HealthVisit.self, db))
        case .payments(let range):
            return .payments(try PaymentTableLoader.load(db, rowids: range, expectedRows: plan.rowsPerRange))
        }
    }
}

extension DataSet {
    /// Takes over the tables that `other` has (the record tables of one task of the parallel load).
    fileprivate mutating func takeTables(of other: DataSet) {
        regions = other.regions
        parameters = parameters ?? other.parameters
        employers = employers ?? other.employers
        workers = workers ?? other.workers
        cases = cases ?? other.cases
        assessments = assessments ?? other.assessments
        experts = experts ?? other.experts
        dependents = dependents ?? other.dependents
        institutions = institutions ?? other.institutions
        agreements = agreements ?? other.agreements
        benefitItems = benefitItems ?? other.benefitItems
        fundLedger = fundLedger ?? other.fundLedger
        deaths = deaths ?? other.deaths
        medicalInsurance = medicalInsurance ?? other.medicalInsurance
        pensions = pensions ?? other.pensions
        trafficAccidents = trafficAccidents ?? other.trafficAccidents
        imprisonments = imprisonments ?? other.imprisonments
        calendar = calendar ?? other.calendar
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
        /// These record tables (the payments, the wages and the health visits have tasks of their own).
        case records(Set<FundModel.Table>)
        /// The wages of workers below (or from) the split id; all of them when there is no split.
        case wages(split: String?, upper: Bool)
        case healthVisits
        case payments(ClosedRange<Int64>)
    }

    /// The record tables large enough for a task of their own (a million workers take seconds).
    static let tablesAlone: [FundModel.Table] = [.workers, .injuryCases, .assessments, .dependents]
    /// Tables with a loader of their own.
    static let bulkTables: Set<FundModel.Table> = [.payments, .wages, .healthVisits]

    var marker: Int64
    /// The imported tables that this load reads.
    var imported: Set<FundModel.Table>
    var hasPayments: Bool
    var ranges: [ClosedRange<Int64>]
    /// The expected rows of a payment range (rowids are dense unless rows were deleted).
    var rowsPerRange: Int
    var wageSplit: String?

    /// The tasks, largest first, so that the last ones to start are short.
    var tasks: [Task] {
        var tasks = ranges.map(Task.payments)
        if imported.contains(.wages) {
            tasks += [.wages(split: wageSplit, upper: false), .wages(split: wageSplit, upper: true)]
        }
        if imported.contains(.healthVisits) { tasks.append(.healthVisits) }
        let alone = Self.tablesAlone.filter(imported.contains)
        tasks += alone.map { .records([$0]) }
        // The rest together (regions at least: every data set has them).
        tasks.append(.records(imported.subtracting(alone).subtracting(Self.bulkTables)))
        return tasks
    }

    init(_ db: Database, parts: Int, tables: Set<FundModel.Table>?) throws {
        marker = try Self.importMarker(db)
        let all = try SQLiteFundStore.importedTables(db)
        imported = tables.map { all.intersection($0.union([.regions])) } ?? all
        hasPayments = imported.contains(.payments)
        if imported.contains(.wages) {
            // The middle worker id of the wages, found through workers' primary key (no scan of the wages).
            let workers = try Int.fetchOne(db, sql: "SELECT count(*) FROM workers") ?? 0
            wageSplit =
                workers > 1
                ? try String.fetchOne(
                    db, sql: "SELECT worker_id FROM workers ORDER BY worker_id LIMIT 1 OFFSET ?",
                    arguments: [workers / 2])
                : nil
        }
        ranges = []
        rowsPerRange = 0
        // Two queries, each a B-tree descent: SQLite's min/max shortcut takes a query with one aggregate
        // only (both in one query, or count(*), read the whole table: a second at ten million rows).
        guard hasPayments, let lo = try Int64.fetchOne(db, sql: "SELECT min(rowid) FROM payments"),
            let hi = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM payments")
        else { return }
        let span = hi - lo + 1
        let count = Int64(min(parts, Int(span)))
        for part in 0..<count {
            let start = lo + span * part / count
            let end = lo + span * (part + 1) / count - 1
            ranges.append(start...end)
        }
        rowsPerRange = Int(span / count) + 1
    }

    /// The newest import run: every import writes one in the transaction that changes the tables.
    static func importMarker(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM import_runs") ?? 0
    }
}

/// What one task of the parallel load read.
enum ScreeningLoadPart: Sendable {
    case none
    case records(DataSet)
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
