import Foundation
import FundModel

/// A list as a supervisor downloads it: Chinese column headers and typed cells, written as CSV
/// (`csv()`) or as an Excel workbook (`XLSXWriter`).
///
/// Typed rather than text so that the workbook can hold money as numbers with two decimals and days
/// as real dates (sortable, summable in Excel), while the CSV keeps the interchange's plain forms
/// (`1234.56`, `2025-10-01`).
public struct ExportSheet: Sendable {
    /// One cell.
    public enum Cell: Sendable, Hashable {
        case empty
        case text(String)
        case integer(Int64)
        /// Yuan with two decimals (money is kept in fen).
        case money(Money)
        /// A calendar day.
        case day(Day)
        /// A moment, shown as China time (UTC+8) to the second.
        case moment(Date)
        /// A decimal with up to four places (a percentage, a ratio).
        case number(Decimal4)

        /// The cell as CSV text.
        public var text: String {
            switch self {
            case .empty: ""
            case .text(let t): t
            case .integer(let n): String(n)
            case .money(let m): m.yuanString
            case .day(let d): d.iso
            case .moment(let date): ExportSheet.chinaTime(date)
            case .number(let d): d.description
            }
        }
    }

    /// The name of the sheet (and of the file, without extension), e.g. `预警与疑点`.
    public var title: String
    public var headers: [String]
    public var rows: [[Cell]]

    public init(title: String, headers: [String], rows: [[Cell]] = []) {
        self.title = title
        self.headers = headers
        self.rows = rows
    }

    public mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The sheet as CSV: a header row then the rows, cells that a spreadsheet would read as formulas
    /// neutralised. Without a byte-order mark: the HTTP answer adds one (`text/csv; charset=utf-8`).
    public func csv() -> String {
        var writer = CSVWriter(header: headers, formulaSafe: true)
        for row in rows { writer.append(row: row.map(\.text)) }
        return writer.text
    }

    /// `2025-10-01 08:30:00`, China time.
    static func chinaTime(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = Day.inChina(unixSeconds: seconds)
        let local = seconds + Day.chinaOffsetSeconds
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        let h = secondOfDay / 3600
        let m = secondOfDay / 60 % 60
        let s = secondOfDay % 60
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(day.iso) \(two(h)):\(two(m)):\(two(s))"
    }
}
