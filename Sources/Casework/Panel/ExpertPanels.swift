import FundModel
import FundStore

/// A request to draw (or redraw) the panel of an assessment.
public struct PanelRequest: Sendable, Hashable {
    public var assessmentID: String
    /// 3 or 5.
    public var size: Int
    /// The specialties needed; by default those of the assessment file.
    public var specialties: [String]?
    /// The seed; a fresh random one when `nil` (it is stored either way).
    public var seed: UInt64?
    /// Experts who cannot take part in this draw, with the reason (expert id → reason).
    public var unavailable: [String: String]

    public init(
        assessmentID: String, size: Int, specialties: [String]? = nil, seed: UInt64? = nil,
        unavailable: [String: String] = [:]
    ) {
        self.assessmentID = assessmentID
        self.size = size
        self.specialties = specialties
        self.seed = seed
        self.unavailable = unavailable
    }
}

/// The outcome of replaying a stored draw.
public struct PanelAudit: Sendable, Hashable {
    public var draw: PanelDraw
    /// The experts the replay draws from the stored seed and pool.
    public var replayed: [String]
    /// Whether the replay gives the stored panel.
    public var matches: Bool { replayed == draw.drawn }
}

/// Random expert panels (条例 25, 27): draws, redraws, relations that force recusal, audits and the draw report.
public struct ExpertPanels: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    /// Draws the panel of an assessment that has none yet.
    @discardableResult
    public func draw(_ request: PanelRequest, act: CaseworkAct) throws -> PanelDraw {
        let file = try store.require(AssessmentFile.self, id: request.assessmentID)
        if let current = file.panelDrawID {
            throw CaseworkError.refused("鉴定 \(file.assessmentID) 已抽取专家组（\(current)），重新抽取须说明理由（redraw）")
        }
        return try makeDraw(request, file: file, act: act, redrawReason: nil)
    }

    /// Draws again, with a reason; the current draw is kept, marked superseded.
    @discardableResult
    public func redraw(_ request: PanelRequest, act: CaseworkAct) throws -> PanelDraw {
        let reason = try ActCheck.reason(act, for: "重新抽取专家组")
        let file = try store.require(AssessmentFile.self, id: request.assessmentID)
        guard file.panelDrawID != nil else {
            throw CaseworkError.refused("鉴定 \(file.assessmentID) 尚未抽取专家组，无需重新抽取")
        }
        return try makeDraw(request, file: file, act: act, redrawReason: reason)
    }

    func makeDraw(_ request: PanelRequest, file: AssessmentFile, act: CaseworkAct, redrawReason: String?) throws
        -> PanelDraw
    {
        try ActCheck.validate(act, notBefore: file.latestDay, today: today())
        guard file.state == .examining else {
            throw CaseworkError.refused(
                file.state == .received || file.state == .incomplete
                    ? "鉴定材料齐全后方可抽取专家组（当前状态：\(file.state.chineseName)）"
                    : "鉴定已\(file.state.chineseName)，不能再抽取专家组")
        }
        let specialties = (request.specialties ?? file.specialties).cleaned
        let experts = try store.experts().filter { $0.regionCode == file.regionCode }
        let recusal = try recusalCheck(for: file, unavailable: request.unavailable)
        let (pool, excluded) = PanelDrawer.eligibility(experts: experts, specialties: specialties, recusal: recusal)
        let seed = request.seed ?? SeededGenerator.freshSeed()
        let drawn = try PanelDrawer.select(pool: pool, specialties: specialties, size: request.size, seed: seed)

        let earlier = try draws(assessmentID: file.assessmentID)
        let sequence = (earlier.map(\.sequence).max() ?? 0) + 1
        let draw = PanelDraw(
            drawID: "\(file.assessmentID)-P\(sequence)", assessmentID: file.assessmentID, sequence: sequence,
            workerID: file.workerID, employerID: file.employerID, regionCode: file.regionCode, act: act, seed: seed,
            size: request.size, specialties: specialties, pool: pool, excluded: excluded, drawn: drawn)

        var changes = CaseworkChangeSet()
        changes.write(draw)
        let names = Dictionary(experts.map { ($0.expertID, $0.name) }, uniquingKeysWith: { a, _ in a })
        let panelText = drawn.map { "\($0) \(names[$0] ?? "")" }.joined(separator: "、")
        changes.record(
            CaseworkEvent(
                subject: .panelDraw, subjectID: draw.drawID, action: redrawReason == nil ? "draw" : "redraw",
                chineseAction: redrawReason == nil ? "随机抽取专家组" : "重新抽取专家组", fromState: nil, toState: "current",
                act: act,
                detail:
                    "种子 \(seed)；可抽取 \(pool.count) 名，回避 \(excluded.count) 名；抽中：\(panelText)"))
        if let redrawReason, let currentID = file.panelDrawID,
            var current = try store.document(PanelDraw.self, id: currentID)
        {
            current.superseded = true
            current.supersededReason = redrawReason
            current.version += 1
            changes.write(current)
            changes.record(
                CaseworkEvent(
                    subject: .panelDraw, subjectID: current.drawID, action: "supersede", chineseAction: "作废（重新抽取）",
                    fromState: "current", toState: "superseded", act: act, detail: "由 \(draw.drawID) 取代：\(redrawReason)"
                ))
        }
        var next = file
        next.panelDrawID = draw.drawID
        next.panel = drawn
        next.version += 1
        changes.write(next)
        changes.record(
            CaseworkEvent(
                subject: .assessment, subjectID: file.assessmentID, action: "drawPanel",
                chineseAction: redrawReason == nil ? "抽取专家组" : "重新抽取专家组", fromState: file.state.rawValue,
                toState: next.state.rawValue, act: act, detail: "\(draw.drawID)：\(panelText)"))
        try store.apply(changes)
        return draw
    }

    /// What recusal knows about an assessment: its evidence hospital and employer, the worker's earlier panels
    /// (register and import) and the relations marked.
    func recusalCheck(for file: AssessmentFile, unavailable: [String: String]) throws -> RecusalCheck {
        var earlier: [String: [String]] = [:]
        let registerFiles = try store.documents(AssessmentFile.self, where: ["worker_id": file.workerID.raw])
        for other in registerFiles where other.assessmentID != file.assessmentID {
            for expert in other.panel { earlier[expert, default: []].append(other.assessmentID) }
        }
        let held = Set(registerFiles.map(\.assessmentID))
        for imported in try store.importedAssessments(workerID: file.workerID)
        where !held.contains(imported.assessmentID) {
            for expert in imported.expertIDs { earlier[expert, default: []].append(imported.assessmentID) }
        }
        let relations = try store.documents(ExpertRelation.self, where: ["active": "1"]).filter { relation in
            switch relation.subject {
            case .worker: relation.subjectID == file.workerID.raw
            case .employer: relation.subjectID == file.employerID
            }
        }
        return RecusalCheck(
            hospitalID: file.hospitalID, employerID: file.employerID, earlierPanels: earlier, relations: relations,
            unavailable: unavailable)
    }

    // MARK: Reading and audit

    /// Every draw of an assessment, the first first.
    public func draws(assessmentID: String) throws -> [PanelDraw] {
        try store.documents(PanelDraw.self, where: ["assessment_id": assessmentID]).sorted { $0.sequence < $1.sequence }
    }

    public func draw(id: String) throws -> PanelDraw? { try store.document(PanelDraw.self, id: id) }

    /// Replays a stored draw from its seed and pool.
    public func audit(drawID: String) throws -> PanelAudit {
        let draw = try store.require(PanelDraw.self, id: drawID)
        return PanelAudit(draw: draw, replayed: PanelDrawer.replay(draw) ?? [])
    }

    public func history(drawID: String) throws -> [CaseworkHistoryEntry] { try store.history(.panelDraw, id: drawID) }

    // MARK: Relations

    /// Marks an expert as related to a worker or an employer (reason required): they stand aside from its panels.
    @discardableResult
    public func markRelated(expertID: String, subject: RelationSubject, subjectID: String, act: CaseworkAct) throws
        -> ExpertRelation
    {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let reason = try ActCheck.reason(act, for: "登记利害关系")
        guard try store.experts().contains(where: { $0.expertID == expertID }) else {
            throw CaseworkError.notFound("专家库中没有专家 \(expertID)")
        }
        let target = subjectID.trimmingBlanks
        guard !target.isEmpty else { throw CaseworkError.invalid("须写明有利害关系的\(subject.chineseName)编号") }
        let existing = try store.documents(ExpertRelation.self, where: ["expert_id": expertID])
        if existing.contains(where: { $0.active && $0.subject == subject && $0.subjectID == target }) {
            throw CaseworkError.refused("专家 \(expertID) 与\(subject.chineseName) \(target) 的利害关系已登记")
        }
        let relation = ExpertRelation(
            relationID: "\(expertID)-\(subject.rawValue)-\(target)-\(existing.count + 1)", expertID: expertID,
            subject: subject, subjectID: target, act: act)
        try store.apply(
            CaseworkChangeSet(
                changes: [.document(relation)],
                events: [
                    CaseworkEvent(
                        subject: .expertRelation, subjectID: relation.relationID, action: "mark",
                        chineseAction: "登记利害关系",
                        fromState: nil, toState: "active", act: act,
                        detail: "专家 \(expertID) 与\(subject.chineseName) \(target)：\(reason)")
                ]))
        return relation
    }

    /// Withdraws a relation (reason required); it stays on record.
    @discardableResult
    public func withdrawRelation(_ relationID: String, act: CaseworkAct) throws -> ExpertRelation {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let reason = try ActCheck.reason(act, for: "撤销利害关系")
        var relation = try store.require(ExpertRelation.self, id: relationID)
        guard relation.active else { throw CaseworkError.refused("利害关系 \(relationID) 已撤销") }
        relation.active = false
        relation.version += 1
        try store.apply(
            CaseworkChangeSet(
                changes: [.document(relation)],
                events: [
                    CaseworkEvent(
                        subject: .expertRelation, subjectID: relationID, action: "withdraw", chineseAction: "撤销利害关系",
                        fromState: "active", toState: "withdrawn", act: act, detail: reason)
                ]))
        return relation
    }

    /// The relations of an expert (or all, when `nil`), active and withdrawn.
    public func relations(expertID: String? = nil) throws -> [ExpertRelation] {
        try store.documents(ExpertRelation.self, where: expertID.map { ["expert_id": $0] } ?? [:])
    }

    // MARK: Report

    /// How often each expert of `scope` was drawn from `from` to `to`, and for which employers (feeds R18).
    public func report(scope: RegionCode? = nil, from: Day, to: Day) throws -> [ExpertDrawStats] {
        let draws = try store.documents(PanelDraw.self, where: [:], regionPrefix: scope?.scopePrefix)
        let experts = try store.experts().filter { expert in scope.map { $0.contains(expert.regionCode) } ?? true }
        return ExpertDrawStats.compute(draws: draws, experts: experts, from: from, to: to)
    }
}
