import Testing

@testable import FundModel

@Suite("Money: whole fen, exact parsing")
struct MoneyTests {
    @Test(
        "parses yuan with zero, one or two decimals",
        arguments: [
            ("1234.5", Int64(123_450)), ("1234.50", 123_450), ("1234", 123_400), ("-20.00", -2_000), ("0.01", 1),
            ("+3", 300), (".5", 50), ("0", 0),
        ])
    func parses(text: String, fen: Int64) throws {
        #expect(try Money(yuan: text).fen == fen)
    }

    @Test("rejects malformed amounts and says why")
    func rejects() {
        #expect(throws: MoneyParseError.tooManyDecimals) { try Money(yuan: "1.005") }
        #expect(throws: MoneyParseError.malformed) { try Money(yuan: "1,000.00") }
        #expect(throws: MoneyParseError.malformed) { try Money(yuan: "1e3") }
        #expect(throws: MoneyParseError.malformed) { try Money(yuan: "12.3.4") }
        #expect(throws: MoneyParseError.malformed) { try Money(yuan: "-") }
        #expect(throws: MoneyParseError.empty) { try Money(yuan: "") }
        #expect(throws: MoneyParseError.outOfRange) { try Money(yuan: "99999999999999999999") }
    }

    @Test("formats back with two decimals")
    func formats() {
        #expect(Money(fen: 123_450).yuanString == "1234.50")
        #expect(Money(fen: -2_000).yuanString == "-20.00")
        #expect(Money(fen: 5).yuanString == "0.05")
        #expect(Money(fen: -5).yuanString == "-0.05")
        #expect(Money(fen: 0).yuanString == "0.00")
    }

    @Test("scales with rounding half up, away from zero")
    func scales() {
        #expect(Money(fen: 5).scaled(by: 1, over: 2).fen == 3)  // 2.5 → 3
        #expect(Money(fen: 4).scaled(by: 1, over: 3).fen == 1)  // 1.33 → 1
        #expect(Money(fen: 5).scaled(by: 1, over: 3).fen == 2)  // 1.67 → 2
        #expect(Money(fen: -5).scaled(by: 1, over: 2).fen == -3)
        #expect(Money(yuan: 5000).scaled(by: 90, over: 100) == Money(yuan: 4500))
        #expect(Money(fen: 333_333).scaled(by: 27, over: 1).fen == 8_999_991)
    }
}
