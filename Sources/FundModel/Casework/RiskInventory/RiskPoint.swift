/// The steps of the work-injury handling process that the risk inventory is organised by.
public enum ProcessStep: String, CodedValue {
    case enrolment, determination, assessment, benefitReview, payment, medicalService, agreementManagement,
        fundFinance, supervision, dataQuality

    public var chineseName: String {
        switch self {
        case .enrolment: "参保登记与缴费"
        case .determination: "工伤认定"
        case .assessment: "劳动能力鉴定"
        case .benefitReview: "待遇核定"
        case .payment: "待遇支付"
        case .medicalService: "医疗康复与辅助器具服务"
        case .agreementManagement: "协议机构管理"
        case .fundFinance: "基金财务管理"
        case .supervision: "基金监督与疑点核查"
        case .dataQuality: "数据质量与信息共享"
        }
    }
}

/// A risk point of the handling process (风险点): which step, what can go wrong, what watches it, who owns it.
public struct RiskPoint: Sendable, Hashable, Codable {
    /// `RP01`, ….
    public var riskPointID: String
    public var version: Int
    public var step: ProcessStep
    /// What can go wrong.
    public var risk: String
    /// The monitoring rules and indicators that watch it (`R11`, `I07`).
    public var rules: [String]
    /// The controls of the process that prevent it (分级审核, 一次性告知, …).
    public var controls: String
    /// Who answers for it (岗位或科室).
    public var owner: String
    /// Retired points stay on record.
    public var active: Bool

    public init(
        riskPointID: String, step: ProcessStep, risk: String, rules: [String], controls: String, owner: String
    ) {
        self.riskPointID = riskPointID
        self.version = 1
        self.step = step
        self.risk = risk
        self.rules = rules
        self.controls = controls
        self.owner = owner
        self.active = true
    }
}
