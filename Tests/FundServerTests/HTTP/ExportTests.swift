import Foundation
import FundModel
import FundStore
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation

@testable import FundServer

/// A downloaded workbook, read back by unzipping it and reading its sheet's cells (the writer's own layout:
/// `<c r="B2" s="2"><v>…</v></c>`, `<c r="A1" s="1" t="inlineStr"><is><t …>…</t></is></c>`).
struct DownloadedWorkbook {
    struct Cell: Equatable {
        var style: Int
        var value: String
    }

    var cells: [String: Cell] = [:]
    var rowCount = 0

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var sheet = Data()
        _ = try archive.extract(entry) { sheet.append($0) }
        let text = String(decoding: sheet, as: UTF8.self)
        let pattern =
            /<c r="([A-Z]+[0-9]+)"(?: s="([0-9]+)")?(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/
        for match in text.matches(of: pattern) {
            let value = String(match.3 ?? match.4 ?? "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            cells[String(match.1)] = Cell(style: Int(match.2 ?? "0") ?? 0, value: value)
        }
        rowCount = text.matches(of: #/<row /#).count
    }

    /// The header row's texts, A1, B1, … until the first gap.
    var headers: [String] {
        var out: [String] = []
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            guard let cell = cells["\(letter)1"] else { break }
            out.append(cell.value)
        }
        return out
    }

    /// The column letter of a header.
    func column(_ header: String) -> String? {
        headers.firstIndex(of: header).map { String(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")[$0]) }
    }
}

@Suite("Lists download as .xlsx as well as CSV: Chinese headers, typed cells, scope and audit")
struct ExportTests {
    /// Excel's serial day of a day, computed with Foundation's Gregorian calendar from 1899-12-30.
    static func excelSerial(_ day: Day) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.components.day))!
        return String(calendar.dateComponents([.day], from: epoch, to: date).day!)
    }

    /// A download's status, headers and bytes (a workbook is not text).
    static func download(_ client: Client, _ uri: String, _ session: Client.Session) async throws -> (
        HTTPResponse.Status, HTTPFields, Data
    ) {
        var headers = HTTPFields()
        headers[.cookie] = session.cookie
        headers[.init("X-Forwarded-For")!] = "10.1.2.3"
        return try await client.client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, response.headers, Data(buffer: response.body))
        }
    }

    @Test func findingsWorkbookMatchesTheCSV() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let (status, headers, data) = try await Self.download(client, "/findings.xlsx", session)
            #expect(status == .ok)
            #expect(headers[.contentType] == XLSXWriter.contentType)
            #expect(headers[.contentDisposition]?.contains("findings.xlsx") == true)
            let book = try DownloadedWorkbook(data)
            #expect(book.headers.first == "疑点编号" && book.headers.contains("涉及金额（元）"))
            let csv = try await client.get("/findings.csv", session: session)
            let csvLines = csv.body.split(separator: "\n")
            #expect(book.rowCount == csvLines.count && book.rowCount == 5)  // header + the 4 findings
            // The amounts: numbers with the money style (2), equal to the CSV's `amount` column.
            let amount = try #require(book.column("涉及金额（元）"))
            let csvAmounts = csvLines.dropFirst().map {
                String($0.split(separator: ",", omittingEmptySubsequences: false)[8])
            }
            let bookAmounts = (2...5).compactMap { book.cells["\(amount)\($0)"] }
            #expect(bookAmounts.allSatisfy { $0.style == 2 })
            #expect(bookAmounts.map(\.value).sorted() == csvAmounts.sorted())
            #expect(bookAmounts.contains { $0.value == "250000.00" })
            let firstSeen = try #require(book.column("首次发现日期"))
            #expect(book.cells["\(firstSeen)2"]?.style == 3)
            #expect(!String(decoding: data, as: UTF8.self).contains(TestWorld.worker3.raw))
        }
        #expect(try world.auditEntries(action: "export.findings").contains { $0.detail.contains("xlsx") })
    }

    @Test func registersDownloadWithDatesAsDatesAndTheCitysScope() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            let (status, _, data) = try await Self.download(client, "/casework/determinations?format=xlsx", sup)
            #expect(status == .ok)
            let book = try DownloadedWorkbook(data)
            #expect(book.headers == ["编号", "职工身份证号（遮蔽）", "地区", "类别", "状态", "申请日期", "当前环节", "办理期限", "是否逾期"])
            let row = try #require((2...10).first { book.cells["A\($0)"]?.value == "D-NJ-1" })
            #expect(book.cells["F\(row)"] == .init(style: 3, value: Self.excelSerial(CaseworkWorld.day(-3))))
            #expect(book.rowCount == 5)  // header + 4 files
            // The CSV of the same list: the same rows, the day in ISO form.
            let csv = try await client.get("/casework/determinations?format=csv", session: sup)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.hasPrefix("\u{FEFF}编号,职工身份证号（遮蔽）,地区"))
            #expect(csv.body.contains("D-NJ-1,") && csv.body.contains(CaseworkWorld.day(-3).iso))
            // A city handler downloads only the city's files.
            let nj = try await client.login("nj")
            let (_, _, njData) = try await Self.download(client, "/casework/determinations?format=xlsx", nj)
            let njBook = try DownloadedWorkbook(njData)
            #expect(!njBook.cells.values.contains { $0.value == "D-WX-1" })
            #expect(njBook.cells.values.contains { $0.value == "D-NJ-1" })
            for (uri, first) in [
                ("/casework/assessments?format=xlsx", "编号"), ("/casework/due?format=xlsx", "地区"),
                ("/casework/experts?format=xlsx", "专家编号"), ("/casework/institutions?format=xlsx", "机构编号"),
                ("/casework/risk-points?format=xlsx", "编号"), ("/casework/campaigns/CP1/report?format=xlsx", "机构编号"),
                ("/casework/campaigns/CP1/report?format=xlsx&list=risks", "序号"),
            ] {
                let (status, headers, data) = try await Self.download(client, uri, sup)
                #expect(status == .ok, "\(uri)")
                #expect(headers[.contentType] == XLSXWriter.contentType, "\(uri)")
                #expect(try DownloadedWorkbook(data).headers.first == first, "\(uri)")
            }
            let institutions = try DownloadedWorkbook(
                try await Self.download(client, "/casework/institutions?format=xlsx", sup).2)
            let row1 = try #require((2...10).first { institutions.cells["F\($0)"]?.value == "AG1" })
            #expect(institutions.cells["I\(row1)"] == .init(style: 3, value: Self.excelSerial(CaseworkWorld.day(20))))
            let page = try await client.get("/casework/determinations?state=applied", session: sup)
            #expect(page.contains("/casework/determinations?state=applied&amp;format=xlsx"))
            let bad = try await client.get("/casework/determinations?format=pdf", session: sup)
            #expect(bad.status == .unprocessableContent && bad.contains("导出格式须为 csv 或 xlsx"))
        }
        #expect(try world.auditEntries(action: "export.determinations").count == 3)
    }

    @Test func auditLogDownloadsForAuditorsOnly() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let auditor = try await client.login("aud")
            let (status, _, data) = try await Self.download(client, "/audit?format=xlsx&action=login", auditor)
            #expect(status == .ok)
            let book = try DownloadedWorkbook(data)
            #expect(book.headers.prefix(3) == ["序号", "时间", "用户"])
            #expect(book.rowCount >= 2)
            #expect(book.cells["B2"]?.style == 4)  // a date-time
            #expect((2...book.rowCount).allSatisfy { book.cells["F\($0)"]?.value.hasPrefix("login") == true })
            let csv = try await client.get("/audit?format=csv", session: auditor)
            #expect(csv.status == .ok && csv.body.hasPrefix("\u{FEFF}序号,时间,用户"))
            let nj = try await client.login("nj")
            #expect(try await client.get("/audit?format=xlsx", session: nj).status == .forbidden)
        }
        #expect(try world.auditEntries(action: "export.audit").count == 2)
    }

    @Test func consoleUploadTakesAWorkbookAndAGB18030File() async throws {
        let world = try TestWorld()
        let fromWorkbook = PersonID.withCheckCharacter("32010219850808004")!
        try await world.test { client in
            let session = try await client.login("admin")
            var sheet = ExportSheet(
                title: "workers",
                headers: [
                    "worker_id", "name", "gender", "birth_date", "employer_id", "region_code", "insured_since",
                    "insured_until",
                ])
            sheet.append([
                .text(fromWorkbook.raw), .text("赵敏"), .text("F"), .day(Day(iso: "1985-08-08")!), .text("E1"),
                .text("320100"), .day(Day(iso: "2020-01-01")!), .empty,
            ])
            // 甲乙 in GB18030 (BC D7 D2 D2), written byte by byte: the name of an employer.
            let employers =
                Array("employer_id,name,region_code,industry_code\nE9,".utf8) + [0xBC, 0xD7, 0xD2, 0xD2]
                + Array(",320100,C\n".utf8)
            let page = try await client.postMultipart(
                "/imports", fields: [],
                files: [
                    .init(
                        field: "files", fileName: "workers.xlsx", contentType: XLSXWriter.contentType,
                        data: try XLSXWriter.data(sheet)),
                    .init(field: "files", fileName: "employers.csv", contentType: "text/csv", data: Data(employers)),
                ],
                session: session)
            #expect(page.status == .ok)
            #expect(page.from(id: "import-report").contains("<td>workers.xlsx</td>"))
        }
        #expect(try world.store.worker(id: fromWorkbook)?.name == "赵敏")
        #expect(try world.store.worker(id: fromWorkbook)?.birthDate?.iso == "1985-08-08")
        #expect(try world.store.employer(id: "E9")?.name == "甲乙")
    }
}
