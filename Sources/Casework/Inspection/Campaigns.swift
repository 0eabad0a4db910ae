import FundModel
import FundStore

/// Inspection campaigns of the contracted institutions (专项检查): self-inspections, spot-check draws, check
/// results and rectification items, with the province's report and risk list.
public struct Campaigns: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    // MARK: Campaign

    /// Opens a campaign and a pending self-inspection for each of its institutions.
    @discardableResult
    public func open(_ plan: CampaignPlan, act: CaseworkAct) throws -> InspectionCampaign {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let id = plan.campaignID.trimmingBlanks
        let title = plan.title.trimmingBlanks
        guard !id.isEmpty, !title.isEmpty else { throw CaseworkError.invalid("须填写专项检查编号和名称") }
        guard !plan.checklist.isEmpty else { throw CaseworkError.invalid("须制定检查清单") }
        let itemIDs = plan.checklist.map(\.itemID)
        guard Set(itemIDs).count == itemIDs.count else { throw CaseworkError.invalid("检查清单的项目编号重复") }
        guard plan.selfInspectionDue >= act.day else {
            throw CaseworkError.invalid("自查截止日 \(plan.selfInspectionDue.iso) 早于开始日 \(act.day.iso)")
        }
        let all = try store.institutions()
        let institutions: [Institution]
        if let chosen = plan.institutionIDs {
            let byID = Dictionary(all.map { ($0.institutionID, $0) }, uniquingKeysWith: { a, _ in a })
            institutions = try Set(chosen).sorted().map { id in
                guard let institution = byID[id] else { throw CaseworkError.notFound("协议机构 \(id) 未登记") }
                guard plan.regionCode.contains(institution.regionCode) else {
                    throw CaseworkError.invalid("机构 \(id) 不在 \(plan.regionCode.raw) 范围内")
                }
                return institution
            }
        } else {
            institutions = all.filter { plan.regionCode.contains($0.regionCode) }
        }
        guard !institutions.isEmpty else { throw CaseworkError.refused("\(plan.regionCode.raw) 没有可检查的协议机构") }

        let campaign = InspectionCampaign(
            campaignID: id, title: title, regionCode: plan.regionCode, opened: act,
            selfInspectionDue: plan.selfInspectionDue, checklist: plan.checklist,
            institutionIDs: institutions.map(\.institutionID))
        var changes = CaseworkChangeSet()
        changes.write(campaign)
        changes.record(
            CaseworkEvent(
                subject: .campaign, subjectID: id, action: "open", chineseAction: "启动专项检查", fromState: nil,
                toState: campaign.state.rawValue, act: act,
                detail:
                    "\(title)：\(institutions.count) 家机构自查，清单 \(plan.checklist.count) 项，\(plan.selfInspectionDue.iso) 前提交"
            ))
        for institution in institutions {
            let inspection = SelfInspection(
                campaignID: id, institutionID: institution.institutionID, regionCode: institution.regionCode)
            changes.write(inspection)
            changes.record(
                InspectionMachine.event(inspection, "open", "布置自查", from: .pending, act, title))
        }
        try store.apply(changes)
        return campaign
    }

    public func campaign(_ id: String) throws -> InspectionCampaign? {
        try store.document(InspectionCampaign.self, id: id)
    }

    public func campaigns(scope: RegionCode? = nil) throws -> [InspectionCampaign] {
        try store.documents(InspectionCampaign.self, where: [:], regionPrefix: scope?.scopePrefix)
    }

    /// Ends self-inspection and starts spot checks.
    @discardableResult
    public func startSpotChecks(campaignID: String, act: CaseworkAct) throws -> InspectionCampaign {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        try ActCheck.validate(act, notBefore: campaign.opened.day, today: today())
        let (next, event) = try InspectionMachine.startSpotChecks(
            campaign, inspections: try selfInspections(campaignID: campaignID), act: act)
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    /// Closes the campaign (every rectification closed).
    @discardableResult
    public func close(campaignID: String, act: CaseworkAct) throws -> InspectionCampaign {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        try ActCheck.validate(act, notBefore: campaign.opened.day, today: today())
        let (next, event) = try InspectionMachine.close(
            campaign, rectifications: try rectifications(campaignID: campaignID), act: act)
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    // MARK: Self-inspection

    @discardableResult
    public func answer(campaignID: String, institutionID: String, answers: [ChecklistAnswer], act: CaseworkAct) throws
        -> SelfInspection
    {
        try updateInspection(campaignID, institutionID, act) { inspection, campaign in
            try InspectionMachine.answer(answers, to: inspection, campaign: campaign, act: act)
        }
    }

    @discardableResult
    public func addRisk(campaignID: String, institutionID: String, risk: ReportedRisk, act: CaseworkAct) throws
        -> SelfInspection
    {
        try updateInspection(campaignID, institutionID, act) { inspection, campaign in
            try InspectionMachine.addRisk(risk, to: inspection, campaign: campaign, act: act)
        }
    }

    @discardableResult
    public func submit(campaignID: String, institutionID: String, report: String, act: CaseworkAct) throws
        -> SelfInspection
    {
        try updateInspection(campaignID, institutionID, act) { inspection, campaign in
            try InspectionMachine.submit(report: report, inspection: inspection, campaign: campaign, act: act)
        }
    }

    func updateInspection(
        _ campaignID: String, _ institutionID: String, _ act: CaseworkAct,
        _ step: (SelfInspection, InspectionCampaign) throws -> (SelfInspection, CaseworkEvent)
    ) throws -> SelfInspection {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        try ActCheck.validate(act, notBefore: campaign.opened.day, today: today())
        let id = SelfInspection.id(campaignID: campaignID, institutionID: institutionID)
        guard let inspection = try store.document(SelfInspection.self, id: id) else {
            throw CaseworkError.notFound("机构 \(institutionID) 不在专项检查 \(campaignID) 的自查范围内")
        }
        let (next, event) = try step(inspection, campaign)
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    public func selfInspections(campaignID: String) throws -> [SelfInspection] {
        try store.documents(SelfInspection.self, where: ["campaign_id": campaignID])
    }

    public func selfInspection(campaignID: String, institutionID: String) throws -> SelfInspection? {
        try store.document(
            SelfInspection.self, id: SelfInspection.id(campaignID: campaignID, institutionID: institutionID))
    }

    // MARK: Spot checks

    /// Draws institutions to spot-check among those of the campaign not drawn before: uniformly, or weighted by
    /// their screening findings still raised.
    @discardableResult
    public func drawSpotChecks(
        campaignID: String, size: Int, method: SpotCheckMethod, seed: UInt64? = nil, act: CaseworkAct
    ) throws -> SpotCheckDraw {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        try ActCheck.validate(act, notBefore: campaign.opened.day, today: today())
        guard campaign.state == .spotChecking else {
            throw CaseworkError.refused(
                campaign.state == .closed ? "专项检查已结束，不能再抽查" : "专项检查尚在自查阶段，须先转入抽查阶段")
        }
        let earlier = try spotCheckDraws(campaignID: campaignID)
        let drawnBefore = Set(earlier.flatMap(\.drawn))
        let remaining = campaign.institutionIDs.filter { !drawnBefore.contains($0) }
        let candidates: [SpotCheckCandidate]
        switch method {
        case .random:
            candidates = remaining.sorted().map { SpotCheckCandidate(institutionID: $0, weight: 1) }
        case .weighted:
            let findings = try store.findings(FindingQuery(stillRaised: true))
            var cache: [String: String?] = [:]
            candidates = try SpotCheckDrawer.weights(institutionIDs: remaining, findings: findings) { paymentID in
                if let known = cache[paymentID] { return known }
                let institution = try store.payment(id: paymentID)?.institutionID
                cache[paymentID] = institution
                return institution
            }
        }
        let seed = seed ?? SeededGenerator.freshSeed()
        let drawn = try SpotCheckDrawer.select(candidates: candidates, size: size, seed: seed)
        let sequence = (earlier.map(\.sequence).max() ?? 0) + 1
        let draw = SpotCheckDraw(
            drawID: "\(campaignID)-S\(sequence)", campaignID: campaignID, sequence: sequence, act: act, method: method,
            seed: seed, size: size, candidates: candidates, drawn: drawn)
        var changes = CaseworkChangeSet()
        changes.write(draw)
        changes.record(
            CaseworkEvent(
                subject: .spotCheckDraw, subjectID: draw.drawID, action: "draw", chineseAction: "抽取抽查机构",
                fromState: nil, toState: nil, act: act,
                detail: "\(method.chineseName)，种子 \(seed)，候选 \(candidates.count) 家，抽中：\(drawn.joined(separator: "、"))"))
        let regions = Dictionary(
            try store.institutions().map { ($0.institutionID, $0.regionCode) }, uniquingKeysWith: { a, _ in a })
        for institutionID in drawn {
            let check = SpotCheck(
                campaignID: campaignID, institutionID: institutionID,
                regionCode: regions[institutionID] ?? campaign.regionCode, drawID: draw.drawID)
            changes.write(check)
            changes.record(
                CaseworkEvent(
                    subject: .spotCheck, subjectID: check.checkID, action: "plan", chineseAction: "列入抽查",
                    fromState: nil, toState: check.state.rawValue, act: act, detail: draw.drawID))
        }
        try store.apply(changes)
        return draw
    }

    public func spotCheckDraws(campaignID: String) throws -> [SpotCheckDraw] {
        try store.documents(SpotCheckDraw.self, where: ["campaign_id": campaignID]).sorted { $0.sequence < $1.sequence }
    }

    /// Replays a stored spot-check draw from its seed and candidates.
    public func audit(spotCheckDrawID: String) throws -> (draw: SpotCheckDraw, replayed: [String]) {
        let draw = try store.require(SpotCheckDraw.self, id: spotCheckDrawID)
        return (draw, SpotCheckDrawer.replay(draw) ?? [])
    }

    @discardableResult
    public func recordCheck(
        campaignID: String, institutionID: String, inspectors: [String], problems: [CheckProblem], summary: String,
        act: CaseworkAct
    ) throws -> SpotCheck {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        let id = SelfInspection.id(campaignID: campaignID, institutionID: institutionID)
        guard let check = try store.document(SpotCheck.self, id: id) else {
            throw CaseworkError.notFound("机构 \(institutionID) 未被抽中检查")
        }
        let drawDay = try store.document(SpotCheckDraw.self, id: check.drawID)?.act.day ?? campaign.opened.day
        try ActCheck.validate(act, notBefore: drawDay, today: today())
        let (next, event) = try InspectionMachine.recordCheck(
            check, inspectors: inspectors, problems: problems, summary: summary, campaign: campaign, act: act)
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    public func spotChecks(campaignID: String) throws -> [SpotCheck] {
        try store.documents(SpotCheck.self, where: ["campaign_id": campaignID])
    }

    // MARK: Rectification

    /// Opens a rectification item for an institution of the campaign, optionally answering a spot-check problem.
    @discardableResult
    public func openRectification(
        campaignID: String, institutionID: String, problemID: String? = nil, description: String, owner: String,
        deadline: Day, act: CaseworkAct
    ) throws -> Rectification {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        try ActCheck.validate(act, notBefore: campaign.opened.day, today: today())
        guard campaign.state != .closed else { throw CaseworkError.refused("专项检查已结束，不能再提出整改事项") }
        guard campaign.institutionIDs.contains(institutionID) else {
            throw CaseworkError.notFound("机构 \(institutionID) 不在专项检查 \(campaignID) 范围内")
        }
        if let problemID {
            let check = try store.document(
                SpotCheck.self, id: SelfInspection.id(campaignID: campaignID, institutionID: institutionID))
            guard check?.problems.contains(where: { $0.problemID == problemID }) == true else {
                throw CaseworkError.notFound("机构 \(institutionID) 的抽查结果中没有问题 \(problemID)")
            }
        }
        let text = description.trimmingBlanks
        let responsible = owner.trimmingBlanks
        guard !text.isEmpty else { throw CaseworkError.invalid("须写明整改内容") }
        guard !responsible.isEmpty else { throw CaseworkError.invalid("须指定整改责任人") }
        guard deadline >= act.day else { throw CaseworkError.invalid("整改期限 \(deadline.iso) 早于提出日期 \(act.day.iso)") }
        let existing = try rectifications(campaignID: campaignID)
        let regionCode = try store.institutions().first { $0.institutionID == institutionID }?.regionCode
        let item = Rectification(
            rectificationID: "\(campaignID)-R\(existing.count + 1)", campaignID: campaignID,
            institutionID: institutionID, regionCode: regionCode ?? campaign.regionCode, problemID: problemID,
            description: text, owner: responsible, deadline: deadline, opened: act)
        try store.apply(
            CaseworkChangeSet(
                changes: [.document(item)],
                events: [
                    CaseworkEvent(
                        subject: .rectification, subjectID: item.rectificationID, action: "open",
                        chineseAction: "提出整改事项", fromState: nil, toState: item.state.rawValue, act: act,
                        detail: "\(institutionID)：\(text)；责任人 \(responsible)，\(deadline.iso) 前完成")
                ]))
        return item
    }

    @discardableResult
    public func closeRectification(_ rectificationID: String, evidence: String, act: CaseworkAct) throws
        -> Rectification
    {
        let item = try store.require(Rectification.self, id: rectificationID)
        try ActCheck.validate(act, notBefore: item.opened.day, today: today())
        let (next, event) = try InspectionMachine.closeRectification(item, evidence: evidence, act: act)
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    public func rectifications(campaignID: String) throws -> [Rectification] {
        try store.documents(Rectification.self, where: ["campaign_id": campaignID]).sorted {
            ($0.opened.day, $0.rectificationID.count, $0.rectificationID) < (
                $1.opened.day, $1.rectificationID.count, $1.rectificationID
            )
        }
    }

    /// The open rectification items of `scope`, every campaign; overdue first.
    public func openRectifications(scope: RegionCode? = nil) throws -> [Rectification] {
        try store.documents(
            Rectification.self, where: ["state": RectificationState.open.rawValue], regionPrefix: scope?.scopePrefix
        )
        .sorted { ($0.deadline, $0.rectificationID) < ($1.deadline, $1.rectificationID) }
    }

    public func history(_ subject: CaseworkSubject, id: String) throws -> [CaseworkHistoryEntry] {
        try store.history(subject, id: id)
    }

    // MARK: Reports

    /// The campaign's self-inspection report (自查报告) as data.
    public func report(campaignID: String, asOf: Day) throws -> CampaignReport {
        let campaign = try store.require(InspectionCampaign.self, id: campaignID)
        return CampaignReport(
            campaign: campaign, institutions: try store.institutions(),
            inspections: try selfInspections(campaignID: campaignID), checks: try spotChecks(campaignID: campaignID),
            rectifications: try rectifications(campaignID: campaignID), asOf: asOf)
    }
}
