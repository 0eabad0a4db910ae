/// A work-injury determination (工伤认定) in the register: the application, its materials and every step taken.
///
/// A value: the transitions are made by Casework's `DeterminationMachine`,
/// which returns a new file and the history row of the step; the store keeps
/// both in one transaction. `version` counts the stored changes, so that two
/// people acting on the same file at once cannot overwrite each other.
public struct DeterminationFile: Sendable, Hashable, Codable {
    /// The case id (`injury_cases.case_id`): the determination is the case.
    public var caseID: String
    public var version: Int
    public var workerID: PersonID
    public var employerID: String?
    /// The pooling region whose department decides (the employer's city, 条例 17).
    public var regionCode: RegionCode
    public var kind: CaseKind
    /// The accident, or the occupational-disease diagnosis.
    public var accidentDate: Day
    /// 工亡.
    public var fatal: Bool
    public var applicant: Applicant
    public var appliedDate: Day
    public var description: String

    public var state: DeterminationState
    /// The checklist of 条例 18: what has been received, and when.
    public var materials: [MaterialReceipt<DeterminationMaterial>]
    /// The one-time notice of missing materials, if one was given.
    public var notice: MaterialNotice<DeterminationMaterial>?
    /// The day the last missing material arrived (restarts the 15-day acceptance clock).
    public var supplementsCompleted: Day?
    public var acceptedDate: Day?
    /// 事实清楚、权利义务明确: decided within 15 days instead of 60 (条例 20(2)).
    public var clearCase: Bool
    /// Why the application was not accepted (不予受理).
    public var notAcceptedReason: String?
    public var investigations: [InvestigationRecord]
    public var suspensions: [SuspensionPeriod]
    public var decision: DeterminationDecision?
    public var deliveredDate: Day?

    public init(
        caseID: String, workerID: PersonID, employerID: String?, regionCode: RegionCode, kind: CaseKind,
        accidentDate: Day, fatal: Bool, applicant: Applicant, appliedDate: Day, description: String,
        materials: [MaterialReceipt<DeterminationMaterial>]
    ) {
        self.caseID = caseID
        self.version = 1
        self.workerID = workerID
        self.employerID = employerID
        self.regionCode = regionCode
        self.kind = kind
        self.accidentDate = accidentDate
        self.fatal = fatal
        self.applicant = applicant
        self.appliedDate = appliedDate
        self.description = description
        self.state = .applied
        self.materials = materials
        self.notice = nil
        self.supplementsCompleted = nil
        self.acceptedDate = nil
        self.clearCase = false
        self.notAcceptedReason = nil
        self.investigations = []
        self.suspensions = []
        self.decision = nil
        self.deliveredDate = nil
    }

    /// The materials of the checklist not yet received, in checklist order.
    public var missingMaterials: [DeterminationMaterial] {
        let received = Set(materials.map(\.material))
        return DeterminationMaterial.allCases.filter { !received.contains($0) }
    }

    /// The open suspension, if the clock stands still now.
    public var openSuspension: SuspensionPeriod? {
        suspensions.last.flatMap { $0.until == nil ? $0 : nil }
    }

    /// Days the decision clock stood still, up to `asOf` for a suspension still open.
    public func suspendedDays(asOf: Day) -> Int {
        suspensions.reduce(0) { $0 + $1.days(asOf: asOf) }
    }

    /// The interchange row of this case (`injury_cases.csv`), for screening and exports.
    public var injuryCase: InjuryCase {
        let decisionCode: Decision
        switch state {
        case .decided, .delivered: decisionCode = decision?.outcome.decision ?? .pending
        case .suspended: decisionCode = .suspended
        default: decisionCode = .pending
        }
        return InjuryCase(
            caseID: caseID, workerID: workerID, employerID: employerID, regionCode: regionCode,
            accidentDate: accidentDate, kind: kind, appliedDate: appliedDate, applicant: applicant,
            acceptedDate: acceptedDate, decidedDate: decision?.day, decision: decisionCode, fatal: fatal,
            ownWage: nil, thirdParty: false, description: description)
    }
}
