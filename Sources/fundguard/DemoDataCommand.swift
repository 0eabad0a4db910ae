import ArgumentParser
import DemoData
import FundModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fundguard demo-data`: writes the demo province 东海省 as interchange CSV files.
struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "生成演示省份（东海省）数据及预置疑点 (generate the demo province with planted anomalies).",
        discussion: """
            Writes every interchange file, ground_truth.csv (the planted anomalies) and demo_manifest.json into \
            DIR. The same options always give the same bytes. Screen the result with the same --as-of date.
            """)

    @Option(name: .long, help: "Output directory (created if missing).")
    var out: String

    @Option(name: .long, help: "Number of workers (参保职工). From 3000 up every rule and indicator is planted.")
    var workers: Int = 5_000

    @Option(name: .long, help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Screening date the province is made for (YYYY-MM-DD).")
    var asOf: String = DemoOptions.defaultAsOf.iso

    func validate() throws {
        guard workers >= 10 else { throw ValidationError("--workers 至少为 10 (at least 10)") }
        guard Day(iso: asOf) != nil else { throw ValidationError("--as-of 须为 YYYY-MM-DD 格式的日期 (not a date: \(asOf))") }
    }

    func run() throws {
        let options = DemoOptions(workers: workers, seed: seed, asOf: Day(iso: asOf)!)
        let sink: CSVDirectorySink
        do {
            sink = try CSVDirectorySink(directory: out)
        } catch {
            throw ValidationError(error.description)
        }
        let onTerminal = isatty(STDERR_FILENO) == 1
        let report = try DemoProvinceGenerator(options: options).generate(into: sink) { progress in
            guard onTerminal else { return }
            let percent = progress.workersDone * 100 / max(1, progress.workersTotal)
            FileHandleStderr.emit(
                "\r生成中 generating: \(progress.workersDone)/\(progress.workersTotal) 职工 workers (\(percent)%)")
        }
        if onTerminal { FileHandleStderr.emit("\n") }
        let payments = report.manifest.rowCounts[.payments] ?? 0
        print("已生成 东海省演示数据 → \(out)")
        print("  workers \(options.workers), payments \(payments), seed \(options.seed), as-of \(options.asOf.iso)")
        print("  预置疑点 planted findings: \(report.groundTruth.rows.count) (ground_truth.csv)")
        if !report.skippedPlants.isEmpty {
            print("  未能预置 (province too small for): \(report.skippedPlants.joined(separator: ", "))")
        }
    }
}

/// Writes to standard error without buffering (the progress line).
enum FileHandleStderr {
    static func emit(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }
}
