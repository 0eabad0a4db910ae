import Foundation
import FundStore

/// An institution calling the settlement API with one of its credentials: who is written in the audit log.
public struct SettlementCaller: Sendable, Hashable {
    public var institutionID: String
    public var credentialID: Int64
    public var remoteAddress: String

    public init(institutionID: String, credentialID: Int64, remoteAddress: String) {
        self.institutionID = institutionID
        self.credentialID = credentialID
        self.remoteAddress = remoteAddress
    }

    /// The audit log's user name of an institution (no user id: institutions are not console users).
    public var auditName: String { "institution:" + institutionID }

    /// The audit entry of one call.
    public func auditEntry(
        _ action: String, targetType: String, targetID: String, outcome: String, detail: String, at: Date
    ) -> AuditEntry {
        AuditEntry(
            at: at, userID: nil, userName: String(auditName.prefix(64)), role: "institution",
            action: action, targetType: targetType, targetID: String(targetID.prefix(200)), outcome: outcome,
            detail: String(("credential \(credentialID); " + detail).prefix(2000)),
            remoteAddress: String(remoteAddress.prefix(64)))
    }
}
