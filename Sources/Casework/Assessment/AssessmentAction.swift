import FundModel

/// A step of an assessment file; who, when and why come with it as a `CaseworkAct`. The panel is drawn through
/// `ExpertPanels`.
public enum AssessmentAction: Sendable, Hashable {
    case receiveMaterials([AssessmentMaterial])
    /// The one-time notice of every missing material (2014 办法 9; 2025 办法).
    case notifyIncomplete
    /// 延长鉴定期限 30 日 (条例 25(2)), once, with the reason in the act.
    case extend
    /// The examination rescheduled at the worker's request: the deadline moves by `days` (2014 办法 11).
    case postpone(days: Int)
    /// 作出鉴定结论.
    case conclude(grade: Int?, nursing: NursingLevel, injuredParts: [String], opinion: String)
    /// 送达鉴定结论.
    case deliver
    /// 终止鉴定 (2014 办法 23: absent or refusing the examination without good reason; or withdrawn), with reason.
    case terminate

    public var code: String {
        switch self {
        case .receiveMaterials: "receiveMaterials"
        case .notifyIncomplete: "notifyIncomplete"
        case .extend: "extend"
        case .postpone: "postpone"
        case .conclude: "conclude"
        case .deliver: "deliver"
        case .terminate: "terminate"
        }
    }

    public var chineseName: String {
        switch self {
        case .receiveMaterials: "接收材料"
        case .notifyIncomplete: "一次性告知补正材料"
        case .extend: "延长鉴定期限"
        case .postpone: "鉴定改期"
        case .conclude: "作出鉴定结论"
        case .deliver: "送达鉴定结论"
        case .terminate: "终止鉴定"
        }
    }
}
