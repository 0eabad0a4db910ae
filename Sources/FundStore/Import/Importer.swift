import Foundation
import FundModel
import GRDB

/// Imports a data set (a directory of interchange files) into the store, all in one transaction.
///
/// interchange.md "General rules": any subset of the files, `regions.csv`
/// required only while the database has no regions; every bad cell reported as
/// `file:line: column: reason`; nothing kept from a failed import; lenient
/// mode skips bad rows into rejects files; a row whose key exists replaces it.
public struct Importer: Sendable {
    public let store: SQLiteFundStore

    public init(store: SQLiteFundStore) {
        self.store = store
    }

    /// Imports every interchange file found in `directory`.
    ///
    /// - Throws: `ImportError` when the input is rejected (the database is then
    ///   unchanged), or a database error.
    public func importDirectory(_ directory: String, options: ImportOptions = ImportOptions()) throws
        -> ImportSummary
    {
        let clock = ContinuousClock()
        let start = clock.now
        let startedAt = Date()
        let state = ImportState(options: options)
        let files = try discoverFiles(in: directory, state: state)
        let rejectsDirectory = options.rejectsDirectory ?? (store.path as NSString).deletingLastPathComponent
        if options.lenient {
            try? OwnerOnlyFiles.createDirectory(rejectsDirectory)
        }

        let outcome: Result<ImportSummary, ImportError>
        do {
            outcome = try write(
                files: files, directory: directory, rejectsDirectory: rejectsDirectory, startedAt: startedAt,
                state: state)
        } catch {
            // A database error (disk full, …): the transaction is rolled back; its rejects go too.
            for path in state.rejectsFiles { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        switch outcome {
        case .success(var summary):
            summary.seconds = Double((clock.now - start) / .milliseconds(1)) / 1000
            return summary
        case .failure(let error):
            for path in state.rejectsFiles { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    /// The import's transaction, with the pragmas of a bulk load around it.
    private func write(
        files: [(TableSpec, String)], directory: String, rejectsDirectory: String, startedAt: Date,
        state: ImportState
    ) throws -> Result<ImportSummary, ImportError> {
        try store.pool.writeWithoutTransaction { db in
            // A bulk load wants its pages in memory until the commit, and its index sorts in memory.
            // Index rebuilds may sort on a second thread.
            try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA threads = 2")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA threads = 0") }
            var outcome: Result<ImportSummary, ImportError>!
            try db.inTransaction(.immediate) {
                outcome = try load(
                    files: files, directory: directory, rejectsDirectory: rejectsDirectory, startedAt: startedAt,
                    state: state, db: db)
                if case .failure = outcome { return .rollback }
                state.report(ImportProgress(phase: .committing, table: nil, rows: 0, bytesRead: 0, bytesTotal: 0))
                return .commit
            }
            if case .success = outcome {
                // Fold the transaction into the database file now, not at some later reader's expense.
                // The import is committed whatever happens here: a busy reader only delays the fold.
                try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
            return outcome
        }
    }

    /// The interchange files of the directory, in the order of `TableCatalog.all` (regions first).
    private func discoverFiles(in directory: String, state: ImportState) throws -> [(TableSpec, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ImportError(issues: [
                ImportIssue(file: directory, reason: "无法读取目录 cannot read the directory: \(error.localizedDescription)")
            ])
        }
        let present = Set(names)
        let known = Set(FundModel.Table.allCases.map(\.fileName))
        for name in names.sorted() where name.hasSuffix(".csv") && !name.hasSuffix(".rejects.csv") {
            if !known.contains(name) { state.warn("未知文件 \(name) 已忽略 unknown file \(name) ignored") }
        }
        // A table's file is `<table>.csv` or an Excel workbook `<table>.xlsx` (its first sheet), not both.
        var files: [(TableSpec, String)] = []
        for spec in TableCatalog.all {
            let workbook = spec.table.rawValue + ".xlsx"
            if present.contains(spec.table.fileName) {
                if present.contains(workbook) {
                    state.fileIssue(
                        workbook, "与 \(spec.table.fileName) 重复 both \(spec.table.fileName) and \(workbook): keep one")
                }
                files.append((spec, directory + "/" + spec.table.fileName))
            } else if present.contains(workbook) {
                files.append((spec, directory + "/" + workbook))
            }
        }
        guard !files.isEmpty else {
            throw ImportError(issues: [
                ImportIssue(file: directory, reason: "目录中没有数据文件 no interchange files (regions.csv, payments.csv, …)")
            ])
        }
        return files
    }

    private func load(
        files: [(TableSpec, String)], directory: String, rejectsDirectory: String, startedAt: Date,
        state: ImportState, db: Database
    ) throws -> Result<ImportSummary, ImportError> {
        if !files.contains(where: { $0.0.table == .regions }),
            try Int.fetchOne(db, sql: "SELECT count(*) FROM regions") == 0
        {
            state.fileIssue(
                FundModel.Table.regions.fileName, "缺少必需的文件（数据库中尚无地区）required: the database has no regions yet")
        }
        let references = ReferenceChecker(
            db: db, importedBefore: try SQLiteFundStore.importedTables(db), state: state)
        var summaries: [FileImportSummary] = []
        for (spec, path) in files {
            let loader = TableLoader(spec: spec, path: path, state: state)
            if let summary = try loader.load(into: db, rejectsDirectory: rejectsDirectory, references: references) {
                summaries.append(summary)
            }
        }
        if state.failed { return .failure(state.error) }

        var summary = ImportSummary(
            runID: 0, source: URL(fileURLWithPath: directory).standardizedFileURL.path, files: summaries,
            warnings: state.warnings, unmatched: state.unmatched,
            rejected: state.rejected.kept, rejectedIssueCount: state.rejected.count, rejectsFiles: state.rejectsFiles,
            seconds: 0)
        if files.contains(where: { $0.0.table == .injuryCases || $0.0.table == .assessments }) {
            summary.registerConflicts = try Self.registerConflicts(db)
        }
        summary.runID = try ImportRunLog.record(
            summary, startedAt: startedAt, user: state.options.user, lenient: state.options.lenient, db: db)
        return .success(summary)
    }

    /// The fields on which the imported cases and assessments the registers hold disagree with them.
    static func registerConflicts(_ db: Database) throws -> [RegisterConflict] {
        let overlay = try RegisterOverlay.read(db)
        guard !overlay.isEmpty else { return [] }
        var cases: [InjuryCase] = []
        for id in overlay.cases.keys.sorted() {
            cases += try SQLiteFundStore.fetchAll(InjuryCase.self, db, where: "case_id = ?", id)
        }
        var assessments: [Assessment] = []
        for id in overlay.assessments.keys.sorted() {
            assessments += try SQLiteFundStore.fetchAll(Assessment.self, db, where: "assessment_id = ?", id)
        }
        return overlay.conflicts(importedCases: cases, importedAssessments: assessments)
    }
}
