/// The warning level of a finding (预警等级).
public enum Severity: String, CodedValue, Comparable {
    case red, orange, yellow
    public var chineseName: String {
        switch self {
        case .red: "红色预警"
        case .orange: "橙色预警"
        case .yellow: "黄色预警"
        }
    }
    /// Sort rank: red first.
    public var rank: Int {
        switch self {
        case .red: 0
        case .orange: 1
        case .yellow: 2
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What kind of record a finding is about.
public enum SubjectType: String, CodedValue {
    case payment, worker, `case`, assessment, institution, employer, expert, account, dependent, region
    public var chineseName: String {
        switch self {
        case .payment: "支付"
        case .worker: "职工"
        case .case: "认定案件"
        case .assessment: "鉴定"
        case .institution: "协议机构"
        case .employer: "用人单位"
        case .expert: "鉴定专家"
        case .account: "收款账户"
        case .dependent: "供养亲属"
        case .region: "统筹地区"
        }
    }
}

/// One record a rule flagged (疑点), in the findings format of interchange.md.
public struct Finding: Sendable, Hashable, Codable {
    /// Stable: the same rule on the same subject gives the same id in every run.
    public var findingID: String
    public var ruleID: String
    public var severity: Severity
    /// The pooling region that must verify it.
    public var regionCode: RegionCode
    public var subjectType: SubjectType
    public var subjectID: String
    /// The amount at risk; zero where none.
    public var amount: Money
    /// One line in Chinese a person can act on.
    public var detail: String
    /// Ids of the related records.
    public var evidence: [String]

    public init(
        ruleID: String, severity: Severity, regionCode: RegionCode, subjectType: SubjectType, subjectID: String,
        amount: Money, detail: String, evidence: [String], findingID: String? = nil
    ) {
        self.findingID = findingID ?? Finding.stableID(ruleID: ruleID, subjectType: subjectType, subjectID: subjectID)
        self.ruleID = ruleID
        self.severity = severity
        self.regionCode = regionCode
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.amount = amount
        self.detail = detail
        self.evidence = evidence
    }

    /// `RULE-subjecttype-subjectid`: readable, and the same in every run.
    public static func stableID(ruleID: String, subjectType: SubjectType, subjectID: String) -> String {
        "\(ruleID)-\(subjectType.rawValue)-\(subjectID)"
    }

    /// interchange.md order: severity, then amount descending, then finding id.
    public static func interchangeOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.amount != b.amount { return a.amount > b.amount }
        return a.findingID < b.findingID
    }
}
