/// Where a work-injury determination (工伤认定) stands.
///
/// applied → (incomplete → supplemented) → accepted | notAccepted;
/// accepted → (investigating) → (suspended ⇄) → decided → delivered.
/// The allowed transitions live in Casework (`DeterminationMachine`).
public enum DeterminationState: String, CodedValue {
    /// 已申请: received, the materials under review (认定办法 8: 15 days to decide on acceptance).
    case applied
    /// 材料不全: the one-time notice of the missing materials was given (条例 18(2)); waiting for the applicant.
    case incomplete
    /// 已补正: every missing material arrived; acceptance is due within 15 days of the last one.
    case supplemented
    /// 已受理: the 60-day (or 15-day) decision clock runs (条例 20).
    case accepted
    /// 不予受理: closed without a decision.
    case notAccepted
    /// 调查核实中 (条例 19; 认定办法 11).
    case investigating
    /// 中止: waiting for a judicial or administrative conclusion; the decision clock stands still (条例 20(3)).
    case suspended
    /// 已作出认定决定: recognized, deemed or rejected; delivery is due within 20 days (认定办法 22).
    case decided
    /// 已送达.
    case delivered

    public var chineseName: String {
        switch self {
        case .applied: "已申请"
        case .incomplete: "材料不全待补正"
        case .supplemented: "已补正待受理"
        case .accepted: "已受理"
        case .notAccepted: "不予受理"
        case .investigating: "调查核实中"
        case .suspended: "中止"
        case .decided: "已作出认定决定"
        case .delivered: "已送达"
        }
    }

    /// Closed: nothing more happens to the file.
    public var isClosed: Bool { self == .notAccepted || self == .delivered }
}
