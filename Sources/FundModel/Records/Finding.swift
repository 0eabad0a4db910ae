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

extension SubjectType {
    /// Whose id is personal data: a person's id number (worker, dependant) or a bank account.
    public var isPersonalData: Bool { self == .worker || self == .dependent || self == .account }
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

    /// `RULE-subjecttype-subjectid`, the same in every run; for a subject that is personal data (a person's id
    /// number, a bank account) the subject id is replaced by an opaque digest, `RULE-subjecttype-<20 hex>`, so
    /// that the finding id, which travels in links, lists, CSV files, the audit log and the server log, does
    /// not carry it (issue 11 #4). The digest depends on the rule, the type and the subject only: still
    /// stable across runs and databases, as interchange.md requires.
    public static func stableID(ruleID: String, subjectType: SubjectType, subjectID: String) -> String {
        guard subjectType.isPersonalData else {
            return legacyID(ruleID: ruleID, subjectType: subjectType, subjectID: subjectID)
        }
        return
            "\(ruleID)-\(subjectType.rawValue)-\(opaqueDigest(ruleID: ruleID, subjectType: subjectType, subjectID: subjectID))"
    }

    /// The id scheme before issue 11: the subject id in clear. Still how links made before then name a finding.
    public static func legacyID(ruleID: String, subjectType: SubjectType, subjectID: String) -> String {
        "\(ruleID)-\(subjectType.rawValue)-\(subjectID)"
    }

    /// 20 hex digits (80 bits) of SHA-256 over the rule, the type and the subject.
    static func opaqueDigest(ruleID: String, subjectType: SubjectType, subjectID: String) -> String {
        String(SHA256.hex("fundguard-finding\u{0}\(ruleID)\u{0}\(subjectType.rawValue)\u{0}\(subjectID)").prefix(20))
    }

    /// The ids a link made with the legacy scheme may mean now: the id of `RULE-type-subject`, or, for rules
    /// that add a suffix to the stable id (`R04-worker-<id>-MED`), of `RULE-type-subject` plus that suffix.
    /// Empty when the text is not a legacy id of a personal-data subject.
    public static func currentIDs(forLegacy text: String) -> [String] {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let type = SubjectType(rawValue: String(parts[1])), type.isPersonalData,
            !parts[0].isEmpty, !parts[2].isEmpty
        else { return [] }
        let rule = String(parts[0])
        let rest = parts[2]
        var ids = [stableID(ruleID: rule, subjectType: type, subjectID: String(rest))]
        var index = rest.endIndex
        while let dash = rest[..<index].lastIndex(of: "-") {
            let subject = String(rest[..<dash])
            if !subject.isEmpty {
                ids.append(stableID(ruleID: rule, subjectType: type, subjectID: subject) + String(rest[dash...]))
            }
            index = dash
        }
        return ids
    }

    /// interchange.md order: severity, then amount descending, then finding id.
    public static func interchangeOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity < b.severity }
        if a.amount != b.amount { return a.amount > b.amount }
        return a.findingID < b.findingID
    }
}
