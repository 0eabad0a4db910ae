import Dispatch
import FundModel

extension PaymentTable {
    /// The rows of `parts` one after the other: the parallel loader's ranges made one table.
    ///
    /// The first part's dictionaries are the base (its codes need no recoding); each text column of
    /// the others is carried over to them (`TextColumn.append(contentsOf:)`). Every column is joined
    /// by a task of its own: ten million rows in eight coded columns took two seconds one at a time.
    public init(joining parts: [PaymentTable]) {
        guard var base = parts.first else {
            self.init()
            return
        }
        let rest = parts.dropFirst()
        guard !rest.isEmpty else {
            self = base
            return
        }
        let rows = parts.reduce(0) { $0 + $1.count }
        // Each slot owns its column alone, so that appending to it never copies what is there.
        let textColumns = Self.textColumns
        let slots = textColumns.map { path in
            defer { base[keyPath: path] = TextColumn() }
            return JoinSlot(base[keyPath: path])
        }
        let scalars = JoinSlot(base)
        base = PaymentTable()
        DispatchQueue.concurrentPerform(iterations: textColumns.count + 1) { task in
            if task < textColumns.count {
                let path = textColumns[task]
                slots[task].update { column in
                    column.reserveCapacity(
                        rows,
                        distinct: column.dictionary.count + rest.reduce(0) { $0 + $1[keyPath: path].dictionary.count })
                    for part in rest { column.append(contentsOf: part[keyPath: path]) }
                }
            } else {
                scalars.update { table in
                    table.reserveScalarCapacity(rows)
                    for part in rest { table.appendScalars(of: part) }
                }
            }
        }
        base = scalars.take()
        for (task, path) in textColumns.enumerated() { base[keyPath: path] = slots[task].take() }
        self = base
    }
}

/// Where one task of `PaymentTable(joining:)` leaves its column; read after `concurrentPerform` returns.
///
/// `@unchecked Sendable` is sound because each slot has one writer, which finishes before
/// `concurrentPerform` returns, and is read only after that.
private final class JoinSlot<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    /// Changes the value in place (it is moved out while `body` runs, so it stays uniquely referenced).
    func update(_ body: (inout Value) -> Void) {
        var moved = take()
        body(&moved)
        value = moved
    }

    func take() -> Value {
        guard let moved = value else { preconditionFailure("the joined column was taken twice") }
        value = nil
        return moved
    }
}
