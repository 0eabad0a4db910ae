import Foundation
import FundModel
import Testing
import ZIPFoundation

@testable import FundApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The .docx of a report: a ZIP of the parts Word needs, well-formed XML, every heading, cell and source.
@Suite("DocxWriter (.docx)")
struct DocxWriterTests {
    static let document = ReportDocument(
        title: "东海省2025年度工伤保险基金监管工作情况报告", preamble: ["编制日期：2026-01-15"],
        sections: [
            ReportDocument.Section(
                heading: "一、基金收支及结余",
                blocks: [
                    .table(
                        ReportDocument.Table(
                            name: "基金收支", head: ["地区", "基金收入", "月数"],
                            rows: [
                                [.text("海州市"), .money(Money(fen: 123_456_789)), .count(12)],
                                [.text("全省 <合计> & 其他"), .money(Money(fen: -5)), .count(12)],
                            ], totalRows: [1])),
                    .paragraph("说明\u{0001}文字"),
                    .bullets(["第一条", "第二条"]),
                ], source: "fund_ledger.csv"),
            ReportDocument.Section(heading: "二、待遇支出", blocks: [], source: "payments.csv"),
        ])

    static func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test("the archive holds the content types, relationships, styles and the document, read back")
    func readBack() throws {
        let parts = try Self.entries(try DocxWriter.data(Self.document))
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
                "word/document.xml",
            ])
        let body = try #require(parts["word/document.xml"])
        for text in ["东海省2025年度", "一、基金收支及结余", "二、待遇支出", "1,234,567.89", "-0.05", "数据来源：payments.csv", "· 第二条"] {
            #expect(body.contains(text), "missing \(text)")
        }
        // Escaped, and the control character dropped: the XML stays well-formed.
        #expect(body.contains("全省 &lt;合计&gt; &amp; 其他"))
        #expect(body.contains("说明文字"))
        #expect(body.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(body.contains("<w:tblHeader/>"))
        #if canImport(FoundationXML) || canImport(Darwin)
            for (path, xml) in parts {
                let parser = XMLParser(data: Data(xml.utf8))
                #expect(parser.parse(), "not well-formed: \(path)")
            }
        #endif
    }

    @Test("the year-end report's document has its nine sections, each with a source, and its tables named")
    func yearEndReportDocument() throws {
        let report = YearEndReport(
            year: 2025, provinceName: "东海省", drawnUp: Day(iso: "2026-01-15")!,
            fund: .init(
                cities: [],
                province: .init(
                    region: .init(code: RegionCode("390000")!, name: "东海省"), revenue: Money(yuan: 100),
                    benefit: Money(yuan: 60), prevention: .zero, assessment: .zero, other: .zero,
                    balance: Money(yuan: 300), months: 12), source: "fund_ledger.csv"),
            spending: .init(
                cities: [], items: [], total: .zero, medicalDirect: .zero, medicalReimbursed: .zero, source: "payments"),
            itemList: .init(
                provincialItems: [], retiredNationalItems: [], offListFindings: 0, offListAmount: .zero,
                offListConfirmed: 0, source: "items"),
            determinations: .init(
                cities: [], province: .empty(.init(code: RegionCode("390000")!, name: "东海省")), source: "cases"),
            assessments: .init(
                cities: [], province: .empty(.init(code: RegionCode("390000")!, name: "东海省")), source: "assessments"),
            inspections: .init(
                campaigns: 1, selfInspectionsExpected: 2, selfInspectionsSubmitted: 1, nonCompliantAnswers: 0,
                spotChecksPlanned: 0, spotChecksDone: 0, problemsFound: 0, problemAmount: .zero,
                rectificationsOpened: 0, rectificationsClosed: 0, source: "campaigns"),
            screening: .init(
                runs: 0, rules: [], cities: [], findings: 0, amountAtRiskTotal: .zero, concluded: 0, irregular: 0,
                fraudReferrals: 0, confirmed: .zero, recovered: .zero, fines: .zero, fineLow: .zero, fineHigh: .zero,
                source: "findings"),
            riskPoints: .init(points: [], source: "risk points"),
            indicators: .init(
                indicatorIDs: ["I01"], cities: [], province: nil, runID: nil, periodEnd: nil, source: "indicators"))
        let document = report.document()
        #expect(document.sections.count == 9)
        #expect(document.sections.allSatisfy { !$0.source.isEmpty })
        #expect(document.title == "东海省2025年度工伤保险基金监管工作情况报告")
        let names = document.tables.map(\.name)
        #expect(Set(names).count == names.count && names.allSatisfy { $0.count <= 31 })
        // 可支付月数: 300 over 60 a year (5 a month) = 60.0 months.
        #expect(document.tables[0].rows.last?[8] == .text("60.0"))
        let parts = try Self.entries(try DocxWriter.data(document))
        #expect(parts["word/document.xml"]?.contains("六、协议机构自查、抽查与整改") == true)
    }
}
