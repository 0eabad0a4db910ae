import FundModel
import FundStore

/// Charts drawn on the server as SVG: no JavaScript, printable, and readable without a chart library.
enum Charts {
    /// Monthly income and expenditure as paired bars (left axis), the balance as a line (right axis).
    static func ledger(_ months: [LedgerMonth]) -> String {
        guard !months.isEmpty else { return "<p class=\"muted\">尚无基金收支数据（fund_ledger.csv）。</p>" }
        let width = 920.0
        let height = 300.0
        let left = 64.0
        let right = 70.0
        let top = 16.0
        let bottom = 36.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let flowMax = max(1, months.map { max($0.revenue.fen, $0.expenditure.fen) }.max() ?? 1)
        let balanceMax = max(1, months.map(\.balance.fen).max() ?? 1)
        let flowTop = niceCeiling(flowMax)
        let balanceTop = niceCeiling(balanceMax)
        let slot = plotW / Double(months.count)
        let barW = max(1.5, min(14, slot * 0.36))
        /// Distance from the plot's top for an amount, on an axis from 0 to `axisTop` fen.
        ///
        /// The amount's share of the axis is worked out in integer fen (basis points, rounded half up); only
        /// that unitless share becomes a floating-point pixel position.
        func y(_ amount: Money, _ axisTop: Int64) -> Double {
            let basisPoints = amount.fen <= 0 ? 0 : amount.scaled(by: 10_000, over: axisTop).fen
            return plotH * (1 - Double(basisPoints) / 10_000)
        }
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"基金收支与结余\" xmlns=\"http://www.w3.org/2000/svg\">"
        // Grid and axes.
        for step in 0...4 {
            let fraction = Double(step) / 4
            let gy = top + plotH * (1 - fraction)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(gy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(gy))\" stroke=\"#e3e7ee\"/>"
            // Axis amounts stay in integer fen: only pixel positions are floating point.
            let flowLabel = Formatting.shortYuan(Money(fen: flowTop).scaled(by: Int64(step), over: 4))
            let balanceLabel = Formatting.shortYuan(Money(fen: balanceTop).scaled(by: Int64(step), over: 4))
            svg += text(left - 6, gy + 4, flowLabel, anchor: "end", color: "#4a86c8")
            svg += text(left + plotW + 6, gy + 4, balanceLabel, anchor: "start", color: "#2e8b57")
        }
        var points: [String] = []
        let labelEvery = max(1, months.count / 12)
        for (i, month) in months.enumerated() {
            let x = left + slot * Double(i) + slot / 2
            let revenueTop = top + y(month.revenue, flowTop)
            let expenditureTop = top + y(month.expenditure, flowTop)
            svg +=
                "<rect x=\"\(f(x - barW))\" y=\"\(f(revenueTop))\" width=\"\(f(barW))\" height=\"\(f(top + plotH - revenueTop))\" fill=\"#4a86c8\"><title>\(month.month.iso) 收入 \(Formatting.yuan(month.revenue)) 元</title></rect>"
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(expenditureTop))\" width=\"\(f(barW))\" height=\"\(f(top + plotH - expenditureTop))\" fill=\"#e07b19\"><title>\(month.month.iso) 支出 \(Formatting.yuan(month.expenditure)) 元</title></rect>"
            points.append("\(f(x)),\(f(top + y(month.balance, balanceTop)))")
            if i % labelEvery == 0 {
                svg += text(x, top + plotH + 18, month.month.iso, anchor: "middle", color: "#5d6678")
            }
        }
        svg +=
            "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#2e8b57\" stroke-width=\"2.5\"/>"
        svg += "</svg>"
        svg +=
            "<div class=\"legend\"><span class=\"rev\">基金收入（左轴）</span><span class=\"exp\">基金支出（左轴）</span><span class=\"bal\">累计结余（右轴）</span></div>"
        return svg
    }

    struct Bar {
        var label: String
        var value: Int
        var color: String
        var href: String?
    }

    /// Horizontal bars with their labels and values.
    static func bars(_ bars: [Bar], label: String) -> String {
        guard !bars.isEmpty else { return "<p class=\"muted\">暂无数据。</p>" }
        let rowH = 26.0
        let labelW = 150.0
        let width = 460.0
        let plotW = width - labelW - 60
        let height = rowH * Double(bars.count) + 8
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, bar) in bars.enumerated() {
            let y = 4 + rowH * Double(i)
            let w = plotW * Double(bar.value) / Double(maxValue)
            var row = text(labelW - 8, y + 17, bar.label, anchor: "end", color: "#1d2330")
            row +=
                "<rect x=\"\(f(labelW))\" y=\"\(f(y + 4))\" width=\"\(f(max(w, bar.value > 0 ? 2 : 0)))\" height=\"\(f(rowH - 10))\" rx=\"2\" fill=\"\(bar.color)\"/>"
            row += text(labelW + w + 6, y + 17, String(bar.value), anchor: "start", color: "#1d2330")
            if let href = bar.href {
                svg += "<a href=\"\(HTMLText.escape(href))\">\(row)</a>"
            } else {
                svg += row
            }
        }
        return svg + "</svg>"
    }

    static func color(_ severity: Severity) -> String {
        switch severity {
        case .red: "#c8332b"
        case .orange: "#e07b19"
        case .yellow: "#d4a90f"
        }
    }

    // MARK: Helpers

    /// A round number at or above `value` (1, 2, 2.5, 5 × 10ⁿ), for the axis top.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var magnitude: Int64 = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] as [Int64] where magnitude * step >= value { return magnitude * step }
        return magnitude * 10
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, color: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"11\" fill=\"\(color)\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
    }

    private static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
