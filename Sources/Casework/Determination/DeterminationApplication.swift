import FundModel

/// An application for a work-injury determination (工伤认定申请), as received: what registers a new file.
public struct DeterminationApplication: Sendable, Hashable {
    public var caseID: String
    public var workerID: PersonID
    public var employerID: String?
    public var regionCode: RegionCode
    public var kind: CaseKind
    public var accidentDate: Day
    public var fatal: Bool
    public var applicant: Applicant
    /// The materials of the 条例 18 checklist handed in with the application.
    public var materials: [DeterminationMaterial]
    public var description: String

    public init(
        caseID: String, workerID: PersonID, employerID: String?, regionCode: RegionCode, kind: CaseKind,
        accidentDate: Day, fatal: Bool, applicant: Applicant, materials: [DeterminationMaterial],
        description: String = ""
    ) {
        self.caseID = caseID
        self.workerID = workerID
        self.employerID = employerID
        self.regionCode = regionCode
        self.kind = kind
        self.accidentDate = accidentDate
        self.fatal = fatal
        self.applicant = applicant
        self.materials = materials
        self.description = description
    }

    /// The application of an imported case (`injury_cases.csv`) that has no file in the register yet; its
    /// applicant and dates come from the import where known.
    public init(importedCase c: InjuryCase, materials: [DeterminationMaterial] = DeterminationMaterial.allCases) {
        self.init(
            caseID: c.caseID, workerID: c.workerID, employerID: c.employerID, regionCode: c.regionCode, kind: c.kind,
            accidentDate: c.accidentDate, fatal: c.fatal, applicant: c.applicant ?? .employer, materials: materials,
            description: c.description)
    }
}
