/// The kinds of casework record that keep a history (the `subject` of a history row).
public enum CaseworkSubject: String, CodedValue {
    case determination, assessment, panelDraw, expertRelation, institution, agreement, campaign, selfInspection,
        spotCheckDraw, spotCheck, rectification, riskPoint

    public var chineseName: String {
        switch self {
        case .determination: "工伤认定"
        case .assessment: "劳动能力鉴定"
        case .panelDraw: "专家抽取"
        case .expertRelation: "专家回避关系"
        case .institution: "协议机构"
        case .agreement: "服务协议"
        case .campaign: "专项检查"
        case .selfInspection: "自查"
        case .spotCheckDraw: "抽查抽取"
        case .spotCheck: "抽查"
        case .rectification: "整改事项"
        case .riskPoint: "风险点"
        }
    }
}

/// One transition of a casework record: the history row (who, when, why, from which state to which).
///
/// Written in the same transaction as the change it describes, and never
/// updated or deleted, so the history of a file is the list of its events.
public struct CaseworkEvent: Sendable, Hashable, Codable {
    public var subject: CaseworkSubject
    public var subjectID: String
    /// What was done, as a code (`accept`, `decide`, `draw`, …); `chineseAction` is what people read.
    public var action: String
    public var chineseAction: String
    /// The state before (`nil` when the record is created) and after, as state codes.
    public var fromState: String?
    public var toState: String?
    public var act: CaseworkAct
    /// A one-line summary in Chinese of what changed (the decision and its article, the experts drawn, …).
    public var detail: String

    public init(
        subject: CaseworkSubject, subjectID: String, action: String, chineseAction: String, fromState: String?,
        toState: String?, act: CaseworkAct, detail: String = ""
    ) {
        self.subject = subject
        self.subjectID = subjectID
        self.action = action
        self.chineseAction = chineseAction
        self.fromState = fromState
        self.toState = toState
        self.act = act
        self.detail = detail
    }
}
