import Testing

@testable import FundColumns

@Suite("Byte key set")
struct ByteKeySetTests {
    @Test("holds many keys across growth; finds exactly those inserted")
    func manyKeys() {
        var set = ByteKeySet()
        for i in 0..<10_000 { set.insert("C\(i)") }
        set.insert("C17")  // a duplicate is not added twice
        #expect(set.count == 10_000)
        for probe in ["C0", "C9999", "C5000"] {
            #expect(Array(probe.utf8).withUnsafeBytes { set.contains($0) })
        }
        for probe in ["C10000", "C-1", "", "c1", "C00"] {
            #expect(!Array(probe.utf8).withUnsafeBytes { set.contains($0) })
        }
    }

    @Test("the empty string is a key like any other")
    func emptyKey() {
        var set = ByteKeySet()
        #expect(!Array("".utf8).withUnsafeBytes { set.contains($0) })
        set.insert("")
        #expect(Array("".utf8).withUnsafeBytes { set.contains($0) })
    }
}
