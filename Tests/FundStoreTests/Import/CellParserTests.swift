import FundModel
import Testing

@testable import FundStore

/// Runs `body` on the UTF-8 bytes of `text`.
private func withBytes<T>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    try Array(text.utf8).withUnsafeBytes(body)
}

/// The importer's byte-level parsers must accept and reject exactly what FundModel's String parsers do.
@Suite("Cell parsers match FundModel")
struct CellParserTests {
    static let moneyInputs = [
        "1234", "1234.5", "1234.50", "-20.00", "+3", "0", "0.01", ".5", "5.", "-.5", "1.234", "1e3", "1,234", "",
        "-", ".", "1..2", " 12", "12 ", "10000000000000", "10000000000001", "99999999999999999999", "--1", "+-1",
        "0.00", "-0.10",
    ]

    @Test("money: same value or same error as Money(yuan:)", arguments: moneyInputs)
    func money(_ input: String) {
        let expected = Result { () throws(MoneyParseError) in try Money(yuan: input) }
        let actual = withBytes(input) { b in Result { () throws(MoneyParseError) in try CellParser.money(b) } }
        #expect(actual == expected)
    }

    @Test("hand-computed money values")
    func moneyValues() throws {
        #expect(try withBytes("1234.5") { try CellParser.money($0) } == Money(fen: 123_450))
        #expect(try withBytes("-20.00") { try CellParser.money($0) } == Money(fen: -2_000))
        #expect(try withBytes("0.07") { try CellParser.money($0) } == Money(fen: 7))
    }

    static let dayInputs = [
        "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-01", "24-04-01",
        "2024/04/01", "2024-04-01 ", "0000-01-01", "9999-12-31", "1970-01-01", "abcd-ef-gh",
    ]

    @Test("days: same as Day(iso:)", arguments: dayInputs)
    func day(_ input: String) {
        #expect(withBytes(input) { CellParser.day($0) } == Day(iso: input))
    }

    @Test(
        "months: same as YearMonth(iso:)",
        arguments: ["2024-02", "2024-13", "2024-00", "2024-2", "202402", "2024-02-01"])
    func month(_ input: String) {
        #expect(withBytes(input) { CellParser.month($0) } == YearMonth(iso: input))
    }

    @Test(
        "person ids: same shape rule as PersonID(_:)",
        arguments: [
            "11010519491231002X", "11010519491231002x", "110101199001011230", "11010119900101123",
            "1101011990010112370", "11010119900101123A", "1101011990010112X7", "",
        ])
    func personID(_ input: String) {
        #expect(withBytes(input) { CellParser.isPersonID($0) } == (PersonID(input) != nil))
    }

    @Test("region codes: same as RegionCode(_:)", arguments: ["110100", "000000", "11010", "1101000", "11010a"])
    func regionCode(_ input: String) {
        #expect(withBytes(input) { CellParser.isRegionCode($0) } == (RegionCode(input) != nil))
    }

    @Test("booleans: true/false in any case, 1/0, nothing else")
    func bool() {
        #expect(withBytes("true") { CellParser.bool($0) } == true)
        #expect(withBytes("TRUE") { CellParser.bool($0) } == true)
        #expect(withBytes("False") { CellParser.bool($0) } == false)
        #expect(withBytes("1") { CellParser.bool($0) } == true)
        #expect(withBytes("0") { CellParser.bool($0) } == false)
        #expect(withBytes("yes") { CellParser.bool($0) } == nil)
        #expect(withBytes("2") { CellParser.bool($0) } == nil)
        #expect(withBytes("truex") { CellParser.bool($0) } == nil)
    }

    @Test("integers")
    func integer() {
        #expect(withBytes("7") { CellParser.integer($0) } == 7)
        #expect(withBytes("-12") { CellParser.integer($0) } == -12)
        #expect(withBytes("2024") { CellParser.integer($0) } == 2024)
        #expect(withBytes("3.0") { CellParser.integer($0) } == nil)
        #expect(withBytes("-") { CellParser.integer($0) } == nil)
        #expect(withBytes("1234567890") { CellParser.integer($0) } == nil)
    }

    @Test("UTF-8 validity: Chinese text passes, GBK bytes do not")
    func utf8() {
        #expect(withBytes("某某市") { CellParser.isValidUTF8($0) })
        // 甲市 in GBK is BC D7 CA D0: BC cannot start a UTF-8 sequence.
        #expect(![UInt8]([0xBC, 0xD7, 0xCA, 0xD0]).withUnsafeBytes { CellParser.isValidUTF8($0) })
        // Some GBK text happens to be valid UTF-8 (某 is C4 B3, read as U+0133): it cannot be caught.
        #expect([UInt8]([0xC4, 0xB3]).withUnsafeBytes { CellParser.isValidUTF8($0) })
    }
}
