import ArgumentParser
import Foundation
import FundStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fundguard import --db FILE DIR`: loads a data set (a directory of interchange CSV files).
///
/// Exit codes: 0 imported; 1 the input was rejected (every problem is listed
/// on stderr as `file:line: column: reason`, and the database is unchanged);
/// 2 the database or the directory could not be used.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入数据集 Import a data set (a directory of interchange CSV or .xlsx files) into the database.",
        discussion: """
            All files are imported in one transaction: if any row is bad, nothing is kept and every problem \
            is listed. With --lenient, bad rows are skipped into <table>.rejects.csv and the rest is imported. \
            A row whose id already exists replaces it, so a monthly export can be loaded on top of the last one. \
            A table may come as <table>.xlsx (its first sheet, header row first) instead of <table>.csv. \
            CSV files are read as UTF-8 when valid, else as GB18030/GBK (what Excel on a Chinese Windows \
            saves); --encoding names the encoding instead.
            """
    )

    @Option(name: .long, help: "The database file (created if missing).")
    var db: String

    @Argument(help: "The data set: a directory holding regions.csv, payments.csv, …")
    var directory: String

    @Flag(help: "Skip bad rows into <table>.rejects.csv instead of rejecting the whole import.")
    var lenient = false

    @Option(help: "Where --lenient writes the rejects files (default: the database's directory).")
    var rejects: String?

    @Option(help: "Who runs the import, recorded with it (default: $USER).")
    var user: String?

    @Option(help: "The CSV files' encoding: auto (UTF-8 if valid, else GB18030), utf-8, or gb18030 (also gbk).")
    var encoding = "auto"

    func validate() throws {
        if rejects != nil, !lenient { throw ValidationError("--rejects is only used with --lenient") }
        if SourceEncoding(name: encoding) == nil {
            throw ValidationError("--encoding 须为 auto、utf-8 或 gb18030 must be auto, utf-8 or gb18030")
        }
    }

    func run() throws {
        let store: SQLiteFundStore
        do {
            store = try SQLiteFundStore(path: db)
        } catch {
            Self.printError("无法打开数据库 cannot open the database \(db): \(error)")
            throw ExitCode(2)
        }
        // A progress line only on a terminal: in a log it would be noise.
        let showProgress = isatty(STDERR_FILENO) != 0
        var options = ImportOptions(
            lenient: lenient, rejectsDirectory: rejects, user: user ?? ProcessInfo.processInfo.environment["USER"])
        options.encoding = SourceEncoding(name: encoding) ?? .auto
        if showProgress {
            options.progress = { progress in Self.writeProgress(progress.line) }
        }
        do {
            let summary = try Importer(store: store).importDirectory(directory, options: options)
            if showProgress { Self.writeProgress(nil) }
            print(summary.text)
        } catch let error as ImportError {
            if showProgress { Self.writeProgress(nil) }
            Self.printError(error.text(limit: 100))
            throw ExitCode(1)
        } catch {
            if showProgress { Self.writeProgress(nil) }
            Self.printError("导入出错 import error: \(error)")
            throw ExitCode(2)
        }
    }

    /// Rewrites the terminal's current line (`nil` clears it).
    private static func writeProgress(_ line: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
