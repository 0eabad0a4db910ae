import Foundation
import FundApp
import FundModel

/// How the console writes amounts, moments and percentages.
enum Formatting {
    /// `1,234,567.89` (yuan, thousands separated): what a fund report prints.
    static func yuan(_ money: Money) -> String { money.groupedYuanString }

    /// `12.3万` for large amounts on charts and dashboard tiles; whole yuan below 10,000.
    static func shortYuan(_ money: Money) -> String {
        let yuan = money.fen / 100
        if abs(yuan) >= 100_000_000 { return oneDecimal(money.fen, per: 10_000_000_000) + "亿" }
        if abs(yuan) >= 10_000 { return oneDecimal(money.fen, per: 1_000_000) + "万" }
        return String(yuan)
    }

    private static func oneDecimal(_ fen: Int64, per unit: Int64) -> String {
        let tenths = (fen * 10 + (fen >= 0 ? unit / 2 : -unit / 2)) / unit
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// The console shows moments in China Standard Time, whatever the server's zone.
    static let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// `2026-11-30 09:15:02`.
    static func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(c.year!)-\(pad(c.month!))-\(pad(c.day!)) \(pad(c.hour!)):\(pad(c.minute!)):\(pad(c.second!))"
    }

    /// Today in China Standard Time (FundApp's `Clock`, the one conversion).
    static func today(_ date: Date = Date()) -> Day { Clock.chinaDay(date) }

    /// The start of a day in China Standard Time.
    static func startOf(_ day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.components.day))!
    }

    /// `45.5%` of `part / whole`, or `—`.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Parses an amount typed by a person: yuan, at most two decimals, thousands separators and `¥` allowed.
    static func parseYuan(_ text: String) -> Money? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            .replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "元", with: "")
            .trimmingCharacters(in: .whitespaces)
        return try? Money(yuan: cleaned)
    }
}
