import FundModel

/// A casework record the store keeps whole, as a row of its register table (see `CaseworkSchema`).
///
/// `version` 1 is a new record (inserted; an existing id is refused);
/// version n > 1 replaces the stored version n − 1 (anything else is a
/// concurrent change, refused). `indexValues` fill the table's index columns,
/// in the order of `indexColumns`.
public protocol CaseworkDocument: Codable, Sendable {
    static var caseworkSubject: CaseworkSubject { get }
    static var tableName: String { get }
    static var indexColumns: [String] { get }
    var documentID: String { get }
    var version: Int { get }
    var indexValues: [String?] { get }
}

extension CaseworkDocument {
    static var register: (table: String, columns: [String]) {
        CaseworkSchema.registers.first { $0.table == tableName }!
    }
    public static var indexColumns: [String] { register.columns }
}

extension DeterminationFile: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.determination
    public static let tableName = "determination_files"
    public var documentID: String { caseID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue, workerID.raw, employerID] }
}

extension AssessmentFile: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.assessment
    public static let tableName = "assessment_files"
    public var documentID: String { assessmentID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue, caseID, workerID.raw] }
}

extension PanelDraw: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.panelDraw
    public static let tableName = "panel_draws"
    public var documentID: String { drawID }
    public var indexValues: [String?] { [regionCode.raw, assessmentID, workerID.raw, employerID] }
}

extension ExpertRelation: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.expertRelation
    public static let tableName = "expert_relations"
    public var documentID: String { relationID }
    public var indexValues: [String?] { [expertID, subject.rawValue, subjectID, active ? "1" : "0"] }
}

extension InspectionCampaign: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.campaign
    public static let tableName = "inspection_campaigns"
    public var documentID: String { campaignID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue] }
}

extension SelfInspection: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.selfInspection
    public static let tableName = "self_inspections"
    public var documentID: String { inspectionID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue, campaignID, institutionID] }
}

extension SpotCheckDraw: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.spotCheckDraw
    public static let tableName = "spot_check_draws"
    public var documentID: String { drawID }
    public var indexValues: [String?] { [campaignID] }
}

extension SpotCheck: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.spotCheck
    public static let tableName = "spot_checks"
    public var documentID: String { checkID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue, campaignID, institutionID] }
}

extension Rectification: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.rectification
    public static let tableName = "rectifications"
    public var documentID: String { rectificationID }
    public var indexValues: [String?] { [regionCode.raw, state.rawValue, campaignID, institutionID] }
}

extension RiskPoint: CaseworkDocument {
    public static let caseworkSubject = CaseworkSubject.riskPoint
    public static let tableName = "risk_points"
    public var documentID: String { riskPointID }
    public var indexValues: [String?] { [step.rawValue, active ? "1" : "0"] }
}
