/// A hash set of byte strings (ids), probed with a cell's bytes without building a String.
///
/// The importer checks every payment's case, worker, institution, dependant
/// and region against the keys of those tables; with a million payments
/// that is five million probes, which a B-tree lookup per probe in SQL turns
/// into seconds. Keys live in one byte arena; the table is open-addressed
/// with linear probing and keeps each key's hash to skip most comparisons.
struct ByteKeySet {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var hashes: [UInt64] = []
    /// Slot → key number + 1 (0: empty).
    private var slots: [Int32]
    private var mask: Int

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        starts.append(0)
    }

    var count: Int { hashes.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    mutating func insert(_ bytes: UnsafeRawBufferPointer) {
        let h = Self.hash(bytes)
        if find(bytes, hash: h) != nil { return }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        place(key: hashes.count - 1, hash: h)
    }

    mutating func insert(_ string: String) {
        var s = string
        s.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        find(bytes, hash: Self.hash(bytes)) != nil
    }

    @inline(__always)
    private func find(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let key = entry - 1
            if hashes[key] == h, equals(key, bytes) { return key }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equals(_ key: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[key]
        let count = starts[key + 1] - start
        guard count == bytes.count else { return false }
        return arena.withUnsafeBytes { a in
            for i in 0..<count where a[start + i] != bytes[i] { return false }
            return true
        }
    }

    private mutating func place(key: Int, hash h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(key + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for key in 0..<hashes.count { place(key: key, hash: hashes[key]) }
    }
}
