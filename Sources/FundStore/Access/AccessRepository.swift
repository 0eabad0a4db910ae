import Foundation
import FundModel

/// People, sessions, API keys and the audit log, as the server sees them, whatever the database behind.
public protocol AccessRepository: Sendable {
    /// Adds a user; throws `AccessStoreError.duplicateName` if the name is taken.
    func createUser(
        name: String, displayName: String, role: Role, regionCode: RegionCode?, passwordHash: String, at: Date
    ) throws -> UserAccount
    func user(id: Int64) throws -> UserAccount?
    func user(name: String) throws -> UserAccount?
    /// Every user, by name.
    func users() throws -> [UserAccount]
    func updatePassword(userID: Int64, passwordHash: String, at: Date) throws
    func setActive(userID: Int64, active: Bool) throws

    func createSession(_ session: SessionRecord) throws
    func session(tokenHash: String) throws -> SessionRecord?
    func deleteSession(tokenHash: String) throws
    /// Signs a user out everywhere (after a password change or deactivation).
    func deleteSessions(userID: Int64) throws
    /// Removes the sessions that expired before `date`; returns how many.
    @discardableResult func deleteExpiredSessions(before date: Date) throws -> Int

    func createAPIKey(userID: Int64, label: String, keyHash: String, prefix: String, at: Date, expiresAt: Date?)
        throws -> APIKeyRecord
    func apiKey(keyHash: String) throws -> APIKeyRecord?
    func apiKeys(userID: Int64) throws -> [APIKeyRecord]
    @discardableResult func revokeAPIKey(id: Int64, userID: Int64) throws -> Bool
    /// Revokes every key of the user; returns how many were in force.
    @discardableResult func revokeAPIKeys(userID: Int64) throws -> Int

    /// Appends a line to the audit log and returns its id.
    @discardableResult func appendAudit(_ entry: AuditEntry) throws -> Int64
    /// Lines matching the query, newest first.
    func auditEntries(_ query: AuditQuery) throws -> [AuditEntry]
    func auditCount(_ query: AuditQuery) throws -> Int
}

/// Why a change to the people tables was refused.
public enum AccessStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateName(String)
    case unknownUser(Int64)

    public var description: String {
        switch self {
        case .duplicateName(let name): "用户名已存在 user name already taken: \(name)"
        case .unknownUser(let id): "用户不存在 no such user: \(id)"
        }
    }
}

extension AccessRepository {
    /// A key that does not expire (tests; keys made before keys expired).
    public func createAPIKey(userID: Int64, label: String, keyHash: String, prefix: String, at: Date) throws
        -> APIKeyRecord
    {
        try createAPIKey(userID: userID, label: label, keyHash: keyHash, prefix: prefix, at: at, expiresAt: nil)
    }
}
