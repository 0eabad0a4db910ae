import Foundation
import FundModel
import GRDB
import Testing

@testable import FundStore

/// The rows of the tables an import writes, as the backup counts them.
private func importedRows(_ check: DatabaseBackup.Check) -> [String: Int] {
    Dictionary(
        uniqueKeysWithValues: check.rowCounts.filter { ["workers", "payments", "import_runs"].contains($0.table) }
            .map { ($0.table, $0.rows) })
}

/// Collects the checks of the backups taken from the import's progress callback (on the importing thread).
private final class BackupsDuringImport: @unchecked Sendable {
    private let lock = NSLock()
    private var checks: [(ImportProgress.Phase, DatabaseBackup.Check)] = []
    private var failures: [String] = []
    let database: String
    let directory: String

    init(database: String, directory: String) {
        self.database = database
        self.directory = directory
    }

    func take(_ phase: ImportProgress.Phase) {
        lock.lock()
        defer { lock.unlock() }
        let out = directory + "/during-\(checks.count + failures.count).sqlite"
        do {
            checks.append((phase, try DatabaseBackup.backup(database: database, to: out)))
        } catch {
            failures.append("\(error)")
        }
    }

    var results: ([(ImportProgress.Phase, DatabaseBackup.Check)], [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (checks, failures)
    }
}

@Suite("Backup and restore (issue 11)")
struct BackupTests {
    /// A store with the small fixture imported once.
    private func populated(_ dir: TemporaryDirectory) throws -> SQLiteFundStore {
        dir.write("regions.csv", Fixture.regions, in: "first")
        dir.write("workers.csv", Fixture.workers, in: "first")
        dir.write("injury_cases.csv", Fixture.cases, in: "first")
        dir.write("payments.csv", Fixture.payments((1...50).map { Fixture.payment("P\($0)") }), in: "first")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.path + "/first")
        return store
    }

    @Test("a backup taken while an import writes holds the import whole or not at all")
    func backupDuringImport() throws {
        let dir = TemporaryDirectory()
        let store = try populated(dir)
        let before = importedRows(try DatabaseBackup.check(store.path))
        #expect(before["payments"] == 50)

        // A second import of 200 000 payments; a backup is taken at every progress report, i.e. while the
        // import's transaction is open (rows written but not committed), the last one just before the commit.
        dir.write(
            "payments.csv", Fixture.payments((1...200_000).map { Fixture.payment("Q\($0)") }), in: "second")
        let backups = BackupsDuringImport(database: store.path, directory: dir.path)
        var options = ImportOptions()
        options.progress = { progress in backups.take(progress.phase) }
        _ = try Importer(store: store).importDirectory(dir.path + "/second", options: options)
        let (during, failures) = backups.results
        #expect(failures.isEmpty, "\(failures)")
        #expect(during.count >= 2)
        #expect(during.contains { $0.0 == .committing })
        for (phase, check) in during {
            #expect(check.isSound)
            #expect(importedRows(check) == before, "backup at \(phase) holds part of the import")
        }

        // After the commit, a backup holds the import whole.
        let after = try DatabaseBackup.backup(database: store.path, to: dir.path + "/after.sqlite")
        #expect(after.isSound)
        #expect(importedRows(after) == ["workers": 2, "payments": 200_050, "import_runs": 2])
        #expect(after.rowCounts == (try DatabaseBackup.check(store.path)).rowCounts)
    }

    @Test("backup then restore gives the same tables and rows, checked by integrity_check")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try populated(dir)
        let original = try DatabaseBackup.check(store.path)
        let backup = try DatabaseBackup.backup(database: store.path, to: dir.path + "/backup.sqlite")
        #expect(backup.isSound)
        #expect(backup.rowCounts == original.rowCounts)
        #expect(backup.rowCounts.contains { $0.table == "payments" && $0.rows == 50 })
        // One self-contained file: no WAL beside it.
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/backup.sqlite-wal"))

        let restored = try DatabaseBackup.restore(
            from: dir.path + "/backup.sqlite", to: dir.path + "/restored.sqlite", force: false)
        #expect(restored.isSound)
        #expect(restored.rowCounts == original.rowCounts)
        // The restored database opens as a store (migrations up to date) and reads the same data.
        let reopened = try SQLiteFundStore(path: dir.path + "/restored.sqlite")
        #expect(try reopened.regions() == store.regions())
    }

    @Test("restore refuses an existing file without --force, a database in use always, and a bad backup")
    func restoreRefusals() throws {
        let dir = TemporaryDirectory()
        let store = try populated(dir)
        try DatabaseBackup.backup(database: store.path, to: dir.path + "/backup.sqlite")

        // An existing database, not in use: refused without force, restored with it.
        let other = dir.path + "/other.sqlite"
        do {
            let otherStore = try SQLiteFundStore(path: other)
            _ = otherStore
        }
        #expect(throws: DatabaseBackup.Failure.self) {
            try DatabaseBackup.restore(from: dir.path + "/backup.sqlite", to: other, force: false)
        }
        #expect(try DatabaseBackup.check(other).rowCounts.first { $0.table == "payments" }?.rows == 0)
        let restored = try DatabaseBackup.restore(from: dir.path + "/backup.sqlite", to: other, force: true)
        #expect(restored.rowCounts.first { $0.table == "payments" }?.rows == 50)

        // The database in use (the store is open): refused even with force, and left as it was.
        let inUse = try DatabaseBackup.check(store.path)
        #expect(throws: DatabaseBackup.Failure.self) {
            try DatabaseBackup.restore(from: dir.path + "/backup.sqlite", to: store.path, force: true)
        }
        #expect(try DatabaseBackup.check(store.path) == inUse)
        #expect(try store.regions().count == 2)

        // A backup that is not a database, or not a FundGuard one: refused before the target is touched.
        dir.write("junk.sqlite", "not a database at all, just text\n", in: ".")
        #expect(throws: (any Error).self) {
            try DatabaseBackup.restore(from: dir.path + "/junk.sqlite", to: dir.path + "/new1.sqlite", force: false)
        }
        let foreign = try DatabaseQueue(path: dir.path + "/foreign.sqlite")
        try foreign.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try foreign.close()
        #expect(throws: DatabaseBackup.Failure.self) {
            try DatabaseBackup.restore(from: dir.path + "/foreign.sqlite", to: dir.path + "/new2.sqlite", force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/new1.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/new2.sqlite"))
    }

    @Test("a corrupted backup fails integrity_check and is not restored")
    func corruptBackup() throws {
        let dir = TemporaryDirectory()
        let store = try populated(dir)
        let path = dir.path + "/backup.sqlite"
        try DatabaseBackup.backup(database: store.path, to: path)
        // Overwrite the middle pages (not the header) with garbage.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 16384
        #expect(bytes.count > 4 * pageSize)
        for i in (2 * pageSize)..<(bytes.count - pageSize) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) {
            try DatabaseBackup.restore(from: path, to: dir.path + "/restored.sqlite", force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/restored.sqlite"))
    }

    @Test("backup refuses to overwrite a file")
    func backupRefusesExistingFile() throws {
        let dir = TemporaryDirectory()
        let store = try populated(dir)
        dir.write("exists.sqlite", "keep me", in: ".")
        #expect(throws: DatabaseBackup.Failure.self) {
            try DatabaseBackup.backup(database: store.path, to: dir.path + "/exists.sqlite")
        }
        #expect(dir.contents("exists.sqlite") == "keep me")
    }

    @Test("the database, its WAL and shared memory, a backup and the rejects are the owner's only")
    func ownerOnlyModes() throws {
        let dir = TemporaryDirectory()
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = try populated(dir)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: store.path + suffix) {
            #expect(OwnerOnlyFiles.mode(of: store.path + suffix) == 0o600, "fund.sqlite\(suffix)")
        }
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
        try DatabaseBackup.backup(database: store.path, to: dir.path + "/backup.sqlite")
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/backup.sqlite") == 0o600)
        try DatabaseBackup.restore(from: dir.path + "/backup.sqlite", to: dir.path + "/restored.sqlite", force: false)
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/restored.sqlite") == 0o600)

        // A lenient import's rejects: a new directory 0700, the file 0600.
        dir.write(
            "payments.csv", Fixture.payments([Fixture.payment("R1", ["amount": "abc"]), Fixture.payment("R2")]),
            in: "bad")
        _ = try Importer(store: store).importDirectory(
            dir.path + "/bad", options: ImportOptions(lenient: true, rejectsDirectory: dir.path + "/rejects/x"))
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/rejects/x") == 0o700)
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/rejects/x/payments.rejects.csv") == 0o600)

        // The helpers themselves, under a permissive umask.
        umask(0)
        try OwnerOnlyFiles.createDirectory(dir.path + "/a/b")
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/a") == 0o700)
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/a/b") == 0o700)
        try OwnerOnlyFiles.write(Data("x".utf8), to: dir.path + "/a/b/f")
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/a/b/f") == 0o600)
        let fresh = try SQLiteFundStore(path: dir.path + "/a/fresh.sqlite")
        _ = fresh
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/a/fresh.sqlite") == 0o600)
        #expect(OwnerOnlyFiles.mode(of: dir.path + "/a/fresh.sqlite-wal") == 0o600)
    }
}
