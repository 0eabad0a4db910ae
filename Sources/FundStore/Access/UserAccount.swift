import Foundation
import FundModel

/// A person who signs in to the console (or a program using an API key on the person's behalf).
public struct UserAccount: Sendable, Hashable {
    public var id: Int64
    /// The sign-in name: unique, ASCII letters, digits, `.`, `_`, `-`.
    public var name: String
    /// The person's name as shown in the console (e.g. 王芳).
    public var displayName: String
    public var role: Role
    /// The city a `city_handler` works for; `nil` for the provincial roles.
    public var regionCode: RegionCode?
    /// bcrypt hash (`$2b$…`); the password itself is never stored.
    public var passwordHash: String
    public var active: Bool
    public var createdAt: Date
    public var passwordChangedAt: Date
    /// The password was chosen by someone else (generated, one-time): it must be changed at the next sign-in.
    public var mustChangePassword: Bool

    public init(
        id: Int64, name: String, displayName: String, role: Role, regionCode: RegionCode?, passwordHash: String,
        active: Bool, createdAt: Date, passwordChangedAt: Date, mustChangePassword: Bool = false
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.role = role
        self.regionCode = regionCode
        self.passwordHash = passwordHash
        self.active = active
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
        self.mustChangePassword = mustChangePassword
    }
}

/// A signed-in browser: the cookie's token is never stored, only its SHA-256.
public struct SessionRecord: Sendable, Hashable {
    public var tokenHash: String
    public var userID: Int64
    /// The synchronizer token every form of this session must send back.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    public var remoteAddress: String
    /// When the session was last used (`nil` for a session from before this was recorded: its creation).
    public var lastSeenAt: Date?

    public init(
        tokenHash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date, remoteAddress: String,
        lastSeenAt: Date? = nil
    ) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.remoteAddress = remoteAddress
        self.lastSeenAt = lastSeenAt
    }
}

/// A key for programs using the JSON API; acts with its owner's role and region.
public struct APIKeyRecord: Sendable, Hashable {
    public var id: Int64
    public var userID: Int64
    /// What the key is for (e.g. "市局数据对接").
    public var label: String
    /// SHA-256 of the key; the key itself is shown once, when created.
    public var keyHash: String
    /// The first characters of the key, to recognise it in a list.
    public var prefix: String
    public var createdAt: Date
    public var revoked: Bool
    /// When the key stops working (`nil`: a key from before keys expired; it works until revoked).
    public var expiresAt: Date?

    public init(
        id: Int64, userID: Int64, label: String, keyHash: String, prefix: String, createdAt: Date, revoked: Bool,
        expiresAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.label = label
        self.keyHash = keyHash
        self.prefix = prefix
        self.createdAt = createdAt
        self.revoked = revoked
        self.expiresAt = expiresAt
    }

    /// Whether the key may be used at `date`: not revoked, not expired.
    public func isUsable(at date: Date) -> Bool {
        !revoked && (expiresAt.map { $0 > date } ?? true)
    }
}
