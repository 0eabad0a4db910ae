import ArgumentParser
import Foundation
import FundStore

/// `fundguard backup --db FILE --out FILE`: an online, consistent copy of the database (`DatabaseBackup`).
///
/// Exit codes: 0 the backup was written and checked; 1 it was refused or failed its check (the partial
/// file removed); 2 the database could not be read.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "备份数据库 Back up the database while it is in use (consistent, checked).",
        discussion: """
            The copy is taken with SQLite's backup API from one read transaction: a running server and a running \
            import go on, and the copy holds each write whole or not at all. The new file (mode 0600) is checked \
            with PRAGMA integrity_check and its row counts, which are printed per table.
            """
    )

    @Option(name: .long, help: "The database file.")
    var db: String

    @Option(name: .long, help: "The backup file to write (must not exist).")
    var out: String

    func run() throws {
        let started = ContinuousClock.now
        do {
            let check = try DatabaseBackup.backup(database: db, to: out)
            let seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
            print("备份完成 backup written: \(out) (\(seconds) s)")
            for line in check.lines { print(line) }
        } catch let failure as DatabaseBackup.Failure {
            printError(failure.description)
            throw ExitCode(1)
        } catch {
            printError("备份失败 backup failed: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `fundguard restore --from FILE --db FILE [--force]`: puts a backup back (`DatabaseBackup.restore`).
///
/// Exit codes: 0 restored and checked; 1 refused (the backup is not sound, the database is in use, or it
/// exists and `--force` was not given) or failed; 2 a file could not be read or written.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "恢复数据库 Restore the database from a backup (checked before and after).",
        discussion: """
            The backup is checked first (integrity_check, a FundGuard database). A database in use (a running \
            server) is never overwritten: stop it first. An existing database file is overwritten only with \
            --force. The restored database is checked again and its row counts printed.
            """
    )

    @Option(name: .long, help: "The backup file.")
    var from: String

    @Option(name: .long, help: "The database file to restore into.")
    var db: String

    @Flag(help: "Overwrite an existing database file (never one in use).")
    var force = false

    func run() throws {
        do {
            let check = try DatabaseBackup.restore(from: from, to: db, force: force)
            print("恢复完成 restored: \(db) from \(from)")
            for line in check.lines { print(line) }
        } catch let failure as DatabaseBackup.Failure {
            printError(failure.description)
            throw ExitCode(1)
        } catch {
            printError("恢复失败 restore failed: \(error)")
            throw ExitCode(2)
        }
    }
}

private func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
