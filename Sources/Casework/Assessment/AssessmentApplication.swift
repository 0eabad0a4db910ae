import FundModel

/// An application for a labour-capacity assessment (劳动能力鉴定申请).
public struct AssessmentApplication: Sendable, Hashable {
    public var assessmentID: String
    public var caseID: String
    public var kind: AssessmentKind
    /// The conclusion a second assessment challenges or a review re-examines; by default the case's latest.
    public var previousAssessmentID: String?
    /// For a second assessment: the day the applicant received the conclusion (条例 26 counts from it); by default
    /// the day the register delivered it.
    public var conclusionReceived: Day?
    public var applicant: AssessmentApplicant
    /// The institution that issued the medical evidence.
    public var hospitalID: String?
    /// The specialties the panel needs.
    public var specialties: [String]
    public var materials: [AssessmentMaterial]

    public init(
        assessmentID: String, caseID: String, kind: AssessmentKind, previousAssessmentID: String? = nil,
        conclusionReceived: Day? = nil, applicant: AssessmentApplicant, hospitalID: String?, specialties: [String],
        materials: [AssessmentMaterial]
    ) {
        self.assessmentID = assessmentID
        self.caseID = caseID
        self.kind = kind
        self.previousAssessmentID = previousAssessmentID
        self.conclusionReceived = conclusionReceived
        self.applicant = applicant
        self.hospitalID = hospitalID
        self.specialties = specialties
        self.materials = materials
    }
}

/// The determination an assessment rests on: from the register, or from an imported case without a file.
public struct AssessedCase: Sendable, Hashable {
    public var caseID: String
    public var workerID: PersonID
    public var employerID: String?
    public var regionCode: RegionCode
    public var fatal: Bool
    /// The decision; `pending` (or `suspended`) while the register's file is undecided.
    public var outcome: Decision
    /// The injured parts the decision names; empty for an imported case (which has none on record).
    public var injuredParts: [String]
    /// The day of the decision, when known: an application cannot come before it.
    public var decidedDay: Day?
    /// Whether the facts come from the register (else from an import).
    public var fromRegister: Bool

    public init(_ file: DeterminationFile) {
        caseID = file.caseID
        workerID = file.workerID
        employerID = file.employerID
        regionCode = file.regionCode
        fatal = file.fatal
        outcome = file.decision?.outcome.decision ?? (file.state == .suspended ? .suspended : .pending)
        injuredParts = file.decision?.injuredParts ?? []
        decidedDay = file.decision?.day
        fromRegister = true
    }

    public init(imported c: InjuryCase) {
        caseID = c.caseID
        workerID = c.workerID
        employerID = c.employerID
        regionCode = c.regionCode
        fatal = c.fatal
        outcome = c.decision
        injuredParts = []
        decidedDay = c.decidedDate
        fromRegister = false
    }
}

/// A conclusion already made on the case: a register file, or an imported assessment.
public struct PriorConclusion: Sendable, Hashable {
    public var assessmentID: String
    public var kind: AssessmentKind
    public var concluded: Day
    /// The day the register delivered it; unknown for an import.
    public var delivered: Day?

    public init(assessmentID: String, kind: AssessmentKind, concluded: Day, delivered: Day?) {
        self.assessmentID = assessmentID
        self.kind = kind
        self.concluded = concluded
        self.delivered = delivered
    }
}
