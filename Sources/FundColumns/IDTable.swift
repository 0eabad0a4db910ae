import FundModel

/// Interns the string ids of one kind of record (workers, cases, institutions, …) as dense `Int32`s.
///
/// The screening hot loops compare and index integers, never strings: a
/// payment's worker, case and institution become small integers once, when
/// the data is loaded, and every index is an array addressed by them.
/// `Int32` halves the memory of the columns against `Int` and is ample for
/// ten million payments. The keys are hashed as bytes (`ByteKeySet`), so the
/// loader interns a cell straight from SQLite's buffer and builds a `String`
/// only for a value it has not seen before.
public struct IDTable: Sendable {
    /// The id strings, by their integer.
    public private(set) var names: [String] = []
    @usableFromInline var keys = ByteKeySet()

    public init() {}

    public init(reservingCapacity capacity: Int) { reserveCapacity(capacity) }

    /// Makes room for `capacity` ids without growing on the way.
    public mutating func reserveCapacity(_ capacity: Int) {
        names.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    /// How many distinct ids are interned.
    @inlinable public var count: Int { names.count }

    /// The integer of an id, or `nil` if the table never saw it.
    @inlinable
    public func id(_ name: String) -> Int32? {
        Self.withBytes(name) { keys.index(of: $0) }.map(Int32.init)
    }

    /// The integer of an id given as bytes, or `nil`.
    @inlinable
    public func id(bytes: UnsafeRawBufferPointer) -> Int32? { keys.index(of: bytes).map(Int32.init) }

    /// The integer of an id, or -1 if the table never saw it (for columns, where -1 means "none").
    @inlinable
    public func idOrNone(_ name: String?) -> Int32 {
        guard let name else { return -1 }
        return id(name) ?? -1
    }

    /// The id string of an integer.
    @inlinable
    public func name(_ id: Int32) -> String { names[Int(id)] }

    /// Whether id `id` is the given bytes (no hashing: for a loader that checks the previous row's value first).
    @inlinable
    public func matches(_ id: Int32, bytes: UnsafeRawBufferPointer) -> Bool { keys.equals(Int(id), bytes) }

    /// The integer of `name`, adding it if new.
    @discardableResult
    public mutating func intern(_ name: String) -> Int32 {
        let (key, added) = Self.withBytes(name) { keys.insertReportingNew($0) }
        if added { names.append(name) }
        return Int32(key)
    }

    /// The integer of an id given as bytes, adding it if new (the `String` is built only then).
    @discardableResult
    public mutating func intern(bytes: UnsafeRawBufferPointer) -> Int32 {
        let (key, added) = keys.insertReportingNew(bytes)
        if added { names.append(String(decoding: bytes, as: UTF8.self)) }
        return Int32(key)
    }

    /// Like `intern`, but `nil` and the empty string give -1 ("none").
    public mutating func internOptional(_ name: String?) -> Int32 {
        guard let name, !name.isEmpty else { return -1 }
        return intern(name)
    }

    /// For each id of `other`, its integer here (interning the new ones): the map that carries a column
    /// coded against `other` over to this table.
    public mutating func absorb(_ other: IDTable) -> [Int32] {
        var map = [Int32](repeating: -1, count: other.count)
        for key in 0..<other.count {
            let (id, added) = other.keys.withKey(key) { keys.insertReportingNew($0) }
            if added { names.append(other.names[key]) }
            map[key] = Int32(id)
        }
        return map
    }

    @inlinable
    static func withBytes<R>(_ name: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = name.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(name.utf8).withUnsafeBytes(body)
    }
}
