import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening
import Testing

@testable import FundServer

/// 指标监测 (issue 14 #1): each run stores its indicator figures; the page, the API and the CSV read them.
@Suite("Indicator history: stored per run, shown by region, over time, as JSON and CSV")
struct IndicatorHistoryTests {
    static let july = Day(iso: "2025-07-31")!
    static let august = Day(iso: "2025-08-31")!

    static func json(_ page: Client.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func items(_ page: Client.Page) throws -> [[String: Any]] {
        try #require(try json(page)["items"] as? [[String: Any]])
    }

    @Test("a run stores every indicator figure it computed: value, province value, level, thresholds in force")
    func storedEqualComputed() async throws {
        let world = try TestWorld()
        let configuration = RulesConfiguration.default
        let (report, summary) = try await ScreeningService(environment: world.environment).run(asOf: Self.august)
        #expect(!report.indicatorValues.isEmpty)
        let stored = try world.store.indicatorReadings(
            IndicatorHistoryQuery(runs: .run(summary.runID), limit: 100_000))
        #expect(stored.total == report.indicatorValues.count)
        #expect(stored.rows.allSatisfy { $0.runID == summary.runID && $0.asOf == Self.august })
        var byKey: [String: IndicatorReading] = [:]
        for row in stored.rows {
            let r = row.reading
            byKey["\(r.indicatorID)/\(r.regionCode.raw)/\(r.periodKind.rawValue)/\(r.periodEnd.iso)"] = r
        }
        let reference = YearMonth(year: 2025, month: 8)!
        for value in report.indicatorValues {
            let kind: String
            let end: YearMonth
            switch value.period {
            case .month(let m):
                (kind, end) = ("month", m)
            case .trailing12(let m):
                (kind, end) = ("trailing12", m)
            case .year(let y):
                (kind, end) = ("year", y == 2025 ? reference : YearMonth(year: y, month: 12)!)
            }
            let reading = try #require(byKey["\(value.indicatorID)/\(value.regionCode.raw)/\(kind)/\(end.iso)"])
            #expect(reading.value == value.value)
            #expect(reading.provinceValue == value.provinceValue)
            #expect(reading.level == value.severity)
            let levels = configuration.settings(value.indicatorID, region: value.regionCode).gradedLevels
            #expect(reading.thresholds.count == levels.count)
            for level in levels { #expect(reading.thresholds[level.severity] == level.figure) }
        }
        // Some figures are defined in the small province (I02's months of balance, at least).
        #expect(stored.rows.contains { $0.reading.indicatorID == "I02" && $0.reading.value != nil })
        #expect(byKey["I02/320000/trailing12/2025-08"]?.comparison == .below)
        #expect(byKey["I04/320100/trailing12/2025-08"]?.comparison == .aboveProvinceMultiple)
    }

    @Test("two runs a month apart: two points of each trailing-12 series, and both on the trend chart")
    func twoRunsTwoPoints() async throws {
        let world = try TestWorld()
        let service = ScreeningService(environment: world.environment)
        let (_, first) = try await service.run(asOf: Self.july)
        let (_, second) = try await service.run(asOf: Self.august)
        let series = try world.store.indicatorReadings(
            IndicatorHistoryQuery(
                indicatorID: "I02", regionCode: RegionCode("320000")!, periodKind: .trailing12,
                from: YearMonth(year: 2025, month: 1)!, runs: .newestPerPeriod)
        ).rows
        #expect(series.map(\.reading.periodEnd.iso) == ["2025-07", "2025-08"])
        #expect(series.map(\.runID) == [first.runID, second.runID])
        // A third run of the same month replaces that month's point in the series, not adds one.
        let (_, third) = try await service.run(asOf: Self.august)
        let again = try world.store.indicatorReadings(
            IndicatorHistoryQuery(
                indicatorID: "I02", regionCode: RegionCode("320000")!, periodKind: .trailing12,
                from: YearMonth(year: 2025, month: 1)!, runs: .newestPerPeriod)
        ).rows
        #expect(again.map(\.runID) == [first.runID, third.runID])
        let all = try world.store.indicatorReadings(
            IndicatorHistoryQuery(
                indicatorID: "I02", regionCode: RegionCode("320000")!, periodKind: .trailing12,
                from: YearMonth(year: 2025, month: 1)!, runs: .all))
        #expect(all.total == 3)
        try await world.test { client in
            let session = try await client.login("sup")
            let page = try await client.get("/indicators", session: session)
            #expect(page.status == .ok)
            let trend = page.from(id: "trend-I02")
            #expect(trend.contains("<svg"))
            #expect(trend.contains("全省 2025-07：") && trend.contains("全省 2025-08："))
            #expect(page.contains("第 \(third.runID) 次筛查"))
        }
    }

    @Test("levels are shown as colour and as words in the same mark")
    func levelsInColourAndWords() async throws {
        let world = try TestWorld()
        let province = RegionCode("320000")!
        let end = YearMonth(year: 2025, month: 9)!
        func reading(_ region: RegionCode, _ value: Int64, _ level: Severity?) -> IndicatorReading {
            IndicatorReading(
                indicatorID: "I01", regionCode: region, periodKind: .trailing12, periodEnd: end,
                value: Decimal4(value), provinceValue: Decimal4(30), level: level, comparison: .above,
                thresholds: [.red: Decimal4(50), .orange: Decimal4(35), .yellow: Decimal4(20)])
        }
        _ = try world.store.saveScreeningRun(
            ScreeningRun(
                asOf: Day(iso: "2025-09-30")!, configuration: RulesConfiguration.default.yaml(),
                indicatorReadings: [
                    reading(TestWorld.nanjing, 60, .red), reading(TestWorld.wuxi, 10, nil),
                    reading(province, 30, .yellow),
                ]), findings: [], rulesRun: [])
        try await world.test { client in
            let page = try await client.get("/indicators", session: try await client.login("sup"))
            let table = page.from(id: "indicator-table")
            #expect(table.contains("60%<br><span class=\"badge red\">红色预警</span>"))
            #expect(table.contains("10%<br><span class=\"status cleared\">正常</span>"))
            #expect(table.contains("30%<br><span class=\"badge yellow\">黄色预警</span>"))
            #expect(page.from(id: "indicator-thresholds").contains("红色预警：高于 50%；橙色预警：高于 35%；黄色预警：高于 20%"))
        }
    }

    @Test("a city user sees its city and the province, never another city, on the page, in the API and the CSV")
    func regionScope() async throws {
        let world = try TestWorld()
        _ = try await ScreeningService(environment: world.environment).run(asOf: Self.august)
        try await world.test { client in
            let nanjing = try await client.login("nj")
            let page = try await client.get("/indicators", session: nanjing)
            #expect(page.status == .ok)
            let table = page.from(id: "indicator-table")
            #expect(table.contains("南京市") && table.contains("江苏省（全省）"))
            #expect(!page.visibleText.contains("无锡"))

            let key = try APITests.key(world, "nj")
            let api = try await client.request(.get, "/api/v1/indicators?page_size=500", headers: key)
            #expect(api.status == .ok)
            let regions = Set(try Self.items(api).compactMap { $0["regionCode"] as? String })
            #expect(regions == ["320100", "320000"])
            let total = try #require(try Self.json(api)["total"] as? Int)
            #expect(total > 0)

            let other = try await client.request(.get, "/api/v1/indicators?region=320200", headers: key)
            #expect(other.status == .unprocessableContent && other.contains("\"region\""))

            let csv = try await client.get("/indicators.csv", session: nanjing)
            #expect(csv.status == .ok)
            #expect(!csv.body.contains("320200") && csv.body.contains("320100") && csv.body.contains("320000"))

            let supervisor = try await client.request(
                .get, "/api/v1/indicators?page_size=500", headers: try APITests.key(world, "sup"))
            let all = Set(try Self.items(supervisor).compactMap { $0["regionCode"] as? String })
            #expect(all == ["320100", "320200", "320000"])
        }
    }

    @Test("the CSV holds the filtered history, the same rows as the API, with a byte-order mark")
    func csvExport() async throws {
        let world = try TestWorld()
        let service = ScreeningService(environment: world.environment)
        _ = try await service.run(asOf: Self.july)
        _ = try await service.run(asOf: Self.august)
        try await world.test { client in
            let session = try await client.login("sup")
            let csv = try await client.get("/indicators.csv?indicator=I02&period=trailing12", session: session)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("\u{FEFF}run_id,as_of,indicator_id,indicator_name,region_code"))
            let lines = csv.body.split(separator: "\n").dropFirst()
            let api = try await client.request(
                .get, "/api/v1/indicators?indicator=I02&period=trailing12&page_size=500",
                headers: try APITests.key(world, "sup"))
            let items = try Self.items(api)
            #expect(lines.count == items.count && !items.isEmpty)
            // Row by row: the same run, region, period end and figure, in the same order.
            for (line, item) in zip(lines, items) {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(cells[0] == String(try #require(item["runID"] as? Int)))
                #expect(cells[2] == "I02")
                #expect(cells[4] == item["regionCode"] as? String)
                #expect(cells[7] == item["periodEnd"] as? String)
                #expect(cells[9] == (item["value"] as? String ?? ""))
                #expect(cells[11] == "个月")
            }
            #expect(try world.auditEntries(action: "export.indicators").count == 1)
        }
    }

    @Test("bad query parameters are a 422 naming each field, in the API and the CSV; paging is bounded")
    func badParameters() async throws {
        let world = try TestWorld()
        _ = try await ScreeningService(environment: world.environment).run(asOf: Self.august)
        try await world.test { client in
            let key = try APITests.key(world, "sup")
            let cases: [(String, String)] = [
                ("indicator=I99", "indicator"), ("indicator=R03", "indicator"), ("region=32010", "region"),
                ("region=320102", "region"), ("period=week", "period"), ("from=2025-13", "from"),
                ("to=2025-1", "to"), ("from=2025-09&to=2025-01", "to"), ("run=abc", "run"), ("run=0", "run"),
                ("page=0", "page"), ("page=99999999999999999999", "page"), ("page_size=501", "page_size"),
                ("page_size=0", "page_size"), ("colour=red", "colour"),
            ]
            for (query, field) in cases {
                let api = try await client.request(.get, "/api/v1/indicators?\(query)", headers: key)
                #expect(api.status == .unprocessableContent, "\(query): \(api.status)")
                let fields = try #require(try Self.json(api)["fields"] as? [String: String], "\(query)")
                #expect(fields[field] != nil, "\(query): \(fields)")
                let csv = try await client.request(.get, "/indicators.csv?\(query)", headers: key)
                #expect(csv.status == .unprocessableContent, "csv \(query): \(csv.status)")
            }
            // A good page beyond the end is empty, not an error; the page size is honoured.
            let far = try await client.request(.get, "/api/v1/indicators?page=1000000", headers: key)
            #expect(far.status == .ok)
            #expect(try Self.items(far).isEmpty)
            let small = try await client.request(.get, "/api/v1/indicators?page_size=3&page=2", headers: key)
            #expect(try Self.items(small).count == 3)
            #expect(try Self.json(small)["pageSize"] as? Int == 3)
            let unauthenticated = try await client.request(.get, "/api/v1/indicators")
            #expect(unauthenticated.status == .unauthorized)
        }
    }

    @Test("before any run the page says there is nothing yet; the navigation links to it")
    func emptyPage() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/indicators", session: try await client.login("nj"))
            #expect(page.status == .ok && page.contains("尚无指标数据"))
            #expect(page.contains("<a href=\"/indicators\" class=\"active\" aria-current=\"page\">指标监测</a>"))
        }
    }

    @Test("runs saved at the same time each keep all their figures, none mixed with the other's")
    func concurrentRuns() async throws {
        let world = try TestWorld()
        let service = ScreeningService(environment: world.environment)
        async let first = service.run(asOf: Self.july)
        async let second = service.run(asOf: Self.august)
        let results = try await [first, second]
        for (report, summary) in results {
            let stored = try world.store.indicatorReadings(
                IndicatorHistoryQuery(runs: .run(summary.runID), limit: 100_000))
            #expect(stored.total == report.indicatorValues.count && stored.total > 0)
            #expect(stored.rows.allSatisfy { $0.asOf == report.asOf })
        }
        #expect(Set(results.map(\.1.runID)).count == 2)
    }
}
