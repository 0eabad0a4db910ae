/// A plain-text table for the terminal, with columns padded to their display width.
///
/// Chinese characters take two terminal columns, so padding by `count` would
/// misalign every table the CLI prints; this counts East Asian wide
/// characters as two.
public struct TextTable: Sendable {
    public var rows: [[String]]
    public var rightAligned: Set<Int>

    /// `rows[0]` is the header when the table has one.
    public init(rows: [[String]], rightAligned: Set<Int> = []) {
        self.rows = rows
        self.rightAligned = rightAligned
    }

    public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.init(rows: [header] + rows, rightAligned: rightAligned)
    }

    public func render() -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextTable.displayWidth(cell)) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - TextTable.displayWidth(cell))
                line += (i == 0 ? "" : "  ") + (rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Terminal columns of `text`: two for East Asian wide characters, one otherwise.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}
