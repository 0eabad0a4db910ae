import Foundation
import Hummingbird
import Testing

@testable import FundServer

/// The year-end report's page (issue 14 item 4): the province's, with every section and its source; a city
/// user is refused; a bad year is a 400 naming the field; the print stylesheet is served.
@Suite("Year-end report page (年终情况报告)")
struct YearEndReportPageTests {
    @Test("a supervisor sees the eight sections of 2025 with the test province's figures and sources")
    func supervisorSeesTheReport() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let page = try await client.get("/reports/year-end?year=2025", session: session)
            #expect(page.status == .ok)
            for heading in [
                "一、基金收支及结余", "二、待遇支出", "三、待遇项目清单", "四、工伤认定", "五、劳动能力鉴定", "六、协议机构", "七、疑点筛查",
                "八、风险点",
            ] {
                #expect(page.contains(heading), "missing \(heading)")
            }
            // fund_ledger.csv: 南京 July + August revenue 1 000 000 + 1 100 000; 无锡 500 000 + 520 000.
            #expect(page.contains("2,100,000.00") || page.contains("2100000.00"))
            #expect(page.contains("3,120,000.00") || page.contains("3120000.00"))
            #expect(page.contains("数据来源：fund_ledger.csv"))
            // The recorded run's findings of 2025 link to their list.
            #expect(page.contains("/findings?rule=R05&amp;from=2025-01-01&amp;to=2025-12-31"))
        }
    }

    @Test("a city handler is refused; a year that is not four digits is a 400 naming it")
    func refusals() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let city = try await client.login("nj")
            #expect(try await client.get("/reports/year-end?year=2025", session: city).status == .forbidden)
            let session = try await client.login("sup")
            let bad = try await client.get("/reports/year-end?year=20x5", session: session)
            #expect(bad.status == .badRequest)
            #expect(bad.contains("年份"))
            #expect(try await client.get("/reports/year-end?year=1999", session: session).status == .badRequest)
        }
    }

    @Test("the stylesheet carries the print rules that hide the console's chrome")
    func printStylesheet() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.contains("@media print"))
            #expect(css.contains(".noprint"))
        }
    }
}

@Suite("Year-end report .docx")
struct YearEndReportDocxTests {
    @Test("a supervisor downloads the .docx of the page's document; a city handler is refused")
    func download() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let response = try await client.get("/reports/year-end.docx?year=2025", session: session)
            #expect(response.status == .ok)
            #expect(
                response.headers[.contentType]
                    == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(response.headers[.contentDisposition]?.contains("year-end-report-2025.docx") == true)
            // A ZIP archive (PK\u{3}\u{4}).
            #expect(response.body.hasPrefix("PK"))
            let city = try await client.login("nj")
            #expect(try await client.get("/reports/year-end.docx?year=2025", session: city).status == .forbidden)
        }
    }
}
