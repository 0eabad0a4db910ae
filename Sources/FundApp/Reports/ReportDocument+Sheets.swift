import FundStore

extension ReportDocument {
    /// The document's tables as workbook sheets (the .xlsx of the year-end report): a sheet per table, named by
    /// the table; money as numbers with two decimals, counts as integers, the rest as text.
    public var sheets: [ExportSheet] {
        tables.map { table in
            ExportSheet(
                title: table.name, headers: table.head,
                rows: table.rows.map { row in
                    row.map { cell in
                        switch cell {
                        case .text(let text), .link(let text, _): .text(text)
                        case .money(let money): .money(money)
                        case .count(let count): .integer(Int64(count))
                        }
                    }
                })
        }
    }
}
