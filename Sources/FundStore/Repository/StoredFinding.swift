import FundModel

/// Where a finding is in its verification (rules.md §4): `new` → `assigned` → `verifying`
/// → `cleared` / `irregular` / `fraud` → `closed`.
///
/// The store only keeps the column (new findings start as `new`); the
/// verification workflow that moves it lives in Casework.
public enum FindingStatus: String, CodedValue {
    case new, assigned, verifying, cleared, irregular, fraud, closed
    public var chineseName: String {
        switch self {
        case .new: "待分派"
        case .assigned: "已分派"
        case .verifying: "核查中"
        case .cleared: "核查正常"
        case .irregular: "违规"
        case .fraud: "欺诈骗保"
        case .closed: "已办结"
        }
    }
}

/// A finding in the register, with its history across runs.
public struct StoredFinding: Sendable, Hashable {
    public var finding: Finding
    /// The run that raised it first.
    public var firstRunID: Int64
    /// The last run that raised it.
    public var lastRunID: Int64
    /// Whether the last run of its rule raised it.
    public var stillRaised: Bool
    public var status: FindingStatus

    public init(finding: Finding, firstRunID: Int64, lastRunID: Int64, stillRaised: Bool, status: FindingStatus) {
        self.finding = finding
        self.firstRunID = firstRunID
        self.lastRunID = lastRunID
        self.stillRaised = stillRaised
        self.status = status
    }
}

/// Which stored findings to list; every field left `nil` matches all.
public struct FindingQuery: Sendable, Hashable {
    public var ruleID: String?
    public var regionCode: RegionCode?
    public var severity: Severity?
    public var status: FindingStatus?
    public var stillRaised: Bool?
    public var subjectType: SubjectType?
    public var subjectID: String?
    public var limit: Int?

    public init(
        ruleID: String? = nil, regionCode: RegionCode? = nil, severity: Severity? = nil,
        status: FindingStatus? = nil, stillRaised: Bool? = nil, subjectType: SubjectType? = nil,
        subjectID: String? = nil, limit: Int? = nil
    ) {
        self.ruleID = ruleID
        self.regionCode = regionCode
        self.severity = severity
        self.status = status
        self.stillRaised = stillRaised
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.limit = limit
    }

    /// Everything in the register.
    public static let all = FindingQuery()
}
