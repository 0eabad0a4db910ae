import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening
import Testing

@testable import FundServer

/// 评价考核 (issue 14 #2): scores from stored indicator figures by the configured scheme, ranked, with the change.
@Suite("Evaluation: scores per city and period with their breakdown, ranking and change, page and API")
struct EvaluationTests {
    static func reading(_ id: String, _ region: RegionCode, _ end: YearMonth, _ value: Decimal4?, _ level: Severity?)
        -> IndicatorReading
    {
        IndicatorReading(
            indicatorID: id, regionCode: region, periodKind: .trailing12, periodEnd: end, value: value,
            provinceValue: nil, level: level, comparison: .below, thresholds: [:])
    }

    /// Two periods: 2025-08 (南京 a red warning, I07 96 %, I08 85 %; 无锡 I07 91 %, no I08) and 2025-09
    /// (南京 I07 96 %, I08 96 %; 无锡 as before).
    static func world() throws -> (TestWorld, first: Int64, second: Int64) {
        let world = try TestWorld()
        let (nj, wx) = (TestWorld.nanjing, TestWorld.wuxi)
        let august = YearMonth(year: 2025, month: 8)!
        let september = YearMonth(year: 2025, month: 9)!
        let first = try world.store.saveScreeningRun(
            ScreeningRun(
                asOf: Day(iso: "2025-08-31")!, configuration: "",
                indicatorReadings: [
                    reading("I01", nj, august, Decimal4(60), .red), reading("I01", wx, august, Decimal4(5), nil),
                    reading("I07", nj, august, Decimal4(96), nil), reading("I07", wx, august, Decimal4(91), nil),
                    reading("I08", nj, august, Decimal4(85), nil), reading("I08", wx, august, nil, nil),
                ]), findings: [], rulesRun: []
        ).runID
        let second = try world.store.saveScreeningRun(
            ScreeningRun(
                asOf: Day(iso: "2025-09-30")!, configuration: "",
                indicatorReadings: [
                    reading("I01", nj, september, Decimal4(10), nil), reading("I01", wx, september, Decimal4(5), nil),
                    reading("I07", nj, september, Decimal4(96), nil), reading("I07", wx, september, Decimal4(91), nil),
                    reading("I08", nj, september, Decimal4(96), nil), reading("I08", wx, september, nil, nil),
                ]), findings: [], rulesRun: []
        ).runID
        return (world, first, second)
    }

    static func json(_ page: Client.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func cities(_ page: Client.Page) throws -> [[String: Any]] {
        try #require(try json(page)["cities"] as? [[String: Any]])
    }

    @Test("the scores follow the default scheme exactly, with each measure's basis; the ranking moves")
    func scoresAndRanking() throws {
        let (world, first, second) = try Self.world()
        let scheme = EvaluationScheme.standard
        let before = try #require(try CityEvaluation.make(store: world.store, scheme: scheme, runID: first))
        #expect(before.previous == nil)
        // 南京: warnings 100 − 40 = 60 (×40), I07 96 → 100 (×30), I08 85 → 60 (×30): 72.
        // 无锡: 100 (×40), I07 91 → 80 (×30), I08 undefined, not scored: 6400 / 70 = 91.4286.
        #expect(before.cities.map(\.region) == [TestWorld.wuxi, TestWorld.nanjing])
        #expect(before.cities.map { $0.total?.description } == ["91.4286", "72"])
        let nanjing = try #require(before.cities.last)
        #expect(nanjing.lines.map(\.score) == [60, 100, 60, nil])
        #expect(nanjing.lines[3].basis == "截至 2025-08-31 无到期疑点，不计分")
        #expect(nanjing.lines[0].basis == "I01 红色预警 −40")
        #expect(nanjing.lines[2].basis.contains("85%") && nanjing.lines[2].basis.contains("不低于 80%"))
        #expect(before.cities.first?.lines[2].score == nil)

        let after = try #require(try CityEvaluation.make(store: world.store, scheme: scheme))
        #expect(after.period.runID == second && after.previous?.runID == first)
        #expect(after.cities.map(\.region) == [TestWorld.nanjing, TestWorld.wuxi])
        #expect(after.cities.map(\.rank) == [1, 2] && after.cities.map(\.previousRank) == [2, 1])
        #expect(after.cities.first?.total == Decimal4(100))
    }

    @Test("equal totals share a rank")
    func ties() {
        var cities = [
            CityEvaluation.City(region: TestWorld.wuxi, total: Decimal4(80), lines: []),
            CityEvaluation.City(region: TestWorld.nanjing, total: Decimal4(80), lines: []),
            CityEvaluation.City(region: RegionCode("320300")!, total: nil, lines: []),
            CityEvaluation.City(region: RegionCode("320400")!, total: Decimal4(90), lines: []),
        ]
        CityEvaluation.rank(&cities)
        #expect(cities.map(\.region.raw) == ["320400", "320100", "320200", "320300"])
        #expect(cities.map(\.rank) == [1, 2, 2, 4])
    }

    @Test("the page and the API: province users see the ranking, a city user its own line and rank")
    func pageAndAPI() async throws {
        let (world, _, second) = try Self.world()
        try await world.test { client in
            let page = try await client.get("/evaluation", session: try await client.login("sup"))
            #expect(page.status == .ok)
            let ranking = page.from(id: "ranking")
            #expect(ranking.contains("<td>↑1</td>") && ranking.contains("<td>↓1</td>"))
            #expect(ranking.contains("南京市") && ranking.contains("无锡市"))
            #expect(page.from(id: "scheme").contains("I08 疑点核查完成率（权重 30）：≥ 95% → 100 分"))

            let api = try await client.request(.get, "/api/v1/evaluation", headers: try APITests.key(world, "sup"))
            #expect(api.status == .ok)
            #expect(try Self.json(api)["runID"] as? Int == Int(second))
            #expect(try Self.json(api)["previousPeriod"] as? String == "2025-08")
            let cities = try Self.cities(api)
            #expect(cities.compactMap { $0["regionCode"] as? String } == ["320100", "320200"])
            #expect(cities.compactMap { $0["total"] as? String } == ["100", "91.4286"])

            let city = try await client.request(.get, "/api/v1/evaluation", headers: try APITests.key(world, "wx"))
            let own = try Self.cities(city)
            #expect(own.count == 1 && own.first?["regionCode"] as? String == "320200")
            #expect(own.first?["rank"] as? Int == 2 && own.first?["previousRank"] as? Int == 1)
            #expect(try Self.json(city)["cityCount"] as? Int == 2)
            let cityPage = try await client.get("/evaluation", session: try await client.login("wx"))
            #expect(!cityPage.from(id: "ranking").contains("南京市"))
        }
    }

    @Test("bad parameters are 422, an unknown run 404; before any run the page says so")
    func badParameters() async throws {
        let (world, first, _) = try Self.world()
        try await world.test { client in
            let key = try APITests.key(world, "sup")
            for query in ["run=abc", "run=0", "run=-1", "run=99999999999999999999", "rank=1"] {
                let api = try await client.request(.get, "/api/v1/evaluation?\(query)", headers: key)
                #expect(api.status == .unprocessableContent, "\(query): \(api.status)")
            }
            #expect(try await client.request(.get, "/api/v1/evaluation?run=999", headers: key).status == .notFound)
            let old = try await client.request(.get, "/api/v1/evaluation?run=\(first)", headers: key)
            #expect(old.status == .ok)
            let oldJSON = try Self.json(old)
            #expect(oldJSON["previousRunID"] == nil)
        }
        let empty = try TestWorld()
        try await empty.test { client in
            let page = try await client.get("/evaluation", session: try await client.login("sup"))
            #expect(page.status == .ok && page.contains("尚无评价"))
            let api = try await client.request(.get, "/api/v1/evaluation", headers: try APITests.key(empty, "sup"))
            #expect(api.status == .notFound)
        }
    }

    @Test("the scheme in force is the rules configuration's: without the warnings' weight the totals change")
    func configuredScheme() async throws {
        let (world, first, _) = try Self.world()
        let configuration = try RulesConfiguration(yaml: "evaluation:\n  levels:\n    weight: 0\n    deduct: {}\n")
        try world.store.saveRulesConfiguration(
            RulesConfigurationChange(
                userID: nil, userName: "sup", reason: "只按办结率考核", oldYAML: RulesConfiguration.default.yaml(),
                newYAML: configuration.yaml()))
        try await world.test { client in
            let api = try await client.request(
                .get, "/api/v1/evaluation?run=\(first)", headers: try APITests.key(world, "sup"))
            // 南京: (100 × 30 + 60 × 30) / 60 = 80; 无锡: I07 80 only.
            #expect(try Self.cities(api).compactMap { $0["total"] as? String } == ["80", "80"])
            #expect(try Self.cities(api).compactMap { $0["rank"] as? Int } == [1, 1])
        }
    }

    @Test("findings verified on time: due before the period's end, concluded by the due date; boundaries")
    func onTimeMeasure() {
        let scheme = EvaluationScheme.standard
        let found = Day(iso: "2025-10-01")!
        let end = Day(iso: "2025-10-31")!
        func row(_ severity: Severity, _ concluded: String?) -> FindingTimelinessRow {
            FindingTimelinessRow(
                regionCode: TestWorld.nanjing, severity: severity, firstSeen: found,
                concluded: concluded.flatMap { Day(iso: $0) })
        }
        // Red due 10-16: concluded on the due date (on time), the day after (late), never (late). Orange due
        // 10-31 = the period's last day: not yet judged.
        let line = CityEvaluation.onTime(
            [row(.red, "2025-10-16"), row(.red, "2025-10-17"), row(.red, nil), row(.orange, nil)], end: end,
            scheme: scheme, dueDays: .standard)
        #expect(line.basis == "截至 2025-10-31 到期 3 条，按期办结 1 条（33.3333%），不低于 0%")
        #expect(line.score == 30)
        let all = CityEvaluation.onTime(
            [row(.red, "2025-10-02"), row(.red, "2025-10-16")], end: end, scheme: scheme, dueDays: .standard)
        #expect(all.score == 100)
        let none = CityEvaluation.onTime([row(.orange, nil)], end: end, scheme: scheme, dueDays: .standard)
        #expect(none.score == nil)
    }

    @Test("the register as it stood: a conclusion after the period's end does not count; the page shows the measure")
    func onTimeFromTheRegister() async throws {
        let world = try TestWorld()
        // 南京's red finding (due 2025-10-16) concluded on 2025-10-10, its orange one (due 10-31) on 2025-11-05.
        for (id, at) in [
            (TestWorld.redNanjing, "2025-10-10T04:00:00.000Z"), (TestWorld.orangeNanjing, "2025-11-05T04:00:00.000Z"),
        ] {
            try await world.store.databaseWriter.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO verification_steps (finding_id, at, user_id, user_name, action, from_status,
                            to_status, reason, remote_address)
                        VALUES (?, ?, NULL, 'sup', 'clear', 'verifying', 'cleared', 'test', '127.0.0.1')
                        """, arguments: [id, at])
            }
        }
        let rows = try world.store.findingTimelinessRows(asOf: Day(iso: "2025-10-31")!)
        #expect(rows.count == 4)
        #expect(rows.first { $0.severity == .red }?.concluded == Day(iso: "2025-10-10"))
        #expect(rows.first { $0.severity == .orange }?.concluded == nil)  // concluded after 10-31
        _ = try world.store.saveScreeningRun(
            ScreeningRun(
                asOf: Day(iso: "2025-11-30")!, configuration: "",
                indicatorReadings: [
                    Self.reading("I07", TestWorld.nanjing, YearMonth(year: 2025, month: 11)!, Decimal4(96), nil),
                    Self.reading("I07", TestWorld.wuxi, YearMonth(year: 2025, month: 11)!, Decimal4(96), nil),
                ]), findings: [], rulesRun: [])
        let result = try #require(try CityEvaluation.make(store: world.store, scheme: .standard))
        let nanjing = try #require(result.cities.first { $0.region == TestWorld.nanjing })
        // Due before 11-30: red (on time) and orange (concluded 11-05, after its 10-31 due date): 50 % → 30.
        #expect(nanjing.lines.last?.basis == "截至 2025-11-30 到期 2 条，按期办结 1 条（50%），不低于 0%")
        #expect(nanjing.lines.last?.score == 30)
        // 无锡's yellow findings are due on 11-30 itself: not yet judged.
        #expect(result.cities.first { $0.region == TestWorld.wuxi }?.lines.last?.score == nil)
        try await world.test { client in
            let page = try await client.get("/evaluation", session: try await client.login("sup"))
            #expect(page.from(id: "ranking").contains("按期办结 1 条（50%）"))
            #expect(page.from(id: "scheme").contains("疑点按时核查（权重 30）"))
        }
    }
}
