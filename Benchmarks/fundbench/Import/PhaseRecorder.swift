import Foundation
import FundModel
import FundStore

/// Times the phases of an import from its progress reports: where the seconds go.
final class PhaseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var marks: [(label: String, at: ContinuousClock.Instant)] = []
    private let clock = ContinuousClock()

    /// The progress callback: records the first report of each (phase, table).
    func record(_ progress: ImportProgress) {
        let label: String
        switch progress.phase {
        case .reading: label = "parse + insert \(progress.table?.rawValue ?? "")"
        case .indexing: label = "rebuild indexes \(progress.table?.rawValue ?? "")"
        case .checking: label = "check references \(progress.table?.rawValue ?? "")"
        case .committing: label = "commit + checkpoint"
        }
        let now = clock.now
        lock.withLock {
            if marks.last?.label != label { marks.append((label, now)) }
        }
    }

    /// Each phase with its duration in seconds, the last one ending at `end`.
    func phases(end: ContinuousClock.Instant) -> [(label: String, seconds: Double)] {
        lock.withLock {
            marks.indices.map { i in
                let next = i + 1 < marks.count ? marks[i + 1].at : end
                return (marks[i].label, ImportBenchmark.seconds(next - marks[i].at))
            }
        }
    }
}
