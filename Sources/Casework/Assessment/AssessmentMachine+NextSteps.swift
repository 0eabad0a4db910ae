import FundModel

extension AssessmentMachine {
    /// The steps a file can take next, by action code (`draw` / `redraw` are the panel's), in the order of
    /// the procedure: the one list the console's forms, the API's `allowedActions` and `fundguard assessment
    /// show` offer. `apply` refuses every step not listed (CaseworkTests "NextStepsTests").
    public static func nextSteps(_ file: AssessmentFile) -> [String] {
        switch file.state {
        case .received:
            (file.missingMaterials.isEmpty ? [] : ["receiveMaterials"])
                + (file.notice == nil && !file.missingMaterials.isEmpty ? ["notifyIncomplete"] : [])
                + (file.extensionGranted == nil ? ["extend"] : []) + ["terminate"]
        case .incomplete: ["receiveMaterials"] + (file.extensionGranted == nil ? ["extend"] : []) + ["terminate"]
        case .examining:
            [file.panelDrawID == nil ? "draw" : "redraw"] + (file.panelDrawID == nil ? [] : ["conclude"])
                + (file.extensionGranted == nil ? ["extend"] : []) + ["postpone", "terminate"]
        case .concluded: ["deliver"]
        case .delivered, .terminated: []
        }
    }
}
