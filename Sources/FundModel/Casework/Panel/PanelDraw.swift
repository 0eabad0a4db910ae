/// A random draw of an assessment panel (专家组随机抽取, 条例 25), kept whole so that it can be audited.
///
/// The seed, the eligible pool (sorted by expert id, in the order the draw
/// used) and the excluded experts with their reasons are stored, so anyone can
/// replay the draw (`PanelDrawer.replay` in Casework) and get the same
/// experts. A draw is never deleted: a redraw marks it superseded, with the
/// redraw's reason.
public struct PanelDraw: Sendable, Hashable, Codable {
    /// `<assessment id>-P<sequence>`.
    public var drawID: String
    public var version: Int
    public var assessmentID: String
    /// 1 for the first draw of the assessment, 2 for the first redraw, ….
    public var sequence: Int
    public var workerID: PersonID
    public var employerID: String?
    /// The committee's region: the pool is its experts.
    public var regionCode: RegionCode
    public var act: CaseworkAct
    public var seed: UInt64
    /// 3 or 5.
    public var size: Int
    /// The specialties needed; each is on the panel at least once.
    public var specialties: [String]
    /// The eligible experts (of a needed specialty, not excluded) with the specialty the draw used, sorted by id.
    public var pool: [PanelCandidate]
    /// The experts of a needed specialty that had to stand aside.
    public var excluded: [PanelExclusion]
    /// The experts drawn, in the order drawn.
    public var drawn: [String]
    /// Whether a redraw replaced this draw.
    public var superseded: Bool
    public var supersededReason: String?

    public init(
        drawID: String, assessmentID: String, sequence: Int, workerID: PersonID, employerID: String?,
        regionCode: RegionCode, act: CaseworkAct, seed: UInt64, size: Int, specialties: [String],
        pool: [PanelCandidate],
        excluded: [PanelExclusion], drawn: [String]
    ) {
        self.drawID = drawID
        self.version = 1
        self.assessmentID = assessmentID
        self.sequence = sequence
        self.workerID = workerID
        self.employerID = employerID
        self.regionCode = regionCode
        self.act = act
        self.seed = seed
        self.size = size
        self.specialties = specialties
        self.pool = pool
        self.excluded = excluded
        self.drawn = drawn
        self.superseded = false
        self.supersededReason = nil
    }
}

/// Whom an expert is marked as related to (a worker or an employer).
public enum RelationSubject: String, CodedValue {
    case worker, employer

    public var chineseName: String {
        switch self {
        case .worker: "职工"
        case .employer: "用人单位"
        }
    }
}

/// An expert marked as having an interest in a worker or an employer (利害关系): they stand aside from every panel
/// of that worker, or of any worker of that employer (条例 27).
public struct ExpertRelation: Sendable, Hashable, Codable {
    public var relationID: String
    public var version: Int
    public var expertID: String
    public var subject: RelationSubject
    public var subjectID: String
    public var act: CaseworkAct
    /// Withdrawn relations stay on record but no longer exclude.
    public var active: Bool

    public init(relationID: String, expertID: String, subject: RelationSubject, subjectID: String, act: CaseworkAct) {
        self.relationID = relationID
        self.version = 1
        self.expertID = expertID
        self.subject = subject
        self.subjectID = subjectID
        self.act = act
        self.active = true
    }
}

/// An expert of a draw's eligible pool, with the specialty on record when the draw was made (so that a replay does
/// not depend on later changes to the expert pool).
public struct PanelCandidate: Sendable, Hashable, Codable {
    public var expertID: String
    public var specialty: String

    public init(expertID: String, specialty: String) {
        self.expertID = expertID
        self.specialty = specialty
    }
}
