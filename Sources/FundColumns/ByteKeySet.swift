#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hash set of byte strings (ids), probed with a cell's bytes without building a String.
///
/// The importer checks every payment's case, worker, institution, dependant
/// and region against the keys of those tables; with a million payments
/// that is five million probes, which a B-tree lookup per probe in SQL turns
/// into seconds. The screening loader and `IDTable` intern ids with it:
/// Swift's `Dictionary<String, _>` hashes every id with SipHash, which was
/// the largest single cost of building a snapshot of ten million payments.
/// Keys live in one byte arena, numbered in insertion order; the table is
/// open-addressed with linear probing. A slot holds the key's number and the
/// upper half of its hash, so a probe compares hashes without reading another
/// array (at ten million probes into a table of a million keys, every array
/// touched is a cache miss) and compares bytes only on a likely match.
public struct ByteKeySet: Sendable {
    @usableFromInline var arena: [UInt8] = []
    @usableFromInline var starts: [Int] = [0]
    @usableFromInline var hashes: [UInt64] = []
    /// Slot → upper 32 bits of the hash << 32 | key number + 1 (0: empty).
    @usableFromInline var slots: [UInt64]
    @usableFromInline var mask: Int

    public init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct keys.
    @inlinable public var count: Int { hashes.count }

    /// A 64-bit hash, eight bytes at a time (ids are 6–32 bytes).
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// Adds the key if it is new; returns its number (0, 1, 2, … in insertion order).
    @inlinable @discardableResult
    public mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Int {
        insert(bytes, hash: Self.hash(bytes)).key
    }

    /// Adds the key if it is new: its number, and whether it was added.
    @inlinable
    public mutating func insertReportingNew(_ bytes: UnsafeRawBufferPointer) -> (key: Int, added: Bool) {
        insert(bytes, hash: Self.hash(bytes))
    }

    @inlinable
    mutating func insert(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (key: Int, added: Bool) {
        if let key = index(of: bytes, hash: h) { return (key, false) }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        place(key: hashes.count - 1, hash: h)
        return (hashes.count - 1, true)
    }

    @discardableResult
    public mutating func insert(_ string: String) -> Int {
        var s = string
        return s.withUTF8 { insert(UnsafeRawBufferPointer($0)) }
    }

    /// Adds every key of `other`.
    public mutating func formUnion(_ other: ByteKeySet) {
        other.arena.withUnsafeBytes { a in
            for key in 0..<other.count {
                insert(UnsafeRawBufferPointer(rebasing: a[other.starts[key]..<other.starts[key + 1]]))
            }
        }
    }

    /// Makes room for `capacity` keys without growing on the way.
    public mutating func reserveCapacity(_ capacity: Int) {
        guard capacity * 2 > slots.count else { return }
        var size = slots.count
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for key in 0..<hashes.count { place(key: key, hash: hashes[key]) }
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    @inlinable @inline(__always)
    public func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        index(of: bytes, hash: Self.hash(bytes)) != nil
    }

    /// The number of the key, if present.
    @inlinable @inline(__always)
    public func index(of bytes: UnsafeRawBufferPointer) -> Int? {
        index(of: bytes, hash: Self.hash(bytes))
    }

    /// The bytes of key number `key`, for the duration of `body`.
    @inlinable
    public func withKey<R>(_ key: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { a in try body(UnsafeRawBufferPointer(rebasing: a[starts[key]..<starts[key + 1]])) }
    }

    @inlinable @inline(__always)
    func index(of bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let tag = h >> 32
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let key = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if entry >> 32 == tag, equals(key, bytes) { return key }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable @inline(__always)
    func equals(_ key: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[key]
        let count = starts[key + 1] - start
        guard count == bytes.count else { return false }
        guard count > 0 else { return true }
        return arena.withUnsafeBytes { a in memcmp(a.baseAddress! + start, bytes.baseAddress!, count) == 0 }
    }

    @usableFromInline
    mutating func place(key: Int, hash h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (h >> 32) << 32 | UInt64(key + 1)
    }

    @usableFromInline
    mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for key in 0..<hashes.count { place(key: key, hash: hashes[key]) }
    }
}
