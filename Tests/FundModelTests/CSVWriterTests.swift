import Testing

@testable import FundModel

@Suite("CSVWriter: RFC 4180 quoting")
struct CSVWriterTests {
    @Test("quotes only the cells that need it")
    func quoting() {
        var w = CSVWriter(header: ["id", "detail"])
        w.append(row: ["P1", "plain"])
        w.append(row: ["P2", "a, b"])
        w.append(row: ["P3", "say \"hi\""])
        w.append(row: ["P4", "two\nlines"])
        w.append(row: ["P5", ""])
        #expect(w.text == "id,detail\nP1,plain\nP2,\"a, b\"\nP3,\"say \"\"hi\"\"\"\nP4,\"two\nlines\"\nP5,\n")
    }
}
