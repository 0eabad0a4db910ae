import Foundation
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("Dashboard, findings list, filters and CSV export")
struct DashboardAndListTests {
    @Test func dashboardForTheProvince() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/dashboard", session: try await client.login("sup"))
            #expect(page.status == .ok)
            #expect(page.contains("总览 · 全省"))
            #expect(page.contains("<svg"))
            // Ledger: the months of fund_ledger.csv summed over both cities.
            #expect(page.contains("2025-08 收入 1,620,000.00 元"))  // 1,100,000 + 520,000
            #expect(page.contains("2025-07 支出 930,000.00 元"))  // 620,000 + 310,000
            #expect(page.contains("南京市") && page.contains("无锡市"))
            #expect(page.contains("第 1 次"))
            // Four findings: 1 red, 1 orange, 2 yellow.
            #expect(page.body.contains("<div class=\"label\">疑点总数</div><div class=\"value\">4</div>"))
            #expect(page.body.contains("<div class=\"label\">黄色预警</div><div class=\"value\">2</div>"))
        }
    }

    @Test func dashboardOfACityShowsOnlyTheCity() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/dashboard", session: try await client.login("wx"))
            #expect(page.status == .ok)
            #expect(page.contains("总览 · 无锡市"))
            #expect(!page.contains("南京市"))
            #expect(page.body.contains("<div class=\"label\">疑点总数</div><div class=\"value\">2</div>"))
            #expect(page.contains("2025-08 收入 520,000.00 元"))
            #expect(!page.contains("1,620,000.00"))
        }
    }

    @Test func listShowsOnlyTheCitysFindingsMasked() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let wx = try await client.get("/findings", session: try await client.login("wx"))
            #expect(wx.status == .ok)
            #expect(wx.contains("共 2 条"))
            #expect(wx.contains("R08") && !wx.contains("R05 死亡后支出</a>"))
            // Shown masked (the id is still in the finding's id and link targets: docs/decisions.md).
            #expect(!wx.visibleText.contains(TestWorld.worker3.raw))
            #expect(wx.visibleText.contains(TestWorld.worker3.masked))
            let sup = try await client.get("/findings", session: try await client.login("sup"))
            #expect(sup.contains("共 4 条"))
            // Interchange order: red first.
            let table = sup.from(id: "findings")
            let red = try #require(table.range(of: "R05 死亡后支出"))
            let orange = try #require(table.range(of: "R03 大额支出"))
            #expect(red.lowerBound < orange.lowerBound)
        }
    }

    static let filterCases: [(String, Int)] = [
        ("rule=R03", 1), ("level=yellow", 2), ("region=320100", 2), ("status=new", 4), ("status=closed", 0),
        ("min=1000", 2), ("max=1000", 2), ("min=800&max=800", 1), ("from=2025-10-01&to=2025-10-01", 4),
        ("from=2025-10-02", 0), ("still=1", 4), ("still=0", 0), ("subject=P3", 1),
        ("subject=\(TestWorld.worker3.raw)", 1),
    ]

    @Test(arguments: filterCases)
    func filters(query: String, count: Int) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/findings?" + query, session: try await client.login("admin"))
            #expect(page.status == .ok)
            #expect(page.contains("共 \(count) 条"), "\(query)")
        }
    }

    static let badFilterCases: [(String, String)] = [
        ("rule=R99", "未知规则"), ("level=purple", "预警等级须为"), ("region=32", "地区代码须为 6 位数字"),
        ("status=done", "核查状态无效"), ("min=-5", "最低金额"), ("max=abc", "最高金额"), ("min=10&max=5", "最高金额不能小于最低金额"),
        ("from=2025-13-01", "起始日期"), ("to=yesterday", "截止日期"), ("from=2025-10-02&to=2025-10-01", "截止日期不能早于"),
        ("still=2", "仍被发现"), ("sort=name", "排序字段无效"), ("dir=up", "排序方向"), ("page=0", "页码"), ("size=7", "每页条数"),
    ]

    @Test(arguments: badFilterCases)
    func badFilters(query: String, message: String) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/findings?" + query, session: try await client.login("admin"))
            #expect(page.status == .unprocessableContent, "\(query)")
            #expect(page.contains(message), "\(query)")
            let csv = try await client.get("/findings.csv?" + query, session: try await client.login("admin"))
            #expect(csv.status == .unprocessableContent, "\(query)")
        }
    }

    @Test func sortingAndPaging() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("admin")
            let byAmount = try await client.get("/findings?sort=amount&dir=asc&size=20", session: session)
            let ascending = byAmount.from(id: "findings")
            let zero = try #require(ascending.range(of: "DQ01 "))
            let big = try #require(ascending.range(of: "R03 大额支出"))
            #expect(zero.lowerBound < big.lowerBound)
            #expect(byAmount.contains("金额（元） ▲"))
            let desc = try await client.get("/findings?sort=amount&dir=desc", session: session)
            let descending = desc.from(id: "findings")
            let big2 = try #require(descending.range(of: "R03 大额支出"))
            let zero2 = try #require(descending.range(of: "DQ01 "))
            #expect(big2.lowerBound < zero2.lowerBound)
        }
        // Paging through the store query: 4 findings, 3 pages of 2 would need size 2; the page size list
        // is fixed, so check the store's paging directly.
        let page2 = try world.store.findingPage(FindingListQuery(limit: 3, offset: 3))
        #expect(page2.total == 4 && page2.rows.count == 1)
    }

    @Test func csvExportOfTheFilteredList() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let csv = try await client.get("/findings.csv?region=320200", session: try await client.login("sup"))
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("findings.csv") == true)
            let lines = csv.body.split(separator: "\n")
            #expect(lines.count == 3)  // header + the two Wuxi findings
            #expect(lines[0].hasPrefix("\u{FEFF}finding_id,rule_id"))
            // The subject and the detail are masked; the finding id is opaque (issue 11 #4).
            #expect(csv.body.contains(",worker,\(TestWorld.worker3.masked),"))
            #expect(csv.body.contains("身份证号 \(TestWorld.worker3.masked) 校验位错误"))
            #expect(!csv.body.contains(TestWorld.worker3.raw))
            #expect(csv.body.contains(TestWorld.workerWuxi))
            // A city handler's export never includes another city, whatever the filter says.
            let other = try await client.get("/findings.csv?region=320100", session: try await client.login("wx"))
            #expect(other.body.split(separator: "\n").count == 1)
        }
        let exports = try world.auditEntries(action: "export.findings")
        #expect(exports.count == 2)
        #expect(exports.last?.detail.hasPrefix("2/2 条") == true)
    }
}
