import Foundation

/// One line of the audit log (审计日志): who did what, to which record, when and from where.
///
/// The table is append-only: triggers reject every UPDATE and DELETE, so not
/// even a bug (or an administrator with the console) can rewrite history.
public struct AuditEntry: Sendable, Hashable {
    /// Assigned by the store; 0 before the entry is written.
    public var id: Int64
    public var at: Date
    /// `nil` for an anonymous request (a failed sign-in).
    public var userID: Int64?
    /// The sign-in name, kept as text so the line stays readable if the user is renamed.
    public var userName: String
    /// The role at the time, raw value (`admin`, …), empty when anonymous.
    public var role: String
    /// What was done, e.g. `login`, `view.worker`, `verification.conclude`, `rules.change` (`AuditAction`).
    public var action: String
    /// The kind of record, e.g. `finding`, `worker`, `case`, `user`; empty when none.
    public var targetType: String
    public var targetID: String
    /// `ok`, `denied`, `failed`.
    public var outcome: String
    /// A short human line, e.g. the reason given.
    public var detail: String
    /// The client address.
    public var remoteAddress: String

    public init(
        id: Int64 = 0, at: Date = Date(), userID: Int64?, userName: String, role: String, action: String,
        targetType: String = "", targetID: String = "", outcome: String = "ok", detail: String = "",
        remoteAddress: String
    ) {
        self.id = id
        self.at = at
        self.userID = userID
        self.userName = userName
        self.role = role
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.outcome = outcome
        self.detail = detail
        self.remoteAddress = remoteAddress
    }
}

/// Which audit lines to list; every field left `nil` matches all.
public struct AuditQuery: Sendable, Hashable {
    public var userName: String?
    /// A prefix: `view` matches `view.worker` and `view.case`.
    public var action: String?
    public var targetType: String?
    public var targetID: String?
    public var outcome: String?
    /// Inclusive bounds.
    public var from: Date?
    public var to: Date?
    public var limit: Int
    public var offset: Int

    public init(
        userName: String? = nil, action: String? = nil, targetType: String? = nil, targetID: String? = nil,
        outcome: String? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.userName = userName
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.outcome = outcome
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }
}
