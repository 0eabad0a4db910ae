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

@Suite("CSVWriter: cells a spreadsheet would take for a formula (issue 11)")
struct CSVFormulaTests {
    @Test(
        "a text cell starting with = + - @ tab or CR gets a leading quote",
        arguments: [
            ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("-", "'-"),
            ("-1e5", "'-1e5"),
            ("--1", "'--1"),
            ("-1.", "'-1."),
        ])
    func neutralised(cell: String, expected: String) {
        #expect(CSVWriter.neutralised(cell) == expected)
    }

    @Test(
        "numbers, negative amounts included, and ordinary text stay as they are",
        arguments: ["-1234.50", "+3", "-0.01", "1234.50", "0", "张三", "R05-payment-P1", "a=b", "", "6222***3445"])
    func untouched(cell: String) {
        #expect(CSVWriter.neutralised(cell) == cell)
    }

    @Test("only a formula-safe writer neutralises; quoting still applies after the quote mark")
    func writer() {
        var safe = CSVWriter(header: ["id", "amount", "detail"], formulaSafe: true)
        safe.append(row: ["=1+1", "-12.50", "=A1,B1"])
        #expect(safe.text == "id,amount,detail\n'=1+1,-12.50,\"'=A1,B1\"\n")
        var plain = CSVWriter(header: ["id", "amount"])
        plain.append(row: ["=1+1", "-12.50"])
        #expect(plain.text == "id,amount\n=1+1,-12.50\n")
    }
}
