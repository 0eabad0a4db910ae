/// Writes RFC 4180 CSV text: a header row, then rows of already formatted cells.
///
/// Cells holding a comma, a quote, CR or LF are quoted, with quotes doubled;
/// everything else is written as is. Pure string building, so that the demo
/// generator, the findings exporter and the tests share one encoder; the
/// caller decides where the bytes go.
///
/// A file meant for a spreadsheet (the console's and the API's downloads) is written `formulaSafe`: a cell
/// that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or CR first) gets a leading `'`,
/// unless the whole cell is a plain decimal number (`-1234.50`), which a spreadsheet reads as a number and
/// never as a formula, so that negative amounts stay numbers (CSV injection, issue 11). Interchange files
/// (the demo data, the rejects of an import) are not: their cells must stay exactly as the format says.
public struct CSVWriter: Sendable {
    public private(set) var text: String = ""
    /// Neutralise formula-like cells (`neutralised(_:)`).
    public let formulaSafe: Bool

    public init(header: [String], formulaSafe: Bool = false) {
        self.formulaSafe = formulaSafe
        append(row: header)
    }

    public mutating func append(row cells: [String]) {
        var first = true
        for cell in cells {
            if !first { text.append(",") }
            first = false
            text.append(CSVWriter.escape(formulaSafe ? CSVWriter.neutralised(cell) : cell))
        }
        text.append("\n")
    }

    /// `cell` with a leading `'` if a spreadsheet would read it as a formula; a plain number is left alone.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13, 10:
            return isPlainNumber(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// An optional sign, digits, optionally a point and digits: `-12`, `+3.50`, `-0.01`.
    public static func isPlainNumber(_ cell: String) -> Bool {
        var bytes = Substring(cell).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        bytes = bytes.dropFirst(whole.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: ".") else { return false }
        bytes = bytes.dropFirst()
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// One cell as it must appear in the file.
    public static func escape(_ cell: String) -> String {
        var needsQuotes = false
        for byte in cell.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
