import Dispatch
import Foundation
import FundModel
import GRDB

extension SQLiteFundStore {
    /// The data set of a screening run: every imported table, the payments as columns (`PaymentTable`)
    /// read over several connections at once.
    ///
    /// The payments are most of the rows, and reading them was a single-threaded minute at ten million:
    /// here they are split by rowid into `parts` ranges, each read on its own connection into its own
    /// columns while another connection reads the other tables; the ranges' columns are then joined in
    /// rowid order. The connections' read transactions are separate, so each one also reads the newest
    /// import run, which every import writes in its own transaction: if an import landed between them,
    /// the parts may disagree and the load starts again (at most three times).
    ///
    /// - Parameter parts: how many ranges (default: the processor count, at least two).
    public func loadScreeningData(parts: Int? = nil) throws -> DataSet {
        let parts = max(1, parts ?? max(2, ProcessInfo.processInfo.activeProcessorCount))
        for _ in 0..<3 {
            if let data = try loadScreeningDataOnce(parts: parts) { return data }
        }
        throw ConcurrentImportError()
    }

    private func loadScreeningDataOnce(parts: Int) throws -> DataSet? {
        let plan = try pool.read { db in try ScreeningLoadPlan(db, parts: parts) }
        let results = ScreeningLoadResults(ranges: plan.ranges.count)
        // Task 0 reads the other tables; tasks 1… read one payment range each.
        DispatchQueue.concurrentPerform(iterations: plan.ranges.count + 1) { task in
            do {
                try pool.read { db in
                    let marker = try ScreeningLoadPlan.importMarker(db)
                    if task == 0 {
                        results.setTables(try Self.loadTables(db, payments: false), marker: marker)
                    } else {
                        let range = plan.ranges[task - 1]
                        let table = try PaymentTableLoader.load(
                            db, rowids: range, expectedRows: plan.rowsPerRange)
                        results.setPayments(table, part: task - 1, marker: marker)
                    }
                }
            } catch {
                results.fail(error)
            }
        }
        let outcome = try results.outcome()
        guard outcome.markers.allSatisfy({ $0 == plan.marker }) else { return nil }
        var data = outcome.tables
        if plan.hasPayments {
            var payments = PaymentTable()
            payments.reserveCapacity(plan.rowCount)
            for part in outcome.payments { payments.append(contentsOf: part) }
            data.paymentTable = payments
        }
        return data
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
    var marker: Int64
    var hasPayments: Bool
    var rowCount: Int
    var ranges: [ClosedRange<Int64>]
    var rowsPerRange: Int

    init(_ db: Database, parts: Int) throws {
        marker = try Self.importMarker(db)
        hasPayments = try SQLiteFundStore.importedTables(db).contains(.payments)
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

/// The parts of a parallel load, filled from several threads.
final class ScreeningLoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var tables = DataSet()
    private var payments: [PaymentTable]
    private var markers: [Int64] = []
    private var error: (any Error)?

    init(ranges: Int) { payments = Array(repeating: PaymentTable(), count: ranges) }

    func setTables(_ data: DataSet, marker: Int64) {
        lock.withLock {
            tables = data
            markers.append(marker)
        }
    }

    func setPayments(_ table: PaymentTable, part: Int, marker: Int64) {
        lock.withLock {
            payments[part] = table
            markers.append(marker)
        }
    }

    func fail(_ error: any Error) { lock.withLock { self.error = self.error ?? error } }

    func outcome() throws -> (tables: DataSet, payments: [PaymentTable], markers: [Int64]) {
        try lock.withLock {
            if let error { throw error }
            return (tables, payments, markers)
        }
    }
}
