import FundColumns
import FundModel
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads payments straight from SQLite's cells into a `PaymentTable`.
///
/// No `Payment` and no `String` per row: text cells are interned from
/// SQLite's own buffer (`TextColumn.append(bytes:)`), so a worker id seen
/// for the ten-thousandth time costs a hash probe, and each distinct value is
/// validated once, when it first enters its dictionary. A row range lets
/// several connections read parts of the table at the same time.
enum PaymentTableLoader {
    /// The payments with `rowid` in `range` (all of them when `nil`), in rowid order.
    static func load(_ db: Database, rowids range: ClosedRange<Int64>? = nil, expectedRows: Int = 0) throws
        -> PaymentTable
    {
        var sql = "SELECT \(Payment.columns) FROM payments"
        if range != nil { sql += " WHERE rowid BETWEEN ?1 AND ?2" }
        sql += " ORDER BY rowid"
        let statement = try RawStatement(db, sql: sql)
        if let range {
            statement.bindInt(1, range.lowerBound)
            statement.bindInt(2, range.upperBound)
        }
        defer { statement.reset() }
        var table = PaymentTable()
        table.reserveCapacity(expectedRows)
        while try statement.step() {
            table.caseID.append(bytes: statement.optionalBytes(1))
            if table.worker.append(bytes: statement.optionalBytes(2)) {
                try validateLast(table.worker, "worker_id") { PersonID($0) != nil }
            }
            table.item.append(bytes: statement.optionalBytes(3))
            table.institution.append(bytes: statement.optionalBytes(8))
            table.invoice.append(bytes: statement.optionalBytes(9))
            table.account.append(bytes: statement.optionalBytes(11))
            if table.dependent.append(bytes: statement.optionalBytes(12)) {
                try validateLast(table.dependent, "dependent_id") { PersonID($0) != nil }
            }
            if table.region.append(bytes: statement.optionalBytes(13)) {
                try validateLast(table.region, "region_code") { RegionCode($0) != nil }
            }
            let channel = try channelCode(statement.optionalBytes(10))
            let advance: UInt8 = statement.int(14) != 0 ? 1 : 0
            table.appendScalars(
                paymentID: statement.text(0), amount: statement.int(4),
                paidDate: Int32(truncatingIfNeeded: statement.int(5)),
                periodStart: statement.optionalInt(6).map { Int32(truncatingIfNeeded: $0) } ?? Day.noneOrdinal,
                periodEnd: statement.optionalInt(7).map { Int32(truncatingIfNeeded: $0) } ?? Day.noneOrdinal,
                flags: advance | channel << 1)
        }
        return table
    }

    /// Checks the value that a row has just added to a column's dictionary.
    private static func validateLast(_ column: TextColumn, _ name: String, _ isValid: (String) -> Bool) throws {
        let value = column.dictionary.names[column.dictionary.count - 1]
        guard isValid(value) else { throw StoreError(table: "payments", column: name, value: value) }
    }

    /// `PaymentTable.channelCode` of a `channel` cell, read without building a string.
    private static func channelCode(_ bytes: UnsafeRawBufferPointer?) throws -> UInt8 {
        guard let bytes, bytes.count > 0 else { return 0 }
        for (code, spelling) in channelSpellings where spelling.count == bytes.count {
            if spelling.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return code
            }
        }
        throw StoreError(table: "payments", column: "channel", value: String(decoding: bytes, as: UTF8.self))
    }

    /// Each channel's code and its bytes in the store (compared with `memcmp`: iterating a
    /// `String.UTF8View` per row was a twentieth of the load).
    private static let channelSpellings: [(UInt8, [UInt8])] = [Channel.direct, .reimbursement, .bank].map {
        (PaymentTable.channelCode($0), Array($0.rawValue.utf8))
    }
}
