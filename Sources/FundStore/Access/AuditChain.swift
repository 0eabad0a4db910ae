import FundModel
import GRDB

/// The audit log's hash chain (issue 11): each entry's `hash` is SHA-256 over the previous entry's hash and
/// the entry's own stored fields, id included, so that editing, deleting or inserting a row anywhere breaks
/// every link from there on, and the first broken link names the row.
///
/// The triggers already refuse UPDATE and DELETE through SQL; the chain is for whoever bypasses them (an
/// insider with the database file who drops a trigger, or edits the file). It proves that the log is the
/// one the server wrote, not that nobody removed its *last* entries: `sqlite_sequence` tells that the
/// highest id ever given is higher than the last row's, which `verify` reports too, but someone who also
/// rewrites `sqlite_sequence` can cut the tail unseen. Keeping the last hash outside the database (e.g. the
/// backup's report, a daily line in the server log) is what closes that.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of an entry as stored: `SHA256(previous ‖ each field as "<byte count>:<bytes>")`.
    ///
    /// Fields in this order: id, at (the stored text), user id (empty when anonymous), user name, role,
    /// action, target type, target id, outcome, detail, remote address. The byte counts make the
    /// serialisation unambiguous whatever the fields contain.
    static func hash(previous: String, fields: [String]) -> String {
        var message = Array(previous.utf8)
        message.append(UInt8(ascii: "\n"))
        for field in fields {
            let bytes = Array(field.utf8)
            message.append(contentsOf: Array(String(bytes.count).utf8))
            message.append(UInt8(ascii: ":"))
            message.append(contentsOf: bytes)
            message.append(UInt8(ascii: "\n"))
        }
        return SHA256.hex(message)
    }

    /// The hashed fields of a stored row of `audit_log`.
    static func fields(_ row: Row) -> [String] {
        let userID: Int64? = row["user_id"]
        return [
            String(row["id"] as Int64), row["at"], userID.map(String.init) ?? "", row["user_name"], row["role"],
            row["action"], row["target_type"], row["target_id"], row["outcome"], row["detail"],
            row["remote_address"],
        ]
    }

    /// The hash of the last entry (the genesis when the log is empty) and the id the next entry gets.
    static func tail(_ db: Database) throws -> (hash: String, nextID: Int64) {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let lastID: Int64 = last?["id"] ?? 0
        let sequence =
            try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        return (last?["hash"] ?? genesis, max(lastID, sequence) + 1)
    }

    /// Migration "v6 audit hash chain": the column, and every existing entry chained in id order.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
        // The only UPDATE the log ever gets: its trigger is dropped for it and created again.
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        var previous = genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
        var hashes: [(Int64, String)] = []
        while let row = try rows.next() {
            previous = hash(previous: previous, fields: fields(row))
            hashes.append((row["id"], previous))
        }
        for (id, value) in hashes {
            try db.execute(sql: "UPDATE audit_log SET hash = ? WHERE id = ?", arguments: [value, id])
        }
        try db.execute(sql: AccessSchema.auditNoUpdateTrigger)
    }

    /// What `verify` found.
    public struct Report: Sendable, Hashable {
        /// Entries checked (all of them when the chain holds; up to the break otherwise).
        public var checked: Int
        /// The last entry's id and hash (when the chain holds), to keep outside the database.
        public var lastID: Int64
        public var lastHash: String
        /// The first entry whose hash does not follow, and why; `nil` when the chain holds.
        public var firstBreak: Break?

        public var isIntact: Bool { firstBreak == nil }
    }

    public struct Break: Sendable, Hashable {
        public var id: Int64
        public var reason: String
    }

    /// Walks the log in id order and recomputes every link.
    static func verify(_ db: Database) throws -> Report {
        var previous = genesis
        var checked = 0
        var lastID: Int64 = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let stored: String = row["hash"]
            let expected = hash(previous: previous, fields: fields(row))
            if stored != expected {
                let reason =
                    stored.isEmpty
                    ? "条目没有哈希 the entry has no hash"
                    : "哈希不符：条目或其前一条被改动、删除或插入 the hash does not follow: this entry, or the one before it, was changed, removed or inserted"
                return Report(
                    checked: checked, lastID: lastID, lastHash: previous, firstBreak: Break(id: id, reason: reason))
            }
            previous = stored
            lastID = id
            checked += 1
        }
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        if sequence > lastID {
            return Report(
                checked: checked, lastID: lastID, lastHash: previous,
                firstBreak: Break(
                    id: lastID + 1,
                    reason:
                        "最后的条目被删除：已分配的编号到 \(sequence) the last entries were removed (ids up to \(sequence) were given)")
            )
        }
        return Report(checked: checked, lastID: lastID, lastHash: previous, firstBreak: nil)
    }
}

extension SQLiteFundStore {
    /// Recomputes the audit log's hash chain (`fundguard audit verify`).
    public func verifyAuditChain() throws -> AuditChain.Report {
        try pool.read { db in try AuditChain.verify(db) }
    }
}
