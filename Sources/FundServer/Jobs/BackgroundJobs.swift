import Foundation
import FundModel
import FundStore

/// The long work started from the console or the API — a screening run, a trial run (试算) — as background
/// jobs with progress, instead of inside the request (issue 11, Build).
///
/// A job belongs to the person who started it (only they see it, at `/jobs/{id}` and
/// `/api/v1/jobs/{id}`); its id is 128 random bits. Jobs live in memory: a restart forgets them (a
/// screening run that finished is in the store anyway). At most `keep` finished jobs are kept.
final class BackgroundJobs: @unchecked Sendable {
    enum Kind: String, Sendable, Encodable {
        case screening, trial
    }

    enum State: String, Sendable, Encodable {
        case running, succeeded, failed
    }

    /// What a finished job produced.
    enum Outcome: Sendable {
        case screening(runID: Int64, summary: ScreeningRunSummary, seconds: Int64)
        /// The draft and the reason typed are kept so the rules page can show them again with the result.
        case trial(asOf: Day, lines: [ScreeningService.TrialLine], draftYAML: String, reason: String)
    }

    struct Job: Sendable {
        var id: String
        var kind: Kind
        var ownerID: Int64
        var state: State
        /// The phase, in Chinese (加载数据, 筛查, 保存结果 …).
        var phase: String
        var percent: Int
        var startedAt: Date
        var finishedAt: Date?
        var outcome: Outcome?
        var failure: String?
    }

    /// Reports a job's phase from inside its work.
    struct Progress: Sendable {
        let jobs: BackgroundJobs
        let id: String

        func report(_ phase: String, percent: Int) {
            jobs.update(id) {
                $0.phase = phase; $0.percent = percent
            }
        }
    }

    /// The `JobExecutor` (typed loosely: task executors need macOS 15, the package supports macOS 14).
    private let executor: (any Sendable)?
    /// How many threads the jobs have (1 where task executors are not available).
    let lanes: Int
    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private let keep: Int
    private let now: @Sendable () -> Date

    init(keep: Int = 200, now: @escaping @Sendable () -> Date = { Date() }) {
        self.keep = keep
        self.now = now
        if #available(macOS 15.0, *) {
            let executor = JobExecutor()
            self.executor = executor
            self.lanes = executor.lanes
        } else {
            self.executor = nil
            self.lanes = 1
        }
    }

    /// Starts `work` on the job executor and returns the job as it starts.
    func start(
        _ kind: Kind, ownerID: Int64, work: @escaping @Sendable (Progress) async throws -> Outcome
    ) -> Job {
        var bytes = SystemRandomNumberGenerator()
        let id = (0..<2).map { _ in String(format: "%016llx", bytes.next() as UInt64) }.joined()
        let job = Job(
            id: id, kind: kind, ownerID: ownerID, state: .running, phase: "排队", percent: 0, startedAt: now())
        lock.lock()
        jobs[id] = job
        prune()
        lock.unlock()
        let progress = Progress(jobs: self, id: id)
        let body: @Sendable () async -> Void = { [self] in
            do {
                let outcome = try await work(progress)
                update(id) {
                    $0.state = .succeeded
                    $0.outcome = outcome
                    $0.percent = 100
                    $0.phase = "完成"
                    $0.finishedAt = self.now()
                }
            } catch {
                update(id) {
                    $0.state = .failed
                    $0.failure = "\(error)"
                    $0.phase = "失败"
                    $0.finishedAt = self.now()
                }
            }
        }
        if #available(macOS 15.0, *), let executor = executor as? JobExecutor {
            Task(executorPreference: executor, priority: .utility) { await body() }
        } else {
            Task.detached(priority: .utility) { await body() }
        }
        return job
    }

    /// The job `id` if `ownerID` started it.
    func job(_ id: String, ownerID: Int64) -> Job? {
        lock.lock()
        defer { lock.unlock() }
        guard let job = jobs[id], job.ownerID == ownerID else { return nil }
        return job
    }

    /// Waits up to `limit` for the job to finish (polling; the request's task sleeps, no thread is held).
    func wait(_ id: String, ownerID: Int64, upTo limit: Duration) async -> Job? {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            guard let job = job(id, ownerID: ownerID) else { return nil }
            if job.state != .running || clock.now >= deadline { return job }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func update(_ id: String, _ change: (inout Job) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if var job = jobs[id] {
            change(&job)
            jobs[id] = job
        }
    }

    /// Drops the oldest finished jobs beyond `keep` (called with the lock held).
    private func prune() {
        let finished = jobs.values.filter { $0.state != .running }
        guard finished.count > keep else { return }
        for job in finished.sorted(by: { $0.startedAt < $1.startedAt }).prefix(finished.count - keep) {
            jobs[job.id] = nil
        }
    }
}
