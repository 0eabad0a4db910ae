/// The materials of an assessment application (2014 办法 8 and 16).
public enum AssessmentMaterial: String, CodedValue {
    /// 劳动能力鉴定申请表.
    case applicationForm
    /// 工伤认定决定书.
    case determinationDecision
    /// 有效的诊断证明、按照医疗机构病历管理有关规定复印或者复制的检查、检验报告等完整病历材料.
    case medicalRecords
    /// 工伤职工的居民身份证或者社会保障卡等其他有效身份证明原件.
    case identityDocument
    /// 初次（复查）鉴定结论: what a second assessment challenges.
    case previousConclusion

    public var chineseName: String {
        switch self {
        case .applicationForm: "劳动能力鉴定申请表"
        case .determinationDecision: "工伤认定决定书"
        case .medicalRecords: "诊断证明及完整病历材料"
        case .identityDocument: "身份证或社会保障卡"
        case .previousConclusion: "原鉴定结论书"
        }
    }

    /// The checklist for an assessment of this kind: the 办法 8 list for an initial or review assessment; the
    /// application, the identity document and the conclusion challenged for a second one (办法 16, 2018 text).
    public static func checklist(for kind: AssessmentKind) -> [AssessmentMaterial] {
        switch kind {
        case .initial, .review: [.applicationForm, .determinationDecision, .medicalRecords, .identityDocument]
        case .second: [.applicationForm, .identityDocument, .previousConclusion]
        }
    }
}
