import Foundation
import FundModel
import FundStore
import Hummingbird
import HummingbirdTesting
import Screening
import Testing

@testable import FundServer

/// Findings get due dates (issue 14 #7): red 15, orange 30, yellow 60 calendar days from the day first found
/// (the test world's run is dated 2025-10-01: red due 2025-10-16, orange 2025-10-31, yellow 2025-11-30).
@Suite("Finding due dates: shown, filtered as overdue, counted on the dashboard, at the boundaries")
struct FindingDueDateTests {
    /// Noon in China on `iso`.
    static func noon(_ iso: String) -> Date { Formatting.startOf(Day(iso: iso)!).addingTimeInterval(12 * 3600) }

    /// Runs `body` against the test world's store with the server's clock at `now`.
    static func at(
        _ world: TestWorld, _ now: Date, _ body: @escaping @Sendable (Client) async throws -> Void
    ) async throws {
        let environment = ServerEnvironment(
            store: world.store, configuration: ServerConfiguration(trustForwardedFor: true, bcryptCost: 4),
            now: { now })
        let app = Application(router: FundServer.makeRouter(environment: environment))
        try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    static func overdueIDs(_ page: Client.Page) -> [String] {
        let table = page.from(id: "findings")
        return [TestWorld.redNanjing, TestWorld.orangeNanjing, TestWorld.yellowWuxi].filter {
            table.contains(HTMLText.urlEncode($0))
        }
    }

    @Test("FindingDueDays: due on first found + days; overdue from the day after")
    func dueDayArithmetic() {
        let days = FindingDueDays.standard
        let found = Day(iso: "2026-02-20")!
        #expect(days.dueDate(firstSeen: found, severity: .red).iso == "2026-03-07")
        #expect(days.dueDate(firstSeen: found, severity: .orange).iso == "2026-03-22")
        #expect(days.dueDate(firstSeen: found, severity: .yellow).iso == "2026-04-21")
        #expect(!days.isOverdue(firstSeen: found, severity: .red, today: Day(iso: "2026-03-07")!))
        #expect(days.isOverdue(firstSeen: found, severity: .red, today: Day(iso: "2026-03-08")!))
        let deadlines = FindingDeadlines(dueDays: days, today: Day(iso: "2026-03-07")!)
        #expect(deadlines.note(firstSeen: found, severity: .red, status: .new) == "今日到期")
        #expect(deadlines.note(firstSeen: found, severity: .orange, status: .verifying) == "剩 15 天")
        #expect(deadlines.note(firstSeen: found, severity: .red, status: .cleared) == "已办结")
        let later = FindingDeadlines(dueDays: days, today: Day(iso: "2026-03-10")!)
        #expect(later.note(firstSeen: found, severity: .red, status: .assigned) == "逾期 3 天")
        #expect(!later.isOverdue(firstSeen: found, severity: .red, status: .irregular))
    }

    @Test("on the due date nothing is overdue; the day after, the red finding is, on the list, the dashboard, the page")
    func redBoundary() async throws {
        let world = try TestWorld()
        try await Self.at(world, Self.noon("2025-10-16")) { client in
            let session = try await client.login("sup")
            let list = try await client.get("/findings?overdue=1", session: session)
            #expect(list.status == .ok && list.contains("共 0 条"))
            let all = try await client.get("/findings", session: session)
            #expect(all.from(id: "findings").contains("2025-10-16 <span class=\"small muted\">今日到期</span>"))
            let page = try await client.get(
                FindingPresentation.link(try #require(try world.store.finding(id: TestWorld.redNanjing)).finding),
                session: session)
            #expect(page.from(id: "due").contains("2025-10-01 发现，2025-10-16 前办结（今日到期）"))
            let dashboard = try await client.get("/dashboard", session: session)
            #expect(dashboard.contains("<div class=\"label\">逾期未核查</div><div class=\"value\">0</div>"))
        }
        try await Self.at(world, Self.noon("2025-10-17")) { client in
            let session = try await client.login("sup")
            let list = try await client.get("/findings?overdue=1", session: session)
            #expect(list.contains("共 1 条"))
            #expect(Self.overdueIDs(list) == [TestWorld.redNanjing])
            #expect(list.from(id: "findings").contains("2025-10-16 <strong>逾期 1 天</strong>"))
            let page = try await client.get(
                FindingPresentation.link(try #require(try world.store.finding(id: TestWorld.redNanjing)).finding),
                session: session)
            #expect(page.from(id: "due").contains("<strong>逾期 1 天</strong>"))
            let dashboard = try await client.get("/dashboard", session: session)
            #expect(dashboard.contains("<div class=\"label\">逾期未核查</div><div class=\"value\">1</div>"))
            // The CSV carries the due date and the overdue flag.
            let csv = try await client.get("/findings.csv?overdue=1", session: session)
            #expect(csv.body.contains(",2025-10-16,true"))
            // A city handler of 无锡 has nothing overdue; of 南京, the red finding.
            let wuxi = try await client.login("wx")
            #expect(try await client.get("/findings?overdue=1", session: wuxi).contains("共 0 条"))
        }
    }

    @Test("orange on its due date is not overdue, the day after it is; yellow likewise; a concluded finding never is")
    func orangeAndYellowBoundaries() async throws {
        let world = try TestWorld()
        try await Self.at(world, Self.noon("2025-10-31")) { client in
            let list = try await client.get("/findings?overdue=1", session: try await client.login("sup"))
            #expect(Self.overdueIDs(list) == [TestWorld.redNanjing])
        }
        try await Self.at(world, Self.noon("2025-11-01")) { client in
            let list = try await client.get("/findings?overdue=1", session: try await client.login("sup"))
            #expect(Self.overdueIDs(list) == [TestWorld.redNanjing, TestWorld.orangeNanjing])
        }
        try await Self.at(world, Self.noon("2025-11-30")) { client in
            let list = try await client.get("/findings?overdue=1", session: try await client.login("sup"))
            #expect(list.contains("共 2 条"))
        }
        // Concluding the red finding takes it out of the overdue ones.
        try await world.store.databaseWriter.write { db in
            try db.execute(
                sql: "UPDATE findings SET status = 'cleared' WHERE finding_id = ?", arguments: [TestWorld.redNanjing])
        }
        try await Self.at(world, Self.noon("2025-12-01")) { client in
            let list = try await client.get("/findings?overdue=1", session: try await client.login("sup"))
            #expect(list.contains("共 3 条"))
            #expect(!Self.overdueIDs(list).contains(TestWorld.redNanjing))
        }
        let counts = try world.store.findingDeadlineCounts(dueDays: .standard, on: Day(iso: "2025-12-01")!)
        #expect(counts[TestWorld.nanjing]?.overdue == 1 && counts[TestWorld.nanjing]?.open == 1)
        #expect(counts[TestWorld.wuxi]?.overdue == 2 && counts[TestWorld.wuxi]?.open == 2)
    }

    @Test("the days come from the configuration in force; a bad overdue value is refused")
    func configuredDays() async throws {
        let world = try TestWorld()
        let yaml = "verification:\n  due_days:\n    red: 5\n"
        let configuration = try RulesConfiguration(yaml: yaml)
        #expect(configuration.dueDays == FindingDueDays(red: 5, orange: 30, yellow: 60))
        try world.store.saveRulesConfiguration(
            RulesConfigurationChange(
                userID: nil, userName: "sup", reason: "红色核查时限 5 天", oldYAML: RulesConfiguration.default.yaml(),
                newYAML: configuration.yaml()))
        try await Self.at(world, Self.noon("2025-10-07")) { client in
            let session = try await client.login("sup")
            let list = try await client.get("/findings?overdue=1", session: session)
            #expect(Self.overdueIDs(list) == [TestWorld.redNanjing])
            let bad = try await client.get("/findings?overdue=yes", session: session)
            #expect(bad.status == .unprocessableContent && bad.contains("“逾期”须为 1"))
            let sorted = try await client.get("/findings?sort=due&dir=asc", session: session)
            let table = sorted.from(id: "findings")
            let red = try #require(table.range(of: HTMLText.urlEncode(TestWorld.redNanjing)))
            let orange = try #require(table.range(of: HTMLText.urlEncode(TestWorld.orangeNanjing)))
            #expect(red.lowerBound < orange.lowerBound)
        }
    }
}
