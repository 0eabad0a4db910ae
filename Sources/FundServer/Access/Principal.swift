import FundModel
import FundStore

/// Who is making a request: a signed-in person, or a program with one of the person's API keys.
public struct Principal: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        /// A browser session (cookie); unsafe requests need the session's CSRF token.
        case session
        /// An API key (`Authorization: Bearer …`): no cookie, so no CSRF token needed.
        case apiKey(Int64)
    }

    public var user: UserAccount
    public var credential: Credential

    public init(user: UserAccount, credential: Credential) {
        self.user = user
        self.credential = credential
    }

    public var role: Role { user.role }

    /// The regions the person may see.
    public var scope: RegionScope {
        if user.role == .cityHandler, let region = user.regionCode { return .city(region) }
        if user.role == .cityHandler { return .city(RegionCode("999900")!) }  // a handler without a city sees nothing
        return .all
    }

    /// Whether a record of `region` is visible (otherwise it is answered as not found).
    public func canSee(_ region: RegionCode) -> Bool { scope.contains(region) }
}

/// What each role may do (issue 4 "People, roles, regions").
extension Role {
    /// Work on findings: assign, verify, conclude, upload evidence.
    public var mayVerify: Bool { self == .admin || self == .supervisor || self == .cityHandler }
    /// Assign findings to other people (a city handler may only take a finding for himself).
    public var mayAssignOthers: Bool { self == .admin || self == .supervisor }
    /// Create, deactivate users.
    public var mayAdministerUsers: Bool { self == .admin }
    /// Read the audit log.
    public var mayReadAuditLog: Bool { self == .admin || self == .auditor }
    /// Change the rules configuration and run trial runs.
    public var mayEditRules: Bool { self == .admin || self == .supervisor }
    /// Import data and start a screening run.
    public var mayImport: Bool { self == .admin || self == .supervisor }
    /// See id numbers and names in full on a person's page.
    ///
    /// Those who verify must reach the person; the auditor checks the use of
    /// the system, not the people in it (docs/decisions.md "FundServer: who sees
    /// personal data").
    public var maySeeIdentity: Bool { self == .admin || self == .supervisor || self == .cityHandler }
}
