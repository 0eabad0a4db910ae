import Foundation
import FundApp
import FundModel
import Hummingbird
import Testing
import ZIPFoundation

@testable import FundServer
@testable import FundStore

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

@Suite("Year-end report .xlsx")
struct YearEndReportWorkbookTests {
    @Test("the workbook has a sheet per table of the report, read back with amounts as numbers")
    func workbook() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let response = try await client.request(
                .get, "/reports/year-end.xlsx?year=2025", cookie: session.cookie)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == XLSXWriter.contentType)
        }
        let report = try YearEndReport.make(year: 2025, drawnUp: Day(iso: "2026-01-15")!, store: world.store)
        let data = try XLSXWriter.data(report.document().sheets)
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        let tables = report.document().tables
        #expect(tables.count >= 6)
        for index in tables.indices { #expect(parts["xl/worksheets/sheet\(index + 1).xml"] != nil) }
        #expect(parts["xl/workbook.xml"]?.contains("name=\"基金收支\"") == true)
        // 南京's revenue 2 100 000.00 as a number in the first sheet (style 2: #,##0.00).
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<v>2100000.00</v>") == true)
    }

    @Test("sheet names are made unique and acceptable to Excel")
    func sheetNames() {
        #expect(
            XLSXWriter.sheetNames(["A/B", "AB", "ab", String(repeating: "长", count: 40)]) == [
                "AB", "AB (2)", "ab (3)", String(repeating: "长", count: 31),
            ])
    }
}

@Suite("Year-end report: the cities' evaluation")
struct YearEndReportEvaluationTests {
    @Test("a run of the year with indicator figures puts the ranked cities in section 十, in the page and the .docx")
    func evaluationSection() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let before = try await client.get("/reports/year-end?year=2025", session: session)
            #expect(before.contains("十、地市评价考核") && before.contains("当年没有可评价的筛查"))
            _ = try await ScreeningJob(
                store: world.store, configuration: .default, asOf: Day(iso: "2025-12-31")!
            ).run()
            let page = try await client.get("/reports/year-end?year=2025", session: session)
            #expect(page.contains("十、地市评价考核") && !page.contains("当年没有可评价的筛查"))
            #expect(page.contains("<td>南京市</td>") && page.contains("<td>无锡市</td>"))
        }
        let routes = YearEndReportRoutes(environment: world.environment)
        let report = try YearEndReport.make(year: 2025, drawnUp: Day(iso: "2026-01-15")!, store: world.store)
        let document = try routes.document(report)
        #expect(document.sections.count == 10)
        #expect(document.tables.last?.name == "地市评价")
        #expect(document.tables.last?.rows.count == 2)
    }
}
