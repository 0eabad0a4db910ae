import ArgumentParser
import Foundation
import FundStore

/// `fundguard audit verify --db FILE`: checks the audit log's hash chain (`AuditChain`).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计日志 The audit log.",
        subcommands: [AuditVerifyCommand.self]
    )
}

/// Exit codes: 0 the chain holds; 1 a link is broken (the first one is named); 2 the database could not be
/// read.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "校验审计日志 Verify the audit log's hash chain; report the first broken link.",
        discussion: """
            Every entry's SHA-256 hash covers the previous entry's hash and its own fields: an entry changed, \
            removed or inserted (through the file, past the append-only triggers) breaks the chain there. \
            On success the last entry's id and hash are printed: keep them outside the database to detect a \
            later cut of the log's tail.
            """
    )

    @Option(name: .long, help: "The database file.")
    var db: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            FileHandle.standardError.write(Data("数据库不存在 no database at \(db)\n".utf8))
            throw ExitCode(2)
        }
        let report: AuditChain.Report
        do {
            report = try SQLiteFundStore(path: db).verifyAuditChain()
        } catch {
            FileHandle.standardError.write(Data("无法读取审计日志 cannot read the audit log: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if let broken = report.firstBreak {
            print("审计日志链断裂 BROKEN at entry \(broken.id): \(broken.reason)")
            print("之前 \(report.checked) 条完好 \(report.checked) entries before it are intact (last id \(report.lastID))")
            throw ExitCode(1)
        }
        print("审计日志完好 OK: \(report.checked) entries, last id \(report.lastID), last hash \(report.lastHash)")
    }
}
