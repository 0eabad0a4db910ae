import Foundation
import FundModel
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first sheet of an Excel workbook (.xlsx) as interchange CSV text, so an import takes a
/// workbook as it takes a CSV file: the first row is the header, each sheet row is a CSV line of the same
/// number (empty rows kept), so the import's report names the row a person sees in Excel.
///
/// Cells: shared and inline strings as text, booleans as `true`/`false`, numbers in a date format as the
/// day (`2025-10-01`), other numbers as written (binary noise such as `1234.5599999999999` rounded to 15
/// significant digits). Bounded: a part of the workbook larger than `maxPartBytes` is refused.
public enum XLSXSheetReader {
    /// Why a workbook could not be read.
    public struct Failure: Error, Sendable, Hashable {
        public var line: Int?
        public var reason: String
    }

    /// The largest part (the sheet, the shared strings) read, uncompressed.
    public static let maxPartBytes: Int64 = 512 << 20

    /// The first sheet of the workbook at `path` as UTF-8 CSV bytes.
    public static func csv(contentsOfFile path: String) throws(Failure) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure(line: nil, reason: "不是有效的 Excel 文件（.xlsx）not a readable .xlsx workbook")
        }
        return try csv(archive)
    }

    /// The first sheet of a workbook in memory as UTF-8 CSV bytes.
    public static func csv(data: Data) throws(Failure) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(line: nil, reason: "不是有效的 Excel 文件（.xlsx）not a readable .xlsx workbook")
        }
        return try csv(archive)
    }

    static func csv(_ archive: Archive) throws(Failure) -> [UInt8] {
        let rows = try rows(archive)
        let header = rows.first ?? []
        var writer = CSVWriter(header: header)
        for row in rows.dropFirst() {
            if row.allSatisfy(\.isEmpty) {
                writer.append(row: [])  // a blank line, which the reader skips (the line numbers still count it)
            } else {
                // Excel leaves out empty trailing cells: the row gets the header's width back.
                writer.append(row: row + Array(repeating: "", count: max(0, header.count - row.count)))
            }
        }
        return Array(writer.text.utf8)
    }

    /// Every row of the first sheet, as text (row 1 first; a missing row is an empty one).
    static func rows(_ archive: Archive) throws(Failure) -> [[String]] {
        let workbook = try part(archive, "xl/workbook.xml")
        guard let sheetRelation = FirstSheet.relationID(workbook) else {
            throw Failure(line: nil, reason: "工作簿中没有工作表 the workbook has no sheet")
        }
        let relations = try part(archive, "xl/_rels/workbook.xml.rels")
        guard let target = Relationships.target(of: sheetRelation, in: relations) else {
            throw Failure(line: nil, reason: "找不到第一个工作表 the first sheet's part is missing")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared = try optionalPart(archive, "xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        let dateStyles = try optionalPart(archive, "xl/styles.xml").map(DateStyles.parse) ?? []
        let sheet = try part(archive, sheetPath)
        let reader = SheetRows(shared: shared, dateStyles: dateStyles)
        return try reader.parse(sheet)
    }

    static func part(_ archive: Archive, _ path: String) throws(Failure) -> Data {
        guard let data = try optionalPart(archive, path) else {
            throw Failure(line: nil, reason: "不是有效的 Excel 文件：缺少 \(path) not a .xlsx workbook (no \(path))")
        }
        return data
    }

    static func optionalPart(_ archive: Archive, _ path: String) throws(Failure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maxPartBytes else {
            throw Failure(
                line: nil, reason: "工作表过大（超过 512 MB），请另存为 CSV the sheet is too large for .xlsx: save it as CSV")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maxPartBytes { throw Failure(line: nil, reason: "too large") }
            }
        } catch {
            throw Failure(line: nil, reason: "Excel 文件已损坏 the .xlsx file is damaged (\(path))")
        }
        return data
    }

    // MARK: Parts

    /// `<sheet … r:id="rId1"/>`: the first sheet's relation.
    final class FirstSheet: NSObject, XMLParserDelegate {
        var id: String?

        static func relationID(_ data: Data) -> String? {
            let delegate = FirstSheet()
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = false
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.id
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            guard id == nil, name == "sheet" || name.hasSuffix(":sheet") else { return }
            id = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value
            parser.abortParsing()
        }
    }

    /// `<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>`.
    final class Relationships: NSObject, XMLParserDelegate {
        var targets: [String: String] = [:]

        static func target(of id: String, in data: Data) -> String? {
            let delegate = Relationships()
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.targets[id]
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
    }

    /// `<si><t>…</t></si>` (rich text: the runs' `<t>` joined), in order.
    final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false

        static func parse(_ data: Data) -> [String] {
            let delegate = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.strings
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles (`s="n"`, the index into `cellXfs`) show a date.
    final class DateStyles: NSObject, XMLParserDelegate {
        var customDates: Set<Int> = []
        var styles: [Int] = []
        var inCellXfs = false

        /// Excel's built-in date and time formats.
        static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

        static func parse(_ data: Data) -> Set<Int> {
            let delegate = DateStyles()
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            _ = parser.parse()
            let dates = builtIn.union(delegate.customDates)
            return Set(delegate.styles.enumerated().filter { dates.contains($0.element) }.map(\.offset))
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                    Self.isDateFormat(code)
                {
                    customDates.insert(id)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if name == "cellXfs" { inCellXfs = false }
        }

        /// A format shows a date when, outside quotes and brackets, it has a `y` or a `d`.
        static func isDateFormat(_ code: String) -> Bool {
            var quoted = false
            var bracket = false
            for c in code.lowercased() {
                switch c {
                case "\"": quoted.toggle()
                case "[" where !quoted: bracket = true
                case "]" where !quoted: bracket = false
                case "y", "d": if !quoted && !bracket { return true }
                default: break
                }
            }
            return false
        }
    }

    /// The rows of a sheet: `<row r="n"><c r="B2" t="s" s="3"><v>…</v></c>…`.
    final class SheetRows: NSObject, XMLParserDelegate {
        let shared: [String]
        let dateStyles: Set<Int>
        var rows: [[String]] = []
        var row: [String] = []
        var rowNumber = 0
        var cellColumn = 0
        var cellType = ""
        var cellStyle = 0
        var text = ""
        var collecting = false
        var failure: Failure?

        /// Rows and columns an .xlsx sheet can have at most.
        static let maxRows = 1_048_576
        static let maxColumns = 16_384

        init(shared: [String], dateStyles: Set<Int>) {
            self.shared = shared
            self.dateStyles = dateStyles
        }

        func parse(_ data: Data) throws(Failure) -> [[String]] {
            let parser = XMLParser(data: data)
            parser.delegate = self
            if !parser.parse(), failure == nil {
                failure = Failure(
                    line: rowNumber > 0 ? rowNumber : nil, reason: "工作表不是有效的 XML the sheet is not valid XML")
            }
            if let failure { throw failure }
            return rows
        }

        func fail(_ reason: String, _ parser: XMLParser) {
            if failure == nil { failure = Failure(line: rowNumber, reason: reason) }
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch name {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                guard number > rowNumber, number <= Self.maxRows else {
                    return fail("工作表的行号有误 bad row number \(attributes["r"] ?? "")", parser)
                }
                while rows.count < number - 1 { rows.append([]) }  // skipped rows stay, as empty lines
                rowNumber = number
                row = []
            case "c":
                cellColumn = attributes["r"].flatMap(Self.column) ?? row.count
                guard cellColumn < Self.maxColumns else {
                    return fail("工作表的列号有误 bad cell \(attributes["r"] ?? "")", parser)
                }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                text = ""
            case "v", "t":
                collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch name {
            case "v", "t": collecting = false
            case "c":
                guard let value = cellText(parser) else { return }
                while row.count < cellColumn { row.append("") }
                if row.count == cellColumn { row.append(value) } else { row[cellColumn] = value }
            case "row":
                rows.append(row)
            default: break
            }
        }

        func cellText(_ parser: XMLParser) -> String? {
            switch cellType {
            case "s":
                guard let index = Int(text), shared.indices.contains(index) else {
                    fail("共享字符串编号有误 bad shared string \(text)", parser)
                    return nil
                }
                return shared[index]
            case "inlineStr", "str": return text
            case "b": return text == "1" ? "true" : "false"
            case "e": return text
            default:
                if text.isEmpty { return "" }
                // A date cell holds Excel's serial day; a fraction is the time of day, which a day leaves out.
                if dateStyles.contains(cellStyle), let serial = Int32(text.split(separator: ".").first ?? ""),
                    serial >= 0
                {
                    return Day(ordinal: serial - 25_569).iso
                }
                return Self.number(text)
            }
        }

        /// A number as written, with binary noise rounded off (15 significant digits, as Excel shows):
        /// `1234.5599999999999` → `1234.56`. Done on the decimal text itself, never through a floating-point value,
        /// so that an amount keeps every digit Excel shows and goes on to the money parser as text.
        static func number(_ text: String) -> String {
            guard text.contains("."), text.count > 16 else { return text }
            var body = Substring(text)
            let negative = body.first == "-"
            if negative { body = body.dropFirst() }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, (parts[0] + parts[1]).allSatisfy(\.isASCIIDigit) else {
                return text  // an exponent or anything else: left as written
            }
            var digits = (parts[0] + parts[1]).map { Int($0.asciiValue! - 48) }
            var point = parts[0].count  // digits before the decimal point
            guard let first = digits.firstIndex(where: { $0 != 0 }), digits.count - first > 15 else { return text }
            let cut = first + 15
            var carry = digits[cut] >= 5 ? 1 : 0
            digits.removeSubrange(cut...)
            var index = digits.count - 1
            while carry > 0 && index >= 0 {
                digits[index] += 1
                carry = digits[index] == 10 ? 1 : 0
                if carry > 0 { digits[index] = 0 }
                index -= 1
            }
            if carry > 0 {
                digits.insert(1, at: 0)
                point += 1
            }
            while digits.count < point { digits.append(0) }
            var whole = digits[..<point].map(String.init).joined()
            var fraction = digits[point...].map(String.init).joined()
            while fraction.hasSuffix("0") { fraction.removeLast() }
            while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
            let shown = fraction.isEmpty ? whole : whole + "." + fraction
            return (negative && shown.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + shown
        }

        /// `B12` → 1 (0-based column).
        static func column(_ reference: String) -> Int? {
            var column = 0
            var letters = 0
            for scalar in reference.unicodeScalars {
                guard scalar.value >= 65, scalar.value <= 90 else { break }
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
                if letters > 3 { return nil }
            }
            return letters == 0 ? nil : column - 1
        }
    }
}

extension Character {
    /// `0`–`9` only (not the other Unicode digits `isNumber` admits).
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
