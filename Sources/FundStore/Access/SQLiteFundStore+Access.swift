import Foundation
import FundModel
import GRDB

extension SQLiteFundStore: AccessRepository {
    public func createUser(
        name: String, displayName: String, role: Role, regionCode: RegionCode?, passwordHash: String, at: Date
    ) throws -> UserAccount {
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == true {
                throw AccessStoreError.duplicateName(name)
            }
            try db.execute(
                sql: """
                    INSERT INTO users (name, display_name, role, region_code, password_hash, active, created_at,
                        password_changed_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                    """,
                arguments: [
                    name, displayName, role.rawValue, regionCode?.raw, passwordHash, Timestamp.text(at),
                    Timestamp.text(at),
                ])
            return UserAccount(
                id: db.lastInsertedRowID, name: name, displayName: displayName, role: role, regionCode: regionCode,
                passwordHash: passwordHash, active: true, createdAt: at, passwordChangedAt: at)
        }
    }

    public func user(id: Int64) throws -> UserAccount? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.userAccount)
        }
    }

    public func user(name: String) throws -> UserAccount? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).map(Self.userAccount)
        }
    }

    public func users() throws -> [UserAccount] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map(Self.userAccount)
        }
    }

    public func updatePassword(userID: Int64, passwordHash: String, at: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 0 WHERE id = ?
                    """,
                arguments: [passwordHash, Timestamp.text(at), userID])
            if db.changesCount == 0 { throw AccessStoreError.unknownUser(userID) }
        }
    }

    public func setActive(userID: Int64, active: Bool) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE users SET active = ? WHERE id = ?", arguments: [active, userID])
            if db.changesCount == 0 { throw AccessStoreError.unknownUser(userID) }
            if !active { try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID]) }
        }
    }

    // MARK: Sessions

    public func createSession(_ session: SessionRecord) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, remote_address,
                        last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenHash, session.userID, session.csrfToken, Timestamp.text(session.createdAt),
                    Timestamp.text(session.expiresAt), session.remoteAddress,
                    Timestamp.text(session.lastSeenAt ?? session.createdAt),
                ])
        }
    }

    public func session(tokenHash: String) throws -> SessionRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash]).map {
                SessionRecord(
                    tokenHash: $0["token_hash"], userID: $0["user_id"], csrfToken: $0["csrf_token"],
                    createdAt: Timestamp.date($0["created_at"]), expiresAt: Timestamp.date($0["expires_at"]),
                    remoteAddress: $0["remote_address"],
                    lastSeenAt: ($0["last_seen_at"] as String?).map(Timestamp.date))
            }
        }
    }

    /// Records that a session was used now (its idle timeout starts again).
    public func touchSession(tokenHash: String, at: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                arguments: [Timestamp.text(at), tokenHash])
        }
    }

    /// Marks whether the user must change the password at the next sign-in.
    public func setMustChangePassword(userID: Int64, _ value: Bool) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE users SET must_change_password = ? WHERE id = ?", arguments: [value, userID])
            if db.changesCount == 0 { throw AccessStoreError.unknownUser(userID) }
        }
    }

    public func deleteSession(tokenHash: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteSessions(userID: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
    }

    @discardableResult public func deleteExpiredSessions(before date: Date) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [Timestamp.text(date)])
            return db.changesCount
        }
    }

    // MARK: API keys

    public func createAPIKey(
        userID: Int64, label: String, keyHash: String, prefix: String, at: Date, expiresAt: Date?
    ) throws -> APIKeyRecord {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_keys (user_id, label, key_hash, prefix, created_at, revoked, expires_at)
                    VALUES (?, ?, ?, ?, ?, 0, ?)
                    """,
                arguments: [userID, label, keyHash, prefix, Timestamp.text(at), expiresAt.map(Timestamp.text)])
            return APIKeyRecord(
                id: db.lastInsertedRowID, userID: userID, label: label, keyHash: keyHash, prefix: prefix, createdAt: at,
                revoked: false, expiresAt: expiresAt)
        }
    }

    /// Revokes every key of a user (after a password change); returns how many were still in force.
    @discardableResult public func revokeAPIKeys(userID: Int64) throws -> Int {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked = 1 WHERE user_id = ? AND revoked = 0", arguments: [userID])
            return db.changesCount
        }
    }

    public func apiKey(keyHash: String) throws -> APIKeyRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE key_hash = ?", arguments: [keyHash])
                .map(Self.apiKeyRecord)
        }
    }

    public func apiKeys(userID: Int64) throws -> [APIKeyRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys WHERE user_id = ? ORDER BY id", arguments: [userID])
                .map(Self.apiKeyRecord)
        }
    }

    /// Revokes one of the user's keys; `false` when the user has no such key.
    @discardableResult public func revokeAPIKey(id: Int64, userID: Int64) throws -> Bool {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked = 1 WHERE id = ? AND user_id = ?", arguments: [id, userID])
            return db.changesCount > 0
        }
    }

    // MARK: Audit log

    @discardableResult public func appendAudit(_ entry: AuditEntry) throws -> Int64 {
        try pool.write { db in try Self.appendAudit(entry, db) }
    }

    /// Appends an audit entry inside the caller's write transaction (a settlement and its audit line commit
    /// together, issue 13).
    static func appendAudit(_ entry: AuditEntry, _ db: Database) throws -> Int64 {
        // Chained to the last entry in the same write transaction, so no other entry can come between
        // (`AuditChain`); the id is chosen here because it is part of what is hashed.
        let (previous, id) = try AuditChain.tail(db)
        let at = Timestamp.text(entry.at)
        let hash = AuditChain.hash(
            previous: previous,
            fields: [
                String(id), at, entry.userID.map(String.init) ?? "", entry.userName, entry.role, entry.action,
                entry.targetType, entry.targetID, entry.outcome, entry.detail, entry.remoteAddress,
            ])
        try db.execute(
            sql: """
                INSERT INTO audit_log (id, at, user_id, user_name, role, action, target_type, target_id, outcome,
                    detail, remote_address, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, at, entry.userID, entry.userName, entry.role, entry.action,
                entry.targetType, entry.targetID, entry.outcome, entry.detail, entry.remoteAddress, hash,
            ])
        return id
    }

    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        let (condition, arguments) = Self.auditCondition(query)
        let sql =
            "SELECT * FROM audit_log\(condition) ORDER BY id DESC LIMIT \(max(0, query.limit)) OFFSET \(max(0, query.offset))"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditEntry(
                    id: row["id"], at: Timestamp.date(row["at"]), userID: row["user_id"], userName: row["user_name"],
                    role: row["role"], action: row["action"], targetType: row["target_type"],
                    targetID: row["target_id"], outcome: row["outcome"], detail: row["detail"],
                    remoteAddress: row["remote_address"])
            }
        }
    }

    public func auditCount(_ query: AuditQuery) throws -> Int {
        let (condition, arguments) = Self.auditCondition(query)
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log\(condition)", arguments: arguments) ?? 0
        }
    }

    static func auditCondition(_ query: AuditQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let user = query.userName {
            conditions.append("user_name = ?")
            arguments.append(user)
        }
        if let action = query.action {
            conditions.append("(action = ? OR action LIKE ? ESCAPE '\\')")
            arguments.append(action)
            arguments.append(Self.likeEscaped(action) + ".%")
        }
        if let type = query.targetType {
            conditions.append("target_type = ?")
            arguments.append(type)
        }
        if let id = query.targetID {
            conditions.append("target_id = ?")
            arguments.append(id)
        }
        if let outcome = query.outcome {
            conditions.append("outcome = ?")
            arguments.append(outcome)
        }
        if let from = query.from {
            conditions.append("at >= ?")
            arguments.append(Timestamp.text(from))
        }
        if let to = query.to {
            conditions.append("at <= ?")
            arguments.append(Timestamp.text(to))
        }
        let sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return (sql, StatementArguments(arguments) ?? StatementArguments())
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func userAccount(_ row: Row) throws -> UserAccount {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else {
            throw StoreError(table: "users", column: "role", value: roleText)
        }
        let regionText: String? = row["region_code"]
        return UserAccount(
            id: row["id"], name: row["name"], displayName: row["display_name"], role: role,
            regionCode: regionText.flatMap { RegionCode($0) }, passwordHash: row["password_hash"],
            active: row["active"], createdAt: Timestamp.date(row["created_at"]),
            passwordChangedAt: Timestamp.date(row["password_changed_at"]),
            mustChangePassword: row["must_change_password"] ?? false)
    }

    static func apiKeyRecord(_ row: Row) -> APIKeyRecord {
        APIKeyRecord(
            id: row["id"], userID: row["user_id"], label: row["label"], keyHash: row["key_hash"],
            prefix: row["prefix"], createdAt: Timestamp.date(row["created_at"]), revoked: row["revoked"],
            expiresAt: (row["expires_at"] as String?).map(Timestamp.date))
    }
}
