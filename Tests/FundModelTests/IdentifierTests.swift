import Testing

@testable import FundModel

@Suite("PersonID and RegionCode")
struct IdentifierTests {
    @Test("GB 11643 check character, including X")
    func checkCharacter() throws {
        // 11010519491231002X is the standard's worked example.
        let x = try #require(PersonID("11010519491231002X"))
        #expect(x.hasValidCheckCharacter)
        let lower = try #require(PersonID("11010519491231002x"))
        #expect(lower.raw == "11010519491231002X")
        #expect(lower.hasValidCheckCharacter)
        #expect(PersonID("110105194912310021")!.hasValidCheckCharacter == false)
        #expect(PersonID("440524188001010014")!.hasValidCheckCharacter)
        #expect(PersonID.withCheckCharacter("11010519491231002")?.raw == "11010519491231002X")
        #expect(x.embeddedBirthDate?.iso == "1949-12-31")
        #expect(x.masked == "110105********002X")
    }

    @Test("rejects ids of the wrong shape")
    func shape() {
        for text in ["1101051949123100", "11010519491231002XX", "1101051949123100AX", "11010519491231002Y", ""] {
            #expect(PersonID(text) == nil, "\(text)")
            #expect(Array(text.utf8).withUnsafeBytes { PersonID(utf8: $0) } == nil, "\(text)")
        }
        // A substring and an 18-character id with a multi-byte character (18 characters, more bytes).
        #expect(PersonID("ID 11010519491231002X".dropFirst(3))?.raw == "11010519491231002X")
        #expect(PersonID("1101051949123100２X") == nil)
    }

    @Test("from a cell's bytes: the same ids as from text, lower-case x stored as X")
    func fromBytes() {
        for text in ["11010519491231002X", "11010519491231002x", "440524188001010014", "110105194912310021"] {
            let fromBytes = Array(text.utf8).withUnsafeBytes { PersonID(utf8: $0) }
            #expect(fromBytes == PersonID(text))
            #expect(fromBytes?.raw == text.uppercased())
        }
    }

    @Test("region levels and parents from the code")
    func regions() throws {
        let county = try #require(RegionCode("330106"))
        #expect(county.impliedLevel == .county)
        #expect(county.city.raw == "330100")
        #expect(county.province.raw == "330000")
        #expect(RegionCode("330100")!.impliedLevel == .city)
        #expect(RegionCode("330000")!.impliedLevel == .province)
        #expect(RegionCode("330000")!.city.raw == "330000")
        #expect(RegionCode("33010") == nil)
        #expect(RegionCode("33010A") == nil)
        #expect(RegionCode.national.isNational)
    }

    @Test("exact decimals for parameters")
    func decimals() {
        #expect(Decimal4("12")?.tenThousandths == 120_000)
        #expect(Decimal4("12.5")?.description == "12.5")
        #expect(Decimal4("-0.0325")?.tenThousandths == -325)
        #expect(Decimal4("1.00001") == nil)
        #expect(Decimal4("abc") == nil)
        #expect(Decimal4("8123.45")?.money == Money(fen: 812_345))
    }
}
