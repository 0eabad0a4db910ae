import FundModel
import FundStore

/// The trend of one indicator drawn on the server as SVG (as `Charts`): one line per region over the
/// months stored, the province thick and dark, each city in a colour of its own and named in the legend
/// (the legend's names, not the colours, tell the lines apart; every point has its figure as a title).
enum IndicatorCharts {
    struct Series {
        var name: String
        var isProvince: Bool
        /// The figure at each period end (`nil`: undefined that month).
        var points: [YearMonth: Decimal4?]
    }

    /// City line colours, distinct from the warning colours; a dash pattern tells apart a colour's second use.
    static let palette = [
        "#4a86c8", "#2e8b57", "#8e5bb5", "#c2527a", "#1b9aaa", "#7a8b2e", "#b5651d", "#5a6fd6", "#3f7f6b",
        "#a0522d", "#6b7fa3", "#9c6b98",
    ]

    static func trend(_ series: [Series], unit: String, label: String) -> String {
        let months = Array(Set(series.flatMap(\.points.keys))).sorted()
        let figures = series.flatMap { $0.points.values.compactMap { $0 } }
        guard !months.isEmpty, let low = figures.min(), let high = figures.max() else {
            return "<p class=\"muted\">尚无该指标的历史数据。</p>"
        }
        let width = 920.0
        let height = 260.0
        let left = 70.0
        let right = 20.0
        let top = 14.0
        let bottom = 34.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        // The axis runs from 0 (or the lowest figure, if negative) to a round figure above the highest.
        let axisLow = min(0, low.tenThousandths)
        let axisHigh = max(axisLow + 10_000, Charts.niceCeiling(max(1, high.tenThousandths)))
        let span = axisHigh - axisLow
        /// Distance from the plot's top: the figure's share of the axis in integer basis points, then pixels.
        func y(_ value: Decimal4) -> Double {
            let offset = value.tenThousandths - axisLow
            let (scaled, overflow) = offset.multipliedReportingOverflow(by: 10_000)
            let basisPoints = overflow ? offset / max(1, span / 10_000) : scaled / span
            return top + plotH * (1 - Double(basisPoints) / 10_000)
        }
        let slot = months.count > 1 ? plotW / Double(months.count - 1) : 0
        func x(_ index: Int) -> Double { months.count > 1 ? left + slot * Double(index) : left + plotW / 2 }
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for step in 0...4 {
            let figure = Decimal4(tenThousandths: axisLow + span * Int64(step) / 4)
            let gy = y(figure)
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(gy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(gy))\" stroke=\"#e3e7ee\"/>"
            svg += text(left - 6, gy + 4, rounded(figure) + unit, anchor: "end", color: "#5d6678")
        }
        let labelEvery = max(1, months.count / 12)
        for (i, month) in months.enumerated() where i % labelEvery == 0 {
            svg += text(x(i), top + plotH + 18, month.iso, anchor: "middle", color: "#5d6678")
        }
        var legend = ""
        var cityIndex = 0
        // Cities first, the province last so that its line is drawn on top.
        for line in series.sorted(by: { !$0.isProvince && $1.isProvince }) {
            let color: String
            let dash: String
            let strokeWidth: String
            if line.isProvince {
                (color, dash, strokeWidth) = ("#1d2330", "", "3")
            } else {
                color = palette[cityIndex % palette.count]
                dash = cityIndex >= palette.count ? " stroke-dasharray=\"6 3\"" : ""
                strokeWidth = "1.6"
                cityIndex += 1
            }
            var run: [String] = []
            var marks = ""
            func flush() {
                if run.count > 1 {
                    svg +=
                        "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(strokeWidth)\"\(dash)/>"
                }
                run = []
            }
            for (i, month) in months.enumerated() {
                guard let value = line.points[month] ?? nil else {
                    flush()
                    continue
                }
                run.append("\(f(x(i))),\(f(y(value)))")
                marks +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"\(line.isProvince ? 3.5 : 2.5)\" fill=\"\(color)\"><title>\(HTMLText.escape(line.name)) \(month.iso)：\(value.description)\(HTMLText.escape(unit))</title></circle>"
            }
            flush()
            svg += marks
            legend +=
                "<span class=\"series\"><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"22\" y2=\"5\" stroke=\"\(color)\" stroke-width=\"\(strokeWidth)\"\(dash)/></svg> \(HTMLText.escape(line.name))</span> "
        }
        svg += "</svg>"
        return svg + "<div class=\"legend small\">\(legend)</div>"
    }

    /// An axis figure with at most two decimals.
    private static func rounded(_ value: Decimal4) -> String {
        let hundredths =
            value.tenThousandths >= 0 ? (value.tenThousandths + 50) / 100 : (value.tenThousandths - 50) / 100
        return Decimal4(tenThousandths: hundredths * 100).description
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, color: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"11\" fill=\"\(color)\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
    }

    private static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
