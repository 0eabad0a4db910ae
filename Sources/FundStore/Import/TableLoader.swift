import FundModel
import GRDB

/// Loads one CSV file into its table: header check, then every record parsed,
/// checked and kept column by column in a `RowBatch`, inserted 64 rows at a time.
///
/// This is the import's hot path: no String, array or dictionary is built per
/// row unless the row has a problem (or holds a list, or a lower-case `x` in a
/// person id). Cells are bound by pointer into the mapped file.
final class TableLoader {
    let spec: TableSpec
    let path: String
    let fileName: String
    private let state: ImportState

    /// Rows between two progress reports.
    static let progressInterval = 1 << 16

    init(spec: TableSpec, path: String, state: ImportState) {
        self.spec = spec
        self.path = path
        // The file's own name: `workers.csv`, or `workers.xlsx` for a workbook.
        self.fileName = path.hasSuffix(".xlsx") ? spec.table.rawValue + ".xlsx" : spec.table.fileName
        self.state = state
    }

    /// The file's text as UTF-8 CSV: an Excel workbook's first sheet (`XLSXSheetReader`), or the CSV's bytes,
    /// mapped, and decoded from GB18030 when they are not UTF-8 (`SourceText`). `nil`, with the issue
    /// reported, when the file cannot be read or decoded.
    func readBytes() -> CSVBytes? {
        if path.hasSuffix(".xlsx") {
            do {
                return CSVBytes(try XLSXSheetReader.csv(contentsOfFile: path))
            } catch {
                state.fileIssue(fileName, line: error.line, error.reason)
                return nil
            }
        }
        let bytes: CSVBytes
        do {
            bytes = try CSVBytes(contentsOfFile: path)
        } catch {
            state.fileIssue(fileName, "无法读取文件 cannot read the file: \(error.reason)")
            return nil
        }
        do {
            guard let decoded = try SourceText.utf8(bytes.buffer, encoding: state.options.encoding) else {
                return bytes
            }
            return CSVBytes(decoded)
        } catch {
            state.fileIssue(fileName, line: error.line, error.reason)
            return nil
        }
    }

    /// Reads the file; writes its rows unless the import has already failed.
    /// Returns `nil` when the file itself is unusable (reported in `state`).
    func load(into db: Database, rejectsDirectory: String, references: ReferenceChecker) throws -> FileImportSummary? {
        guard let bytes = readBytes() else { return nil }
        let reader = CSVReader(bytes)
        guard let header = readHeader(reader) else { return nil }

        let existingRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(spec.table.rawValue)") ?? 0
        let selfReferencing = spec.references.contains { $0.targets.contains { $0.table == spec.table } }
        let rowidBefore =
            selfReferencing ? try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(spec.table.rawValue)") ?? 0 : 0
        // Once the import has failed nothing is written, so there is nothing to check either.
        let checks =
            state.failed
            ? FileReferenceCheck(table: spec.table, keyField: -1, keyIsColumn: "", checks: [])
            : try references.begin(spec, fieldIndex: header.position)
        var rebuild: BulkIndexes?
        if !state.failed, BulkIndexes.worthRebuilding(fileBytes: bytes.buffer.count, existingRows: existingRows) {
            rebuild = try BulkIndexes.drop(on: spec.table, db)
        }
        var summary = FileImportSummary(
            table: spec.table, file: fileName, rowsRead: 0, rowsImported: 0, rowsReplaced: 0, rowsRejected: 0)
        let rejects =
            state.options.lenient
            ? RejectsWriter(path: rejectsDirectory + "/" + spec.table.rawValue + ".rejects.csv", header: header.names)
            : nil
        let batch = RowBatch(
            db: db, table: spec.table.rawValue, columnNames: spec.columns.map(\.name), file: bytes.buffer)
        try readRows(reader, header: header, batch: batch, rejects: rejects, checks: checks, summary: &summary)
        if !state.failed { try batch.flush() }
        if let rejects, rejects.isOpen {
            try rejects.close()
            state.rejectsFiles.append(rejects.path)
        }
        if let rebuild, !state.failed {
            state.report(
                ImportProgress(
                    phase: .indexing, table: spec.table, rows: summary.rowsRead, bytesRead: 0,
                    bytesTotal: 0))
            try rebuild.recreate(db)
        }
        if !state.failed {
            let rowsAfter = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(spec.table.rawValue)") ?? 0
            summary.rowsReplaced = summary.rowsImported - (rowsAfter - existingRows)
            state.unmatched += checks.results
            state.unmatched += try references.finish(spec, rowidBefore: rowidBefore)
        }
        return summary
    }

    /// The header's names, and for each column of the table the field index holding it (-1: absent).
    struct Header {
        var names: [String]
        /// Per column of the table, its field in the record (-1: absent).
        var fieldIndex: [Int]
        /// Per header name, its field.
        var position: [String: Int]
    }

    private func readHeader(_ reader: CSVReader) -> Header? {
        let hasHeader: Bool
        do {
            hasHeader = try reader.next()
        } catch {
            state.fileIssue(fileName, line: error.line, "表头格式错误 malformed header: \(error)")
            return nil
        }
        guard hasHeader else {
            state.fileIssue(fileName, "空文件，缺少表头 empty file: no header row")
            return nil
        }
        let names = reader.strings.map(Self.trimmed)
        var position: [String: Int] = [:]
        var usable = true
        for (index, name) in names.enumerated() {
            if position[name] != nil {
                state.fileIssue(fileName, line: reader.line, column: name, "列名重复 duplicate column")
                usable = false
            }
            position[name] = index
        }
        var fieldIndex = [Int](repeating: -1, count: spec.columns.count)
        var absent: [String] = []
        for (j, column) in spec.columns.enumerated() {
            if let index = position[column.name] {
                fieldIndex[j] = index
            } else if column.mustBeInHeader {
                state.fileIssue(fileName, line: reader.line, column: column.name, "缺少必需的列 missing required column")
                usable = false
            } else {
                absent.append(column.name)
            }
        }
        if !absent.isEmpty {
            let names = absent.joined(separator: ", ")
            state.warn("\(fileName): 缺少可选列 \(names)，按空值处理 optional column(s) absent, read as empty: \(names)")
        }
        let known = Set(spec.columns.map(\.name))
        for name in names where !known.contains(name) {
            state.warn("\(fileName): 未知列 \(name) 已忽略 unknown column \(name) ignored")
        }
        return usable ? Header(names: names, fieldIndex: fieldIndex, position: position) : nil
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    // MARK: The rows

    /// Why a row was refused: collected for the rejects file, reported as issues.
    private var rowReasons: [String] = []

    private func readRows(
        _ reader: CSVReader, header: Header, batch: RowBatch, rejects: RejectsWriter?,
        checks: FileReferenceCheck, summary: inout FileImportSummary
    ) throws {
        let checking = !checks.isEmpty
        state.report(
            ImportProgress(phase: .reading, table: spec.table, rows: 0, bytesRead: 0, bytesTotal: reader.byteCount))
        let plans = spec.columns.map(ColumnPlan.init)
        let fieldIndex = header.fieldIndex
        let fieldCount = header.names.count
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        var nextReport = Self.progressInterval
        // The header positions of each group of columns that go together (-1: not in the header).
        let togetherIndexes: [[Int]] = spec.together.map { names in
            names.map { name in header.position[name] ?? -1 }
        }
        while true {
            let more: Bool
            do {
                more = try reader.next()
            } catch {
                summary.rowsRead += 1
                rowReasons.removeAll(keepingCapacity: true)
                problem(line: error.line, column: nil, "CSV 格式错误 malformed record: \(error)")
                try refuse(line: error.line, reader: nil, rejects: rejects, summary: &summary)
                continue
            }
            guard more else { break }
            summary.rowsRead += 1
            if summary.rowsRead >= nextReport {
                nextReport += Self.progressInterval
                state.report(
                    ImportProgress(
                        phase: .reading, table: spec.table, rows: summary.rowsRead,
                        bytesRead: reader.bytesRead, bytesTotal: reader.byteCount))
            }
            if !rowReasons.isEmpty { rowReasons.removeAll(keepingCapacity: true) }
            guard reader.fieldCount == fieldCount else {
                problem(
                    line: reader.line, column: nil,
                    "字段数不符 expected \(fieldCount) fields (as in the header), found \(reader.fieldCount)")
                try refuse(line: reader.line, reader: reader, rejects: rejects, summary: &summary)
                continue
            }
            plans.withUnsafeBufferPointer { plans in
                fieldIndex.withUnsafeBufferPointer { fieldIndex in
                    for j in 0..<plans.count {
                        let index = fieldIndex[j]
                        let cell = index >= 0 ? reader.field(index) : empty
                        bind(cell, column: j, plan: plans[j], batch: batch, line: reader.line)
                    }
                }
            }
            for (g, group) in togetherIndexes.enumerated() {
                let filled = group.filter { $0 >= 0 && reader.field($0).count > 0 }.count
                if filled != 0 && filled != group.count {
                    problem(
                        line: reader.line, column: spec.together[g].joined(separator: "/"),
                        "须同时填写或同时留空 these columns go together: fill all or none")
                }
            }
            if !rowReasons.isEmpty {
                try refuse(line: reader.line, reader: reader, rejects: rejects, summary: &summary)
                continue
            }
            if !state.failed {
                try batch.commitRow()
                summary.rowsImported += 1
                if checking { checks.check(reader) }
            }
        }
        state.report(
            ImportProgress(
                phase: .reading, table: spec.table, rows: summary.rowsRead, bytesRead: reader.byteCount,
                bytesTotal: reader.byteCount))
    }

    /// A bad cell or record: an issue of the import (strict) or of the rejected row (lenient).
    private func problem(line: Int, column: String?, _ reason: String) {
        let issue = ImportIssue(file: fileName, line: line, column: column, reason: reason)
        rowReasons.append(column.map { "\($0): \(reason)" } ?? reason)
        if state.options.lenient {
            state.rejected.append(issue)
        } else {
            state.issues.append(issue)
        }
    }

    private func refuse(line: Int, reader: CSVReader?, rejects: RejectsWriter?, summary: inout FileImportSummary)
        throws
    {
        guard let rejects else { return }
        summary.rowsRejected += 1
        try rejects.write(line: line, reasons: rowReasons, fields: reader?.strings ?? [])
    }

    // MARK: Cells

    @inline(__always)
    private func bind(
        _ cell: UnsafeRawBufferPointer, column j: Int, plan: ColumnPlan, batch: RowBatch, line: Int
    ) {
        guard cell.count > 0 else {
            if plan.required || plan.listRequired {
                problem(line: line, column: spec.columns[j].name, "必填项为空 required value missing")
            } else if plan.kind == .bool {
                batch.setInt(j, 0)
            } else {
                batch.setNull(j)
            }
            return
        }
        switch plan.kind {
        case .text:
            guard CellParser.isValidUTF8(cell) else {
                return problem(
                    line: line, column: spec.columns[j].name,
                    "非 UTF-8 编码 not valid UTF-8 (save the file as UTF-8, or import it with --encoding gb18030)")
            }
            batch.setText(j, cell)
        case .personID:
            guard CellParser.isPersonID(cell) else {
                return bad(cell, line, j, "身份证号格式错误 not a citizen id (17 digits and a digit or X)")
            }
            if cell[17] == UInt8(ascii: "x") {
                withUnsafeTemporaryAllocation(byteCount: 18, alignment: 1) { copy in
                    copy.copyMemory(from: cell)
                    copy[17] = UInt8(ascii: "X")
                    batch.setOwnText(j, UnsafeRawBufferPointer(copy))
                }
            } else {
                batch.setText(j, cell)
            }
        case .regionCode:
            guard CellParser.isRegionCode(cell) else {
                return bad(cell, line, j, "行政区划代码格式错误 not a region code (6 digits)")
            }
            batch.setText(j, cell)
        case .day:
            guard let day = CellParser.day(cell) else {
                return bad(cell, line, j, "日期无效 not a date (YYYY-MM-DD)")
            }
            batch.setInt(j, Int64(day.ordinal))
        case .month:
            guard let month = CellParser.month(cell) else {
                return bad(cell, line, j, "月份无效 not a month (YYYY-MM)")
            }
            batch.setInt(j, Int64(month.index))
        case .money:
            do {
                batch.setInt(j, try CellParser.money(cell).fen)
            } catch {
                bad(cell, line, j, "金额无效 \(error)")
            }
        case .integer:
            guard let value = CellParser.integer(cell), value >= plan.lowerBound, value <= plan.upperBound else {
                return bad(cell, line, j, "整数无效 not a whole number in \(plan.lowerBound)–\(plan.upperBound)")
            }
            batch.setInt(j, Int64(value))
        case .bool:
            guard let value = CellParser.bool(cell) else {
                return bad(cell, line, j, "布尔值无效 not a boolean (true/false/1/0)")
            }
            batch.setInt(j, value ? 1 : 0)
        case .code:
            guard let codes = plan.codes, codes.contains(cell) else {
                return bad(cell, line, j, "代码无效 not one of: \(plan.codes?.listText ?? "")")
            }
            batch.setText(j, cell)
        case .decimal4:
            // The one text value of parameters.csv (rev. 2): `pooling` is `province` or `city`.
            let text = String(decoding: cell, as: UTF8.self)
            guard let value = Decimal4(text) ?? PoolingLevel(rawValue: text)?.storedValue else {
                return bad(
                    cell, line, j, "数值无效 not a decimal with at most four places (nor province/city for pooling)")
            }
            batch.setInt(j, value.tenThousandths)
        case .list:
            bindList(cell, column: j, plan: plan, batch: batch, line: line)
        }
    }

    private func bindList(
        _ cell: UnsafeRawBufferPointer, column j: Int, plan: ColumnPlan, batch: RowBatch, line: Int
    ) {
        guard CellParser.isValidUTF8(cell) else {
            return problem(line: line, column: spec.columns[j].name, "非 UTF-8 编码 not valid UTF-8")
        }
        let items = ListCell.items(String(decoding: cell, as: UTF8.self))
        if let allowed = plan.codes {
            for item in items where !allowed.codes.contains(Array(item.utf8)) {
                return bad(cell, line, j, "列表项无效 \"\(item)\" is not one of: \(allowed.listText)")
            }
        }
        if items.isEmpty {
            if plan.listRequired {
                problem(line: line, column: spec.columns[j].name, "必填项为空 required value missing")
            } else {
                batch.setNull(j)
            }
        } else {
            batch.setOwnText(j, items.joined(separator: ";"))
        }
    }

    /// A cell that does not read as its type; the message quotes it (shortened).
    private func bad(_ cell: UnsafeRawBufferPointer, _ line: Int, _ column: Int, _ reason: String) {
        var value = String(decoding: cell, as: UTF8.self)
        if value.count > 40 { value = String(value.prefix(40)) + "…" }
        problem(line: line, column: spec.columns[column].name, "\(reason): \"\(value)\"")
    }
}

/// A `;`-separated list cell (`experts`, `services`).
enum ListCell {
    /// The items, trimmed of spaces, empty ones dropped.
    static func items(_ text: String) -> [String] {
        text.split(separator: ";").map { item in
            var s = Substring(item)
            while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
            while let last = s.last, last == " " || last == "\t" { s.removeLast() }
            return String(s)
        }.filter { !$0.isEmpty }
    }
}
