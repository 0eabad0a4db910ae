import Testing

@testable import FundModel

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

    @Test("keys of every length up to 33 bytes that differ in one byte are told apart, wherever it is")
    func oneByteApart() {
        for length in 1...33 {
            let key = (0..<length).map { UInt8(65 + $0 % 26) }
            var set = ByteKeySet()
            key.withUnsafeBytes { _ = set.insert($0) }
            #expect(key.withUnsafeBytes { set.contains($0) })
            for position in 0..<length {
                var other = key
                other[position] ^= 0x20
                #expect(!other.withUnsafeBytes { set.contains($0) }, "length \(length), byte \(position)")
                #expect(other.withUnsafeBytes { set.index(of: $0) } == nil)
                // The comparison itself (a probe only reaches it when the hash tags agree).
                let same = key.withUnsafeBytes { a in
                    other.withUnsafeBytes { b in ByteKeySet.sameBytes(a.baseAddress!, b.baseAddress!, length) }
                }
                #expect(!same, "length \(length), byte \(position)")
            }
            #expect(!Array(key.dropLast()).withUnsafeBytes { set.contains($0) })
            let copy = Array(key)
            #expect(
                key.withUnsafeBytes { a in
                    copy.withUnsafeBytes { b in ByteKeySet.sameBytes(a.baseAddress!, b.baseAddress!, length) }
                })
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
