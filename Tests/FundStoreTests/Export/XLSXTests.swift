import Foundation
import FundModel
import Testing
import ZIPFoundation

@testable import FundStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a written workbook back the way a spreadsheet program would: unzip it, parse the sheet's cells
/// and the styles' number formats (independently of `XLSXSheetReader`).
struct WorkbookReadBack {
    struct Cell: Equatable {
        var type: String
        var style: Int
        var value: String
    }

    var cells: [String: Cell] = [:]
    /// The number format id of each cell style.
    var styleFormats: [Int] = []
    /// Custom number formats by id.
    var formats: [Int: String] = [:]
    var sheetName = ""

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> Data {
            let entry = try #require(archive[path], "no \(path)")
            var out = Data()
            _ = try archive.extract(entry) { out.append($0) }
            return out
        }
        #expect(archive["[Content_Types].xml"] != nil && archive["_rels/.rels"] != nil)
        let sheet = Collector()
        let parser = XMLParser(data: try part("xl/worksheets/sheet1.xml"))
        parser.delegate = sheet
        #expect(parser.parse())
        cells = sheet.cells
        let styles = Collector()
        let styleParser = XMLParser(data: try part("xl/styles.xml"))
        styleParser.delegate = styles
        #expect(styleParser.parse())
        styleFormats = styles.xfFormats
        formats = styles.formats
        let workbook = Collector()
        let workbookParser = XMLParser(data: try part("xl/workbook.xml"))
        workbookParser.delegate = workbook
        #expect(workbookParser.parse())
        sheetName = workbook.sheetName
    }

    /// The number format code of a cell (Excel's built-in 4 is `#,##0.00`).
    func format(_ reference: String) -> String? {
        guard let cell = cells[reference], styleFormats.indices.contains(cell.style) else { return nil }
        let id = styleFormats[cell.style]
        return id == 4 ? "#,##0.00" : formats[id]
    }

    final class Collector: NSObject, XMLParserDelegate {
        var cells: [String: Cell] = [:]
        var current: (String, Cell)?
        var text = ""
        var xfFormats: [Int] = []
        var formats: [Int: String] = [:]
        var inCellXfs = false
        var sheetName = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch name {
            case "c":
                current = (
                    attributes["r"] ?? "?",
                    Cell(type: attributes["t"] ?? "n", style: Int(attributes["s"] ?? "0") ?? 0, value: "")
                )
                text = ""
            case "numFmt": formats[Int(attributes["numFmtId"] ?? "") ?? -1] = attributes["formatCode"]
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: xfFormats.append(Int(attributes["numFmtId"] ?? "0") ?? 0)
            case "sheet": sheetName = attributes["name"] ?? ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "c", let (reference, found) = current {
                var cell = found
                cell.value = text
                cells[reference] = cell
                current = nil
            }
            if name == "cellXfs" { inCellXfs = false }
        }
    }
}

@Suite("Excel workbooks: the writer (read back) and the import of a first sheet")
struct XLSXTests {
    static let moment = Date(timeIntervalSince1970: 1_759_286_096)  // 2025-10-01 02:34:56 UTC = 10:34:56 China

    static func sample() -> ExportSheet {
        var sheet = ExportSheet(title: "预警与疑点 [2025]", headers: ["编号", "金额（元）", "日期", "时间", "笔数", "说明"])
        sheet.append([
            .text("F-1"), .money(Money(fen: 123_456)), .day(Day(year: 2025, month: 10, day: 1)!), .moment(moment),
            .integer(42), .text("<a & \"b\"> 中文\u{1}"),
        ])
        sheet.append([.text("=HYPERLINK(\"x\")"), .money(Money(fen: -5)), .empty, .empty, .integer(0), .text("")])
        return sheet
    }

    @Test("typed cells: money as a number with two decimals, days as dates, Chinese headers")
    func typedCells() throws {
        let book = try WorkbookReadBack(try XLSXWriter.data(Self.sample()))
        #expect(book.sheetName == "预警与疑点 2025")  // [ and ] are not allowed in a sheet name
        #expect(book.cells["A1"] == .init(type: "inlineStr", style: 1, value: "编号"))
        #expect(book.cells["B1"]?.value == "金额（元）")
        #expect(book.cells["B2"]?.type == "n" && book.cells["B2"]?.value == "1234.56")
        #expect(book.format("B2") == "#,##0.00")
        #expect(book.cells["B3"]?.value == "-0.05")
        // Excel's serial day of 2025-10-01 is 45931 (1900 date system).
        #expect(book.cells["C2"]?.value == "45931" && book.format("C2") == "yyyy-mm-dd")
        #expect(book.cells["D2"]?.value.hasPrefix("45931.44") == true && book.format("D2") == "yyyy-mm-dd hh:mm:ss")
        #expect(book.cells["E2"]?.value == "42" && book.cells["E3"]?.value == "0")
        #expect(book.cells["F2"]?.value == "<a & \"b\"> 中文")  // escaped in the XML, the control character dropped
        #expect(book.cells["C3"] == nil)  // an empty cell is left out
        // A formula-like text stays text: an inline string, never a formula.
        #expect(book.cells["A3"] == .init(type: "inlineStr", style: 0, value: "=HYPERLINK(\"x\")"))
    }

    @Test("the CSV of the same sheet keeps the interchange's plain forms, formulas neutralised")
    func csvForm() {
        let lines = Self.sample().csv().split(separator: "\n").map(String.init)
        #expect(lines[0] == "编号,金额（元）,日期,时间,笔数,说明")
        #expect(lines[1].hasPrefix("F-1,1234.56,2025-10-01,2025-10-01 10:34:56,42,"))
        #expect(lines[2].hasPrefix("\"'=HYPERLINK(\"\"x\"\")\",-0.05,,,0,"))
    }

    @Test("a workbook reads back as CSV: dates as days, numbers as written")
    func readBack() throws {
        let text = String(decoding: try XLSXSheetReader.csv(data: try XLSXWriter.data(Self.sample())), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "编号,金额（元）,日期,时间,笔数,说明")
        #expect(lines[1] == "F-1,1234.56,2025-10-01,2025-10-01,42,\"<a & \"\"b\"\"> 中文\"")
        #expect(XLSXSheetReader.SheetRows.number("1234.5599999999999") == "1234.56")
        #expect(XLSXSheetReader.SheetRows.column("AB12") == 27)
        #expect(XLSXSheetReader.DateStyles.isDateFormat("yyyy/m/d") && !XLSXSheetReader.DateStyles.isDateFormat("0.00"))
        #expect(
            !XLSXSheetReader.DateStyles.isDateFormat("\"day\" 0") && !XLSXSheetReader.DateStyles.isDateFormat("[Red]0"))
    }

    @Test(
        "Excel's binary noise rounded off on the decimal text, 15 significant digits, no floating-point value",
        arguments: [
            ("1234.5599999999999", "1234.56"), ("-1234.5599999999999", "-1234.56"), ("0.30000000000000004", "0.3"),
            ("99999.999999999999", "100000"), ("0.000012345678901234567", "0.0000123456789012346"),
            ("1234.56", "1234.56"), ("12345678901234567", "12345678901234567"),
            (
                "1.2345678901234567E+20",
                "1.2345678901234567E+20"
            ), ("-0.0000000000000000001", "-0.0000000000000000001"),
        ])
    func numberText(written: String, read: String) {
        #expect(XLSXSheetReader.SheetRows.number(written) == read)
    }

    static func workersSheet(birth: ExportSheet.Cell) -> ExportSheet {
        var sheet = ExportSheet(
            title: "workers",
            headers: [
                "worker_id", "name", "gender", "birth_date", "employer_id", "region_code", "insured_since",
                "insured_until",
            ])
        sheet.append([
            .text(Fixture.worker1), .text("张三"), .text("M"), birth, .text("E1"), .integer(110100),
            .day(Day(year: 2010, month: 1, day: 1)!), .empty,
        ])
        return sheet
    }

    @Test("the import takes <table>.xlsx: first sheet, header row, typed cells")
    func importsWorkbook() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        let book = try XLSXWriter.data(Self.workersSheet(birth: .day(Day(year: 1949, month: 12, day: 31)!)))
        dir.write("workers.xlsx", bytes: Array(book))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.files.map(\.file).contains("workers.xlsx"))
        let worker = try #require(try store.worker(id: PersonID(Fixture.worker1)!))
        #expect(
            worker.name == "张三" && worker.birthDate?.iso == "1949-12-31" && worker.insuredSince?.iso == "2010-01-01")
    }

    @Test("a bad cell of a workbook is reported with the file, the Excel row and the field; a damaged file as such")
    func badWorkbook() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.xlsx", bytes: Array(try XLSXWriter.data(Self.workersSheet(birth: .text("31.12.1949")))))
        let error = try expectRejected(dir.store(), dir.data)
        let issue = try #require(error.issues.first)
        #expect(issue.file == "workers.xlsx" && issue.line == 2 && issue.column == "birth_date")
        let damaged = TemporaryDirectory()
        damaged.write("regions.csv", Fixture.regions)
        damaged.write("workers.xlsx", bytes: Array("PK\u{3}\u{4} not really a zip".utf8))
        let damagedError = try expectRejected(damaged.store(), damaged.data)
        #expect(damagedError.issues.first?.file == "workers.xlsx")
        #expect(damagedError.issues.first?.reason.contains("xlsx") == true)
        let both = TemporaryDirectory()
        both.write("regions.csv", Fixture.regions)
        both.write("workers.csv", Fixture.workers)
        both.write("workers.xlsx", bytes: Array(try XLSXWriter.data(Self.workersSheet(birth: .text("1949-12-31")))))
        #expect(try expectRejected(both.store(), both.data).issues.first?.file == "workers.xlsx")
    }

    /// A workbook as Excel itself writes one (written by hand here): shared strings with a rich-text run and
    /// a phonetic reading, a date in built-in format 14, a custom date format, a boolean, binary noise in a
    /// number, a skipped row, cells without trailing empties, the sheet named through the relationships.
    static func excelStyleWorkbook() throws -> Data {
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
            ),
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="职工" sheetId="7" r:id="rId3"/><sheet name="其他" sheetId="8" r:id="rId4"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId4" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#
            ),
            (
                "xl/sharedStrings.xml",
                #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>worker_id</t></si><si><t>name</t></si><si><t>birth_date</t></si><si><t>insured_since</t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh><t>ZHANG</t></rPh></si><si><t xml:space="preserve"> 李 四 </t></si><si><t>flag</t></si><si><t>amount</t></si></sst>"#
            ),
            (
                "xl/styles.xml",
                #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="180" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="180"/></cellXfs></styleSheet>"#
            ),
            (
                "xl/worksheets/sheet1.xml",
                #"<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>"#
            ),
            (
                "xl/worksheets/sheet2.xml",
                #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>6</v></c><c r="F1" t="s"><v>7</v></c></row><row r="2"><c r="A2" t="str"><f>A1</f><v>11010519491231002X</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>18263</v></c><c r="D2" s="2"><v>40179</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"><v>1234.5599999999999</v></c></row><row r="4"><c r="B4" t="s"><v>5</v></c></row></sheetData></worksheet>"#
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    @Test("a workbook as Excel writes it: shared strings, built-in and custom date formats, the first sheet by order")
    func excelStyleWorkbookReads() throws {
        let text = String(decoding: try XLSXSheetReader.csv(data: try Self.excelStyleWorkbook()), as: UTF8.self)
        #expect(
            text == """
                worker_id,name,birth_date,insured_since,flag,amount
                11010519491231002X,张三,1949-12-31,2010-01-01,true,1234.56

                , 李 四 ,,,,

                """)
        // Rows out of order, a shared string that does not exist: refused, not guessed.
        #expect(throws: XLSXSheetReader.Failure.self) {
            try XLSXSheetReader.SheetRows(shared: [], dateStyles: []).parse(
                Data(#"<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>"#.utf8))
        }
        #expect(throws: XLSXSheetReader.Failure.self) {
            try XLSXSheetReader.SheetRows(shared: ["a"], dateStyles: []).parse(
                Data(
                    #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>"#.utf8
                ))
        }
    }
}
