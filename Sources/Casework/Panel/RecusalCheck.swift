import FundModel

/// Who must stand aside from a panel (回避, 条例 27), and why.
///
/// The grounds the platform can see: the expert works at the institution that
/// issued the medical evidence, or for the worker's employer; sat on an
/// earlier assessment of the worker; is marked as related to the worker or
/// the employer; or cannot attend this draw (a redraw's reason).
public struct RecusalCheck: Sendable {
    public var hospitalID: String?
    public var employerID: String?
    /// Expert id → the worker's earlier assessments the expert sat on.
    public var earlierPanels: [String: [String]]
    /// Active relations of the experts with this worker or employer.
    public var relations: [ExpertRelation]
    /// Expert id → why the expert cannot take part in this draw.
    public var unavailable: [String: String]

    public init(
        hospitalID: String?, employerID: String?, earlierPanels: [String: [String]], relations: [ExpertRelation],
        unavailable: [String: String] = [:]
    ) {
        self.hospitalID = hospitalID
        self.employerID = employerID
        self.earlierPanels = earlierPanels
        self.relations = relations
        self.unavailable = unavailable
    }

    /// The exclusion of `expert`, or `nil` if the expert may sit.
    public func exclusion(of expert: Expert) -> PanelExclusion? {
        var reasons: [RecusalReason] = []
        var facts: [String] = []
        if let institution = expert.institutionID, !institution.isEmpty {
            if institution == hospitalID {
                reasons.append(.evidenceInstitution)
                facts.append("所在机构 \(institution) 出具了医疗证明")
            }
            if institution == employerID {
                reasons.append(.employer)
                facts.append("所在单位 \(institution) 是职工的用人单位")
            }
        }
        if let earlier = earlierPanels[expert.expertID], !earlier.isEmpty {
            reasons.append(.earlierAssessment)
            facts.append("曾参加该职工的鉴定 \(earlier.sorted().joined(separator: "、"))")
        }
        let related = relations.filter { $0.active && $0.expertID == expert.expertID }
        if !related.isEmpty {
            reasons.append(.related)
            facts += related.map { "与\($0.subject.chineseName) \($0.subjectID) 有利害关系：\($0.act.reason ?? "")" }
        }
        if let why = unavailable[expert.expertID] {
            reasons.append(.unavailable)
            facts.append("本次无法参加：\(why)")
        }
        guard !reasons.isEmpty else { return nil }
        return PanelExclusion(expertID: expert.expertID, reasons: reasons, detail: facts.joined(separator: "；"))
    }
}
