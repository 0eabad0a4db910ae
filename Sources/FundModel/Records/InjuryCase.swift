/// 事故伤害 / 职业病 / 视同工伤.
public enum CaseKind: String, CodedValue {
    case injury, disease, deemed
    public var chineseName: String {
        switch self {
        case .injury: "事故伤害"
        case .disease: "职业病"
        case .deemed: "视同工伤"
        }
    }
}

/// Who applied for the determination (条例 17).
public enum Applicant: String, CodedValue {
    case employer, worker, relative, union
    public var chineseName: String {
        switch self {
        case .employer: "用人单位"
        case .worker: "职工本人"
        case .relative: "近亲属"
        case .union: "工会组织"
        }
    }
}

/// The determination's outcome, or its state while undecided.
public enum Decision: String, CodedValue {
    case recognized, deemed, rejected, pending, suspended
    public var chineseName: String {
        switch self {
        case .recognized: "认定工伤"
        case .deemed: "视同工伤"
        case .rejected: "不予认定"
        case .pending: "待认定"
        case .suspended: "中止"
        }
    }
    /// Whether the fund may pay benefits on the case.
    public var entitlesBenefits: Bool { self == .recognized || self == .deemed }
}

/// A row of `injury_cases.csv`: one work-injury determination (工伤认定).
public struct InjuryCase: Sendable, Hashable, Codable {
    public var caseID: String
    public var workerID: PersonID
    public var employerID: String?
    public var regionCode: RegionCode
    /// The accident, or the occupational-disease diagnosis.
    public var accidentDate: Day
    public var kind: CaseKind
    public var appliedDate: Day?
    public var applicant: Applicant?
    public var acceptedDate: Day?
    public var decidedDate: Day?
    public var decision: Decision
    /// 工亡.
    public var fatal: Bool
    /// 本人工资 as declared, before the 60 %/300 % bounds.
    public var ownWage: Money?
    public var thirdParty: Bool
    public var description: String

    public init(
        caseID: String, workerID: PersonID, employerID: String?, regionCode: RegionCode, accidentDate: Day,
        kind: CaseKind, appliedDate: Day?, applicant: Applicant?, acceptedDate: Day?, decidedDate: Day?,
        decision: Decision, fatal: Bool, ownWage: Money?, thirdParty: Bool, description: String
    ) {
        self.caseID = caseID
        self.workerID = workerID
        self.employerID = employerID
        self.regionCode = regionCode
        self.accidentDate = accidentDate
        self.kind = kind
        self.appliedDate = appliedDate
        self.applicant = applicant
        self.acceptedDate = acceptedDate
        self.decidedDate = decidedDate
        self.decision = decision
        self.fatal = fatal
        self.ownWage = ownWage
        self.thirdParty = thirdParty
        self.description = description
    }
}
