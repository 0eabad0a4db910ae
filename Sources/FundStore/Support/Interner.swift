import FundColumns
import FundModel

/// Hands out one shared value per distinct byte string.
///
/// Loading ten million payments means ten million worker ids, case ids and
/// region codes, but only as many distinct ones as there are workers, cases
/// and regions. Interning builds (and validates) each distinct value once and
/// shares its storage: fewer allocations while loading, far less memory in
/// the data set. Only for repetitive columns: a unique column (payment id)
/// would just fill the table.
final class Interner<Value> {
    // One reader's thread only: no run-time exclusivity checks on every probe.
    @exclusivity(unchecked) private var keys = ByteKeySet()
    @exclusivity(unchecked) private var values: [Value] = []

    @inline(__always)
    func value(_ bytes: UnsafeRawBufferPointer, make: (UnsafeRawBufferPointer) throws -> Value) rethrows -> Value {
        if let key = keys.index(of: bytes) { return values[key] }
        let value = try make(bytes)
        keys.insert(bytes)
        values.append(value)
        return value
    }
}
