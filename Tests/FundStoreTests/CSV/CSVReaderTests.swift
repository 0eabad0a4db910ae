import Testing

@testable import FundStore

/// Reads every record of `text` as (line, fields).
private func records(_ text: String) throws -> [(line: Int, fields: [String])] {
    try records(bytes: Array(text.utf8))
}

private func records(bytes: [UInt8]) throws -> [(line: Int, fields: [String])] {
    let reader = CSVReader(CSVBytes(bytes))
    var result: [(line: Int, fields: [String])] = []
    while try reader.next() { result.append((reader.line, reader.strings)) }
    return result
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("plain LF records, with the line each starts on")
    func plainRecords() throws {
        let r = try records("a,b,c\n1,2,3\n4,5,6\n")
        #expect(r.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
        #expect(r.map(\.line) == [1, 2, 3])
    }

    @Test("CRLF and a lone CR end records; the last record needs no line break")
    func lineEndings() throws {
        let r = try records("a,b\r\n1,2\r3,4\n5,6")
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(r.map(\.line) == [1, 2, 3, 4])
    }

    @Test("a UTF-8 byte order mark is skipped, not part of the first header name")
    func byteOrderMark() throws {
        let r = try records(bytes: [0xEF, 0xBB, 0xBF] + Array("code,name\n110000,省\n".utf8))
        #expect(r[0].fields == ["code", "name"])
        #expect(r[1].fields == ["110000", "省"])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; lines stay physical")
    func quotedFields() throws {
        let text = "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\r\nand three\"\n4,end\n"
        let r = try records(text)
        #expect(
            r.map(\.fields) == [
                ["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines\r\nand three"], ["4", "end"],
            ])
        // Record 3 starts on line 4 and spans lines 4–6; record 4 is on line 7.
        #expect(r.map(\.line) == [1, 2, 3, 4, 7])
    }

    @Test("empty fields, a trailing comma, and an empty quoted field")
    func emptyFields() throws {
        let r = try records("a,,c,\n,\"\",x\n")
        #expect(r[0].fields == ["a", "", "c", ""])
        #expect(r[1].fields == ["", "", "x"])
    }

    @Test("blank lines are skipped but counted")
    func blankLines() throws {
        let r = try records("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(r.map(\.line) == [1, 3, 5])
    }

    @Test("a quote inside an unquoted field is kept as it is")
    func strayQuote() throws {
        let r = try records("size,note\n5\",12\"\" screen\n")
        #expect(r[1].fields == ["5\"", "12\"\" screen"])
    }

    @Test("an unterminated quoted field is an error on the line where the record starts")
    func unterminatedQuote() throws {
        let reader = CSVReader(CSVBytes(text: "a,b\n1,2\n3,\"open\nstill open\n"))
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(throws: CSVError(line: 3, kind: .unterminatedQuotedField)) { try reader.next() }
    }

    @Test("text after a closing quote is an error; reading goes on at the next line")
    func textAfterClosingQuote() throws {
        let reader = CSVReader(CSVBytes(text: "a,b\n\"x\"y,2\n3,4\n"))
        #expect(try reader.next())
        #expect(throws: CSVError(line: 2, kind: .characterAfterClosingQuote(onLine: 2))) { try reader.next() }
        #expect(try reader.next())
        #expect(reader.strings == ["3", "4"])
        #expect(reader.line == 3)
        #expect(try !reader.next())
    }

    @Test("long fields with many doubled quotes grow the scratch buffer without corrupting earlier fields")
    func scratchGrowth() throws {
        let first = String(repeating: "ab\"\"", count: 300)  // 1 200 bytes quoted, 900 unescaped
        let second = String(repeating: "\"\"x", count: 200)
        let r = try records("\"\(first)\",\"\(second)\",plain\n")
        #expect(
            r[0].fields == [
                String(repeating: "ab\"", count: 300), String(repeating: "\"x", count: 200), "plain",
            ])
    }

    @Test("an empty input has no records; a header-only input has one")
    func emptyInput() throws {
        #expect(try records("").isEmpty)
        #expect(try records("a,b").map(\.fields) == [["a", "b"]])
    }

    @Test("multi-byte UTF-8 passes through untouched")
    func utf8() throws {
        let r = try records("名称,说明\n某某市,\"含,逗号的说明\"\n")
        #expect(r[1].fields == ["某某市", "含,逗号的说明"])
    }
}
