import FundModel

/// A step of a determination file. Who, when and why come with it as a `CaseworkAct`.
public enum DeterminationAction: Sendable, Hashable {
    /// Materials of the checklist handed in (with the application, or as supplements after the notice).
    case receiveMaterials([DeterminationMaterial])
    /// The one-time written notice of every missing material (条例 18(2)); the missing list is the checklist's.
    case notifyIncomplete
    /// 受理; `clearCase` = 事实清楚、权利义务明确, decided within 15 days (条例 20(2)).
    case accept(clearCase: Bool)
    /// 不予受理, with the reason in the act.
    case refuseAcceptance
    /// 启动调查核实 (条例 19).
    case startInvestigation
    /// 调查核实记录: the investigation's findings; required once before a fatal case is decided.
    case recordInvestigation(InvestigationRecord)
    /// 中止: the decision depends on a judicial or administrative conclusion (条例 20(3)).
    case suspend(awaiting: String)
    /// 恢复: the awaited conclusion arrived; the clock runs again.
    case resume
    /// 作出认定决定: the outcome, the article it rests on, the injured parts.
    case decide(outcome: DeterminationOutcome, basis: StatuteBasis, injuredParts: [String])
    /// 送达 the decision to the worker (or relatives) and the employer (认定办法 22).
    case deliver

    /// The action code of the history row.
    public var code: String {
        switch self {
        case .receiveMaterials: "receiveMaterials"
        case .notifyIncomplete: "notifyIncomplete"
        case .accept: "accept"
        case .refuseAcceptance: "refuseAcceptance"
        case .startInvestigation: "startInvestigation"
        case .recordInvestigation: "recordInvestigation"
        case .suspend: "suspend"
        case .resume: "resume"
        case .decide: "decide"
        case .deliver: "deliver"
        }
    }

    public var chineseName: String {
        switch self {
        case .receiveMaterials: "接收材料"
        case .notifyIncomplete: "一次性告知补正材料"
        case .accept: "受理"
        case .refuseAcceptance: "不予受理"
        case .startInvestigation: "启动调查核实"
        case .recordInvestigation: "记录调查核实"
        case .suspend: "中止认定"
        case .resume: "恢复认定"
        case .decide: "作出认定决定"
        case .deliver: "送达认定决定"
        }
    }
}
