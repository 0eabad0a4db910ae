/// Where a labour-capacity assessment (劳动能力鉴定) stands.
///
/// received → (incomplete) → examining → concluded → delivered; or terminated
/// (当次鉴定终止). The allowed transitions live in Casework (`AssessmentMachine`).
public enum AssessmentState: String, CodedValue {
    /// 已接收申请: the materials are being checked.
    case received
    /// 材料不全: the one-time notice of missing materials was given; waiting for the applicant.
    case incomplete
    /// 鉴定中: the materials are complete, the 60-day clock runs (条例 25(2)); the panel is drawn here.
    case examining
    /// 已作出鉴定结论: delivery is due within 15 days.
    case concluded
    /// 已送达.
    case delivered
    /// 鉴定终止: the worker missed the examination or refused it without good reason (2014 办法 23), or withdrew.
    case terminated

    public var chineseName: String {
        switch self {
        case .received: "已接收申请"
        case .incomplete: "材料不全待补正"
        case .examining: "鉴定中"
        case .concluded: "已作出鉴定结论"
        case .delivered: "已送达"
        case .terminated: "鉴定终止"
        }
    }

    /// Still being worked on (counts as "open" for the one-assessment-at-a-time rule).
    public var isOpen: Bool { self == .received || self == .incomplete || self == .examining }
}

/// Who applies for an assessment (条例 23, 26, 28).
public enum AssessmentApplicant: String, CodedValue {
    case worker, relative, employer, agency

    public var chineseName: String {
        switch self {
        case .worker: "工伤职工"
        case .relative: "近亲属"
        case .employer: "用人单位"
        case .agency: "经办机构"
        }
    }
}
