import Foundation
import FundModel
import ZIPFoundation

/// Writes `ExportSheet`s as an Excel workbook (.xlsx, Office Open XML): a sheet each, the header row bold
/// and frozen, money as numbers formatted `#,##0.00`, days as dates formatted `yyyy-mm-dd`, moments as
/// date-times. The zip container is ZIPFoundation's; only the few XML parts a workbook needs are written
/// here, with inline strings (no shared-string table), which every spreadsheet program reads.
public enum XLSXWriter {
    /// The style indexes of `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0, header = 1, money = 2, date = 3, moment = 4, number = 5
    }

    /// Excel's day 0 is 1899-12-30; `Day.ordinal` counts from 1970-01-01.
    static let excelEpochOffset: Int64 = 25_569

    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes: one sheet.
    public static func data(_ sheet: ExportSheet) throws -> Data { try data([sheet]) }

    /// The workbook's bytes: a sheet per `ExportSheet`, in order (the year-end report's tables, one per sheet).
    /// Sheet names are the titles made acceptable to Excel and unique.
    public static func data(_ sheets: [ExportSheet]) throws -> Data {
        let sheets = sheets.isEmpty ? [ExportSheet(title: "Sheet1", headers: [])] : sheets
        let names = sheetNames(sheets.map(\.title))
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
        }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw XLSXError.notWritten }
        return data
    }

    /// Names Excel accepts (`sheetName`), made unique by a ` (2)`-style suffix within 31 characters.
    static func sheetNames(_ titles: [String]) -> [String] {
        var used = Set<String>()
        return titles.map { title in
            let base = sheetName(title)
            var name = base
            var n = 2
            while !used.insert(name.lowercased()).inserted {
                let suffix = " (\(n))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            return name
        }
    }

    // MARK: The sheet

    static func worksheet(_ sheet: ExportSheet) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
            """
        out += "<cols>"
        for (index, header) in sheet.headers.enumerated() {
            let width = max(10, min(40, widest(sheet, column: index, header: header) + 2))
            out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        out += row(1, sheet.headers.map { ExportSheet.Cell.text($0) }, header: true)
        for (index, cells) in sheet.rows.enumerated() {
            out += row(index + 2, cells, header: false)
        }
        out += "</sheetData></worksheet>"
        return out
    }

    static func row(_ number: Int, _ cells: [ExportSheet.Cell], header: Bool) -> String {
        var out = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let ref = columnName(index) + String(number)
            switch cell {
            case .empty:
                continue
            case .text(let text):
                let style = header ? " s=\"\(Style.header.rawValue)\"" : ""
                out +=
                    "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
            case .integer(let n):
                out += "<c r=\"\(ref)\"><v>\(n)</v></c>"
            case .money(let money):
                out += "<c r=\"\(ref)\" s=\"\(Style.money.rawValue)\"><v>\(money.yuanString)</v></c>"
            case .day(let day):
                out +=
                    "<c r=\"\(ref)\" s=\"\(Style.date.rawValue)\"><v>\(Int64(day.ordinal) + excelEpochOffset)</v></c>"
            case .moment(let date):
                out += "<c r=\"\(ref)\" s=\"\(Style.moment.rawValue)\"><v>\(serial(date))</v></c>"
            case .number(let value):
                out += "<c r=\"\(ref)\" s=\"\(Style.number.rawValue)\"><v>\(value.description)</v></c>"
            }
        }
        return out + "</row>"
    }

    /// A moment as Excel's serial day number in China time, to the second (as a decimal text).
    static func serial(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Day.chinaOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let fraction = Double(secondOfDay) / 86_400
        let digits = String(format: "%.8f", fraction).dropFirst()  // ".xxxxxxxx"
        return String(days + excelEpochOffset) + digits
    }

    /// `A`, …, `Z`, `AA`, …: the letters of a 0-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A column's width in characters, from its widest cell (CJK characters count double), capped.
    static func widest(_ sheet: ExportSheet, column: Int, header: String) -> Int {
        func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } }
        var widest = width(header)
        for row in sheet.rows.prefix(200) where column < row.count {
            switch row[column] {
            case .day: widest = max(widest, 10)
            case .moment: widest = max(widest, 19)
            default: widest = max(widest, width(row[column].text))
            }
        }
        return widest
    }

    /// Text for XML (`XMLText`, shared with the .docx writer).
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ title: String) -> String {
        let cleaned = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    // MARK: The fixed parts

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\(sheets)<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """
    }

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { index, name in
            "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheets)</sheets></workbook>
            """
    }

    /// The sheets are rId1…rIdN; the styles come after them.
    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets)<Relationship Id="rId\(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """
    }

    /// Fonts: regular, bold. Number formats: 4 is Excel's built-in `#,##0.00`; 164–166 are ours.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="166" formatCode="0.####"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

/// A workbook could not be assembled (ZIPFoundation gave no bytes back).
public enum XLSXError: Error, Sendable {
    case notWritten
}
