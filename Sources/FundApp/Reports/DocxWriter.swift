import Foundation
import FundModel
import ZIPFoundation

/// Writes a `ReportDocument` as a Word document (.docx, Office Open XML: WordprocessingML in a ZIP archive),
/// what the ministry receives.
///
/// Only the parts Word needs: the content types, the package relationship, the document and its styles (a
/// title, two heading levels, a bordered table, 宋体 for Chinese). Headings use Word's built-in heading styles,
/// so the document has an outline and a table of contents can be inserted in Word. Every text goes through
/// `escape`, so a name with `<` or `&` cannot break the XML.
public enum DocxWriter {
    /// The .docx bytes.
    public static func data(_ document: ReportDocument) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(document) {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw DocxWriterError.noArchiveData }
        return data
    }

    /// The archive's parts by path, in the order Word expects ([Content_Types].xml first).
    static func parts(_ document: ReportDocument) -> [(String, String)] {
        [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships), ("word/styles.xml", styles),
            ("word/document.xml", body(document)),
        ]
    }

    static func body(_ document: ReportDocument) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            """
        xml += paragraph(document.title, style: "Title")
        for line in document.preamble { xml += paragraph(line, style: "Preamble") }
        for section in document.sections {
            xml += paragraph(section.heading, style: "Heading1")
            for block in section.blocks {
                switch block {
                case .paragraph(let text): xml += paragraph(text)
                case .bullets(let lines): for line in lines { xml += paragraph("· " + line, style: "ListLine") }
                case .table(let table): xml += self.table(table)
                }
            }
            xml += paragraph("数据来源：" + section.source, style: "Source")
        }
        // A4 portrait, 2.5 cm margins (in twentieths of a point).
        xml += """
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/>\
            </w:sectPr></w:body></w:document>
            """
        return xml
    }

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(properties)<w:r>\(run)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    static func table(_ table: ReportDocument.Table) -> String {
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr>"
        xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        for head in table.head { xml += cell(head, bold: true, right: false) }
        xml += "</w:tr>"
        for (index, row) in table.rows.enumerated() {
            let total = table.totalRows.contains(index)
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for value in row { xml += cell(value.text, bold: total, right: value.isNumber) }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func cell(_ text: String, bold: Bool, right: Bool) -> String {
        let alignment = right ? "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" : ""
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return
            "<w:tc><w:p>\(alignment)<w:r>\(run)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p></w:tc>"
    }

    /// XML text (`XMLText`, shared with the .xlsx writer).
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// 宋体 10.5 pt body (五号), 黑体 headings, 小标宋-like bold title; a table style with single borders.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>\
        <w:sz w:val="21"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/></w:pPr>\
        <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Preamble"><w:name w:val="Preamble"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>\
        <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListLine"><w:name w:val="List Line"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:left="420"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:before="80" w:after="200"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/></w:rPr></w:style>\
        <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/>\
        <w:rPr><w:sz w:val="18"/></w:rPr><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        </w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}

/// Why a document could not be written.
public enum DocxWriterError: Error, Sendable {
    /// ZIPFoundation gave no bytes for an archive made in memory.
    case noArchiveData
}
