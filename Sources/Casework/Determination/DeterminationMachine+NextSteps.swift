import FundModel

extension DeterminationMachine {
    /// The steps a file can take next, by action code (`DeterminationAction.code`), in the order of the
    /// procedure: the one list the console's forms, the API's `allowedActions` and `fundguard case show`
    /// offer. `apply` refuses every step not listed (CaseworkTests "NextStepsTests" checks the two agree).
    public static func nextSteps(_ file: DeterminationFile) -> [String] {
        switch file.state {
        case .applied:
            (file.missingMaterials.isEmpty ? [] : ["receiveMaterials"])
                + (file.notice == nil && !file.missingMaterials.isEmpty ? ["notifyIncomplete"] : [])
                + ["accept", "refuseAcceptance"]
        case .incomplete: ["receiveMaterials", "refuseAcceptance"]
        case .supplemented: ["accept", "refuseAcceptance"]
        case .accepted: ["startInvestigation", "recordInvestigation", "suspend", "decide"]
        case .investigating: ["recordInvestigation", "suspend", "decide"]
        case .suspended: ["resume"]
        case .decided: ["deliver"]
        case .notAccepted, .delivered: []
        }
    }
}
