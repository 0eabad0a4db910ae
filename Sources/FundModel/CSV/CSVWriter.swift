/// Writes RFC 4180 CSV text: a header row, then rows of already formatted cells.
///
/// Cells holding a comma, a quote, CR or LF are quoted, with quotes doubled;
/// everything else is written as is. Pure string building, so that the demo
/// generator, the findings exporter and the tests share one encoder; the
/// caller decides where the bytes go.
public struct CSVWriter: Sendable {
    public private(set) var text: String = ""

    public init(header: [String]) {
        append(row: header)
    }

    public mutating func append(row cells: [String]) {
        var first = true
        for cell in cells {
            if !first { text.append(",") }
            first = false
            text.append(CSVWriter.escape(cell))
        }
        text.append("\n")
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
