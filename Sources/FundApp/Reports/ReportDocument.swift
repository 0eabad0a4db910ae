import FundModel

/// A report as a document: numbered sections of paragraphs, lists and tables, each section with its source.
///
/// The one shape that the page (HTML), the .docx the ministry receives and the .xlsx of its tables are all
/// written from, so that the three never disagree on a figure or a heading. Cells keep their type (money,
/// counts) so that a spreadsheet gets numbers, not text.
public struct ReportDocument: Sendable {
    public var title: String
    /// Lines under the title: the basis, the addressee, the date drawn up.
    public var preamble: [String]
    public var sections: [Section]

    public init(title: String, preamble: [String], sections: [Section]) {
        self.title = title
        self.preamble = preamble
        self.sections = sections
    }

    public struct Section: Sendable {
        /// `一、基金收支及结余`.
        public var heading: String
        public var blocks: [Block]
        /// Where the section's figures come from (shown under it, in every format).
        public var source: String

        public init(heading: String, blocks: [Block], source: String) {
            self.heading = heading
            self.blocks = blocks
            self.source = source
        }
    }

    public enum Block: Sendable {
        case paragraph(String)
        case bullets([String])
        case table(Table)
    }

    public struct Table: Sendable {
        /// The sheet's name in the .xlsx (31 characters at most, unique in the document).
        public var name: String
        public var head: [String]
        public var rows: [[Cell]]
        /// Rows that are totals (bold).
        public var totalRows: Set<Int>

        public init(name: String, head: [String], rows: [[Cell]], totalRows: Set<Int> = []) {
            self.name = name
            self.head = head
            self.rows = rows
            self.totalRows = totalRows
        }
    }

    public enum Cell: Sendable, Hashable {
        case text(String)
        /// Shown as yuan with two decimals; a number in a spreadsheet.
        case money(Money)
        case count(Int)
        /// Text that the page links to the list it summarises (the .docx and .xlsx show the text).
        case link(String, href: String)

        /// The cell as the page and the .docx print it.
        public var text: String {
            switch self {
            case .text(let text), .link(let text, _): text
            case .money(let money): money.groupedYuanString
            case .count(let count): String(count)
            }
        }

        /// Whether it is a number (right-aligned).
        public var isNumber: Bool {
            switch self {
            case .text, .link: false
            case .money, .count: true
            }
        }

        /// The page's link, if any.
        public var href: String? {
            if case .link(_, let href) = self { return href }
            return nil
        }
    }

    /// Every table, in order (the sheets of the .xlsx).
    public var tables: [Table] {
        sections.flatMap { section in
            section.blocks.compactMap { block in
                if case .table(let table) = block { return table }
                return nil
            }
        }
    }
}
