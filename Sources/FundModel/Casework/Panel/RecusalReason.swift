/// Why an expert of the pool must stand aside from a panel (回避, 条例 27).
public enum RecusalReason: String, CodedValue {
    /// The expert works at the institution that issued the medical evidence of this assessment.
    case evidenceInstitution
    /// The expert works for the worker's employer.
    case employer
    /// The expert sat on an earlier assessment of this worker.
    case earlierAssessment
    /// The expert is marked as related to the worker or the employer (`ExpertRelation`).
    case related
    /// Excluded for this draw only, with a reason (cannot attend, …): the reason a redraw gives.
    case unavailable

    public var chineseName: String {
        switch self {
        case .evidenceInstitution: "出具医疗证明的机构的专家"
        case .employer: "用人单位的专家"
        case .earlierAssessment: "曾参加该职工以往鉴定"
        case .related: "与当事人有利害关系"
        case .unavailable: "本次无法参加"
        }
    }
}

/// An expert of the pool left out of a draw, with every reason that applies.
public struct PanelExclusion: Sendable, Hashable, Codable {
    public var expertID: String
    public var reasons: [RecusalReason]
    /// The facts behind the reasons, in Chinese (`所在机构 H001 出具医疗证明`, `曾参加鉴定 A-17`, …).
    public var detail: String

    public init(expertID: String, reasons: [RecusalReason], detail: String) {
        self.expertID = expertID
        self.reasons = reasons
        self.detail = detail
    }
}
