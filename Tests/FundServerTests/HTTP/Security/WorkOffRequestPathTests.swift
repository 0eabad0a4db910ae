import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Issue 11, Build: screening and the trial run are background jobs, not work inside the request; the
/// server answers while one runs.
@Suite("Security: long work off the request path")
struct WorkOffRequestPathTests {
    /// The test world with `count` more payments, so that a screen takes seconds, not milliseconds.
    static func bigWorld(payments count: Int) throws -> TestWorld {
        var configuration = ServerConfiguration(trustForwardedFor: true, bcryptCost: 4)
        configuration.jobWait = .zero
        let world = try TestWorld(configuration: configuration)
        let directory = world.directory + "/big"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var text =
            "payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance\n"
        let workers = [TestWorld.worker1.raw, TestWorld.worker3.raw]
        for n in 0..<count {
            let day = 1 + n % 28
            let month = 1 + (n / 28) % 9
            let date = "2025-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let worker = workers[n % 2]
            let (caseID, region) = n % 2 == 0 ? ("C1", "320100") : ("C3", "320200")
            text +=
                "B\(n),\(caseID),\(worker),MED,\(100 + n % 900).00,\(date),\(date),\(date),H\(1 + n % 2),INV-B\(n),direct,,,\(region),false\n"
        }
        try text.write(toFile: directory + "/payments.csv", atomically: true, encoding: .utf8)
        _ = try Importer(store: world.store).importDirectory(directory)
        return world
    }

    @Test func healthzAnswersWithin100msWhileAScreenRuns() async throws {
        let world = try Self.bigWorld(payments: 120_000)
        try await world.testLive { client, _ in
            let session = try await client.login("sup")
            let started = try await client.post("/screenings", [("as_of", "2025-10-01")], session: session)
            #expect(started.status == .seeOther)
            let location = try #require(started.location)
            #expect(location.hasPrefix("/jobs/"))
            var whileRunning: [Duration] = []
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(600)
            while clock.now < deadline {
                let before = clock.now
                let health = try await client.get("/healthz")
                let elapsed = clock.now - before
                #expect(health.status == .ok)
                let job = try await client.get(location, session: session)
                guard job.headers[.init("Refresh")!] != nil else {
                    #expect(job.status == .ok && job.contains("次筛查完成"))
                    break
                }
                #expect(job.contains("筛查比对进行中"))
                whileRunning.append(elapsed)
                try await Task.sleep(for: .milliseconds(20))
            }
            let sorted = whileRunning.sorted()
            let p90 = sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, sorted.count * 90 / 100)]
            let report =
                "/healthz while screening: \(sorted.count) requests, median \(sorted.isEmpty ? .zero : sorted[sorted.count / 2]), 90th percentile \(p90), max \(sorted.last ?? .zero)"
            print(report)
            // The screen took long enough to be measured while it ran, and did not hold /healthz up. Run alone,
            // every request answers within 100 ms (max 10 ms measured); the whole suite runs some 160 tests in
            // parallel on the same cores (and CI shares the machine with other builds), so a few answers may then
            // wait for the CPU, not for the screen: 90 % within 100 ms, none beyond 2 s.
            #expect(sorted.count >= 5, "\(report)")
            #expect(p90 < .milliseconds(100), "\(report)")
            #expect((sorted.last ?? .zero) < .seconds(2), "\(report)")
        }
        #expect(try world.store.screeningRuns(limit: 10).count == 2)
        #expect(try world.auditEntries(action: "screening").first?.outcome == "ok")
    }

    @Test func aJobIsItsOwnersOnly() async throws {
        var configuration = ServerConfiguration(trustForwardedFor: true, bcryptCost: 4)
        configuration.jobWait = .seconds(30)
        let world = try TestWorld(configuration: configuration)
        try await world.test { client in
            let sup = try await client.login("sup")
            let started = try await client.post("/screenings", [("as_of", "2025-10-01")], session: sup)
            let location = try #require(started.location)
            #expect(try await client.get(location, session: sup).status == .ok)
            #expect(try await client.get(location, session: try await client.login("admin")).status == .notFound)
            #expect(try await client.get("/jobs/0123456789abcdef", session: sup).status == .notFound)
            // A trial run by the same person: its page is the rules page with the table and the draft.
            let trial = try await client.finished(
                try await client.post(
                    "/rules/trial",
                    [("yaml", RulesAndImportTests.draft(threshold: "300000")), ("as_of", "2025-10-01")],
                    session: sup), session: sup)
            #expect(trial.status == .ok && trial.contains("试算结果") && trial.contains("300000"))
        }
    }

    @Test func jobsRunOnTheirOwnExecutor() async throws {
        let jobs = BackgroundJobs()
        #expect(jobs.lanes == max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let job = jobs.start(.trial, ownerID: 1) { progress in
            progress.report("测试", percent: 50)
            throw CancellationError()
        }
        let done = await jobs.wait(job.id, ownerID: 1, upTo: .seconds(10))
        #expect(done?.state == .failed && done?.finishedAt != nil)
        #expect(jobs.job(job.id, ownerID: 2) == nil)
    }
}
