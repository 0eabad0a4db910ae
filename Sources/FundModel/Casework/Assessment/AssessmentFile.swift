/// A labour-capacity assessment (劳动能力鉴定) in the register: the application, materials, panel and conclusion.
///
/// A value, changed only through Casework's `AssessmentMachine` (see
/// `DeterminationFile` for the versioning). The interchange row
/// (`assessments.csv`) is `assessment`.
public struct AssessmentFile: Sendable, Hashable, Codable {
    public var assessmentID: String
    public var version: Int
    /// The determination the assessment rests on.
    public var caseID: String
    public var workerID: PersonID
    public var employerID: String?
    /// The committee: the city's for an initial or review assessment, the province's for a second one (条例 23, 26).
    public var regionCode: RegionCode
    public var kind: AssessmentKind
    /// The conclusion a second assessment challenges, or a review re-examines.
    public var previousAssessmentID: String?
    public var applicant: AssessmentApplicant
    public var appliedDate: Day
    /// The institution that issued the medical evidence (its experts must stand aside, 条例 27).
    public var hospitalID: String?
    /// The injured parts named by the determination, copied when the file is opened; empty when the case came
    /// from an import without them.
    public var determinationParts: [String]
    /// The specialties the panel needs (骨科, 神经外科, …).
    public var specialties: [String]

    public var state: AssessmentState
    public var materials: [MaterialReceipt<AssessmentMaterial>]
    public var notice: MaterialNotice<AssessmentMaterial>?
    /// The day the materials became complete: the 60-day clock runs from here.
    public var materialsCompleted: Day?
    public var extensionGranted: ClockExtension?
    public var postponements: [Postponement]
    /// The current (not superseded) panel draw and its experts.
    public var panelDrawID: String?
    public var panel: [String]
    public var conclusion: AssessmentConclusion?
    public var deliveredDate: Day?
    public var terminatedReason: String?

    public init(
        assessmentID: String, caseID: String, workerID: PersonID, employerID: String?, regionCode: RegionCode,
        kind: AssessmentKind, previousAssessmentID: String?, applicant: AssessmentApplicant, appliedDate: Day,
        hospitalID: String?, determinationParts: [String], specialties: [String],
        materials: [MaterialReceipt<AssessmentMaterial>]
    ) {
        self.assessmentID = assessmentID
        self.version = 1
        self.caseID = caseID
        self.workerID = workerID
        self.employerID = employerID
        self.regionCode = regionCode
        self.kind = kind
        self.previousAssessmentID = previousAssessmentID
        self.applicant = applicant
        self.appliedDate = appliedDate
        self.hospitalID = hospitalID
        self.determinationParts = determinationParts
        self.specialties = specialties
        self.state = .received
        self.materials = materials
        self.notice = nil
        self.materialsCompleted = nil
        self.extensionGranted = nil
        self.postponements = []
        self.panelDrawID = nil
        self.panel = []
        self.conclusion = nil
        self.deliveredDate = nil
        self.terminatedReason = nil
    }

    /// The checklist materials not yet received, in checklist order.
    public var missingMaterials: [AssessmentMaterial] {
        let received = Set(materials.map(\.material))
        return AssessmentMaterial.checklist(for: kind).filter { !received.contains($0) }
    }

    /// Days the examination was rescheduled by, in total.
    public var postponedDays: Int { postponements.reduce(0) { $0 + $1.days } }

    /// The interchange row (`assessments.csv`).
    public var assessment: Assessment {
        Assessment(
            assessmentID: assessmentID, caseID: caseID, workerID: workerID, kind: kind, appliedDate: appliedDate,
            concludedDate: conclusion?.day, grade: conclusion?.grade, nursing: conclusion?.nursing,
            hospitalID: hospitalID, expertIDs: panel, regionCode: regionCode)
    }
}
