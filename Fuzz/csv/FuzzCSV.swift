// libFuzzer target (issue 11): the CSV reader and the cell parsers of the importer, on arbitrary bytes.
//
// Built by run.sh with `swiftc -sanitize=fuzzer,address` together with the sources it exercises (FundModel,
// FundStore's CSVBytes, CSVReader and CellParser, their `import FundModel` lines dropped so that they form
// one module). Every record of the input is read, and every field goes through every cell parser: nothing
// may crash, read out of bounds or loop; the parsers' answers are checked against each other where they
// must agree.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = CSVReader(CSVBytes(UnsafeBufferPointer(start: data, count: size)))
    var records = 0
    do {
        while try reader.next() {
            records += 1
            precondition(reader.bytesRead <= reader.byteCount, "the reader read past the end")
            for index in 0..<reader.fieldCount {
                let cell = reader.field(index)
                _ = CellParser.day(cell)
                _ = CellParser.month(cell)
                _ = try? CellParser.money(cell)
                _ = CellParser.integer(cell)
                _ = CellParser.bool(cell)
                _ = CellParser.isRegionCode(cell)
                if CellParser.isValidUTF8(cell) {
                    let text = String(decoding: cell, as: UTF8.self)
                    // A day the byte parser accepts is one the text parser accepts, and the same day.
                    if let day = CellParser.day(cell) { precondition(Day(iso: text) == day, "day parsers disagree") }
                    _ = Decimal4(text)
                    if CellParser.isPersonID(cell) { _ = PersonID(text)?.hasValidCheckCharacter }
                }
            }
            if records > 100_000 { break }
        }
    } catch {
        // A malformed file is an error the importer reports with its line: fine.
        _ = String(describing: error)
    }
    return 0
}
