import Dispatch
import Foundation

/// Threads of their own for the background jobs (screening, 试算), apart from Swift's shared cooperative
/// pool on which the HTTP handlers run (issue 11, Build: work off the request path).
///
/// A job runs with this executor as its task executor preference, so the screening engine's child tasks
/// (one per rule) run here too: however long a screen computes, the cooperative threads stay free for
/// `/healthz`, sign-in and the pages. The executor is `lanes` serial dispatch queues (one thread each,
/// `max(1, cores − 1)`), so on a machine of `n` cores a screen uses at most `n − 1` of them and the
/// requests keep at least one. (Task executors are macOS 15's; on macOS 14 a job is a detached task.)
@available(macOS 15.0, *)
final class JobExecutor: TaskExecutor, @unchecked Sendable {
    private let queues: [DispatchQueue]
    private let lock = NSLock()
    private var next = 0

    init(lanes: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) {
        queues = (0..<max(1, lanes)).map { DispatchQueue(label: "fundguard.jobs.\($0)", qos: .utility) }
    }

    var lanes: Int { queues.count }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        lock.lock()
        let queue = queues[next % queues.count]
        next &+= 1
        lock.unlock()
        queue.async { unowned.runSynchronously(on: executor) }
    }
}
