/// Interns the string ids of one kind of record (workers, cases, institutions, …) as dense `Int32`s.
///
/// The screening hot loops compare and index integers, never strings: a
/// payment's worker, case and institution become small integers once, when
/// the snapshot is built, and every index is an array addressed by them.
/// `Int32` halves the memory of the columns against `Int` and is ample for
/// ten million payments.
public struct IDTable: Sendable {
    /// The id strings, by their integer.
    public private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    public init(reservingCapacity capacity: Int) {
        names.reserveCapacity(capacity)
        ids.reserveCapacity(capacity)
    }

    /// How many distinct ids are interned.
    public var count: Int { names.count }

    /// The integer of an id, or `nil` if the snapshot never saw it.
    @inlinable
    public func id(_ name: String) -> Int32? { lookup(name) }

    @usableFromInline
    func lookup(_ name: String) -> Int32? { ids[name] }

    /// The integer of an id, or -1 if the snapshot never saw it (for columns, where -1 means "none").
    public func idOrNone(_ name: String?) -> Int32 {
        guard let name else { return -1 }
        return ids[name] ?? -1
    }

    /// The id string of an integer.
    public func name(_ id: Int32) -> String { names[Int(id)] }

    /// The integer of `name`, adding it if new.
    @discardableResult
    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    /// Like `intern`, but `nil` and the empty string give -1 ("none").
    public mutating func internOptional(_ name: String?) -> Int32 {
        guard let name, !name.isEmpty else { return -1 }
        return intern(name)
    }
}
