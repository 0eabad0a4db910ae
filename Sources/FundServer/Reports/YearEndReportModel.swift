import FundApp
import FundModel

/// The year-end report as the page shows it: the report's `ReportDocument` (the same the .docx and .xlsx are
/// written from), with a chart over the first two sections, where people would rather look than read.
struct YearEndReportModel {
    struct Cell {
        var text: String
        var isNumber: Bool
        var href: String?
    }
    struct Row {
        var cells: [Cell]
        var isTotal: Bool
    }
    struct Table {
        var head: [String]
        var rows: [Row]
    }
    struct Block {
        var paragraph: String?
        var bullets: [String]?
        var table: Table?
    }
    struct Section {
        var heading: String
        var chart: String?
        var blocks: [Block]
        var source: String
    }

    var year: Int
    var previousYear: Int
    var nextYear: Int
    var title: String
    var preamble: [String]
    var sections: [Section]

    init(_ report: YearEndReport, document: ReportDocument) {
        year = report.year
        previousYear = report.year - 1
        nextYear = report.year + 1
        title = document.title
        preamble = document.preamble
        let charts = [
            Charts.bars(
                report.fund.cities.map {
                    Charts.Bar(
                        label: $0.region.name, value: Self.wholeYuan($0.expenditure), color: "#2b6cb0", href: nil)
                }, label: "各市基金支出（元）"),
            Charts.bars(
                report.spending.items.prefix(10).map {
                    Charts.Bar(label: $0.itemName, value: Self.wholeYuan($0.total), color: "#2f855a", href: nil)
                }, label: "按项目的待遇支出（元，前十项）"),
        ]
        sections = document.sections.enumerated().map { index, section in
            Section(
                heading: section.heading, chart: index < charts.count ? charts[index] : nil,
                blocks: section.blocks.map { block in
                    switch block {
                    case .paragraph(let text): Block(paragraph: text)
                    case .bullets(let lines): Block(bullets: lines)
                    case .table(let table):
                        Block(
                            table: Table(
                                head: table.head,
                                rows: table.rows.enumerated().map { index, row in
                                    Row(
                                        cells: row.map { Cell(text: $0.text, isNumber: $0.isNumber, href: $0.href) },
                                        isTotal: table.totalRows.contains(index))
                                }))
                    }
                }, source: section.source)
        }
    }

    /// Charts draw whole yuan (a negative year's net spending draws as nothing).
    static func wholeYuan(_ money: Money) -> Int { Int(max(0, money.fen / 100)) }
}
