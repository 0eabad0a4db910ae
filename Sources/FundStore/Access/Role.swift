import FundModel

/// What a person may do in the console and the API (issue 4 "People, roles, regions").
///
/// Kept in the store because a user's role is part of the user's record; what
/// each role may do is decided by the server (`FundServer.Permissions`).
public enum Role: String, CodedValue {
    /// 省级管理员: everything, including users.
    case admin
    /// 省级监督员: every region, verification and rules, no user administration.
    case supervisor
    /// 市级经办: one city; sees and verifies only its region's findings and records.
    case cityHandler = "city_handler"
    /// 审计: read-only, everything, and the audit log.
    case auditor

    public var chineseName: String {
        switch self {
        case .admin: "省级管理员"
        case .supervisor: "省级监督员"
        case .cityHandler: "市级经办"
        case .auditor: "审计"
        }
    }

    /// Whether the role is bound to one region (a city handler must name one).
    public var needsRegion: Bool { self == .cityHandler }
}
