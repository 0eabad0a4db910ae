import FundModel

/// The steps of a campaign's records (self-inspection, spot check, rectification, the campaign itself), as pure
/// functions: each returns the new record and its history row, or throws and changes nothing.
public enum InspectionMachine {
    // MARK: Self-inspection

    /// Records answers to checklist items (replacing earlier answers to the same items) while not yet submitted.
    public static func answer(
        _ answers: [ChecklistAnswer], to inspection: SelfInspection, campaign: InspectionCampaign, act: CaseworkAct
    ) throws -> (SelfInspection, CaseworkEvent) {
        try requirePending(inspection, campaign: campaign)
        guard !answers.isEmpty else { throw CaseworkError.invalid("没有作答内容") }
        let items = Set(campaign.checklist.map(\.itemID))
        var next = inspection
        for answer in answers {
            guard items.contains(answer.itemID) else {
                throw CaseworkError.invalid("检查清单中没有项目 \(answer.itemID)")
            }
            var answer = answer
            answer.note = answer.note.trimmingBlanks
            if answer.result == .nonCompliant && answer.note.isEmpty {
                throw CaseworkError.invalid("项目 \(answer.itemID) 不符合，须说明存在的问题")
            }
            next.answers.removeAll { $0.itemID == answer.itemID }
            next.answers.append(answer)
        }
        let order = Dictionary(uniqueKeysWithValues: campaign.checklist.enumerated().map { ($1.itemID, $0) })
        next.answers.sort { order[$0.itemID]! < order[$1.itemID]! }
        next.version += 1
        let text = answers.map { "\($0.itemID) \($0.result.chineseName)" }.joined(separator: "，")
        return (next, event(next, "answer", "填报自查清单", from: inspection.state, act, text))
    }

    /// Adds a risk point to the institution's list.
    public static func addRisk(
        _ risk: ReportedRisk, to inspection: SelfInspection, campaign: InspectionCampaign, act: CaseworkAct
    ) throws -> (SelfInspection, CaseworkEvent) {
        try requirePending(inspection, campaign: campaign)
        var risk = risk
        risk.description = risk.description.trimmingBlanks
        risk.measure = risk.measure.trimmingBlanks
        guard !risk.description.isEmpty else { throw CaseworkError.invalid("须描述风险点") }
        var next = inspection
        next.risks.append(risk)
        next.version += 1
        return (next, event(next, "addRisk", "登记风险点", from: inspection.state, act, risk.description))
    }

    /// Submits the self-inspection: every checklist item answered, and a report.
    public static func submit(
        report: String, inspection: SelfInspection, campaign: InspectionCampaign, act: CaseworkAct
    ) throws -> (SelfInspection, CaseworkEvent) {
        try requirePending(inspection, campaign: campaign)
        let answered = Set(inspection.answers.map(\.itemID))
        let missing = campaign.checklist.map(\.itemID).filter { !answered.contains($0) }
        guard missing.isEmpty else {
            throw CaseworkError.refused("自查清单尚有未作答的项目：\(missing.joined(separator: "、"))，不能提交")
        }
        let text = report.trimmingBlanks
        guard !text.isEmpty else { throw CaseworkError.invalid("须填写自查报告") }
        var next = inspection
        next.report = text
        next.state = .submitted
        next.submitted = act
        next.version += 1
        var detail =
            "不符合 \(inspection.answers.filter { $0.result == .nonCompliant }.count) 项，风险点 \(inspection.risks.count) 个"
        if act.day > campaign.selfInspectionDue { detail += "；逾期提交（截止 \(campaign.selfInspectionDue.iso)）" }
        return (next, event(next, "submit", "提交自查报告", from: inspection.state, act, detail))
    }

    static func requirePending(_ inspection: SelfInspection, campaign: InspectionCampaign) throws {
        guard campaign.state == .selfInspection else {
            throw CaseworkError.refused("专项检查 \(campaign.campaignID) 已\(campaign.state.chineseName)，不能再填报自查")
        }
        guard inspection.state == .pending else {
            throw CaseworkError.refused("机构 \(inspection.institutionID) 的自查报告已提交，不能修改")
        }
    }

    static func event(
        _ inspection: SelfInspection, _ action: String, _ chinese: String, from: SelfInspectionState,
        _ act: CaseworkAct, _ detail: String
    ) -> CaseworkEvent {
        CaseworkEvent(
            subject: .selfInspection, subjectID: inspection.inspectionID, action: action, chineseAction: chinese,
            fromState: from.rawValue, toState: inspection.state.rawValue, act: act, detail: detail)
    }

    // MARK: Campaign

    /// Ends the self-inspection stage: once every institution submitted, or from the due day on.
    public static func startSpotChecks(
        _ campaign: InspectionCampaign, inspections: [SelfInspection], act: CaseworkAct
    ) throws -> (InspectionCampaign, CaseworkEvent) {
        guard campaign.state == .selfInspection else {
            throw CaseworkError.refused("专项检查已\(campaign.state.chineseName)")
        }
        let pending = inspections.filter { $0.state == .pending }.map(\.institutionID)
        if !pending.isEmpty && act.day < campaign.selfInspectionDue {
            throw CaseworkError.refused(
                "自查截止日 \(campaign.selfInspectionDue.iso) 前，尚有 \(pending.count) 家机构未提交自查报告，不能转入抽查阶段")
        }
        var next = campaign
        next.state = .spotChecking
        next.version += 1
        let detail = pending.isEmpty ? "自查全部提交" : "未提交自查：\(pending.joined(separator: "、"))"
        return (next, campaignEvent(next, "startSpotChecks", "转入抽查阶段", from: campaign.state, act, detail))
    }

    /// Closes the campaign once every rectification is closed.
    public static func close(_ campaign: InspectionCampaign, rectifications: [Rectification], act: CaseworkAct) throws
        -> (InspectionCampaign, CaseworkEvent)
    {
        guard campaign.state == .spotChecking else {
            throw CaseworkError.refused(
                campaign.state == .closed ? "专项检查已结束" : "专项检查尚在自查阶段，须经抽查后方可结束")
        }
        let open = rectifications.filter { $0.state == .open }.map(\.rectificationID)
        guard open.isEmpty else {
            throw CaseworkError.refused("尚有 \(open.count) 项整改未销号（\(open.joined(separator: "、"))），不能结束专项检查")
        }
        var next = campaign
        next.state = .closed
        next.closedDay = act.day
        next.version += 1
        return (
            next,
            campaignEvent(next, "close", "结束专项检查", from: campaign.state, act, "整改事项 \(rectifications.count) 项全部销号")
        )
    }

    static func campaignEvent(
        _ campaign: InspectionCampaign, _ action: String, _ chinese: String, from: CampaignState, _ act: CaseworkAct,
        _ detail: String
    ) -> CaseworkEvent {
        CaseworkEvent(
            subject: .campaign, subjectID: campaign.campaignID, action: action, chineseAction: chinese,
            fromState: from.rawValue, toState: campaign.state.rawValue, act: act, detail: detail)
    }

    // MARK: Spot check and rectification

    /// Records what the spot check of a drawn institution found.
    public static func recordCheck(
        _ check: SpotCheck, inspectors: [String], problems: [CheckProblem], summary: String,
        campaign: InspectionCampaign, act: CaseworkAct
    ) throws -> (SpotCheck, CaseworkEvent) {
        guard campaign.state == .spotChecking else {
            throw CaseworkError.refused("专项检查\(campaign.state.chineseName)，不能登记抽查结果")
        }
        guard check.state == .planned else { throw CaseworkError.refused("机构 \(check.institutionID) 的抽查结果已登记") }
        let people = inspectors.cleaned
        guard !people.isEmpty else { throw CaseworkError.invalid("须注明检查人员") }
        let text = summary.trimmingBlanks
        guard !text.isEmpty else { throw CaseworkError.invalid("须填写检查情况") }
        let items = Set(campaign.checklist.map(\.itemID))
        var numbered: [CheckProblem] = []
        for (index, problem) in problems.enumerated() {
            let description = problem.description.trimmingBlanks
            guard !description.isEmpty else { throw CaseworkError.invalid("第 \(index + 1) 个问题缺少描述") }
            if let item = problem.itemID, !items.contains(item) {
                throw CaseworkError.invalid("检查清单中没有项目 \(item)")
            }
            guard problem.amount.fen >= 0 else { throw CaseworkError.invalid("问题金额不能为负") }
            numbered.append(
                CheckProblem(
                    problemID: "\(check.checkID)#\(index + 1)", description: description, itemID: problem.itemID,
                    amount: problem.amount))
        }
        var next = check
        next.state = .checked
        next.checked = act
        next.inspectors = people
        next.problems = numbered
        next.summary = text
        next.version += 1
        let detail = numbered.isEmpty ? "未发现问题" : "发现问题 \(numbered.count) 个"
        return (
            next,
            CaseworkEvent(
                subject: .spotCheck, subjectID: check.checkID, action: "record", chineseAction: "登记抽查结果",
                fromState: check.state.rawValue, toState: next.state.rawValue, act: act, detail: detail)
        )
    }

    /// Closes a rectification item with the evidence that it was done.
    public static func closeRectification(_ item: Rectification, evidence: String, act: CaseworkAct) throws
        -> (Rectification, CaseworkEvent)
    {
        guard item.state == .open else { throw CaseworkError.refused("整改事项 \(item.rectificationID) 已销号") }
        guard act.day >= item.opened.day else {
            throw CaseworkError.invalid("销号日期 \(act.day.iso) 早于整改事项的提出日期 \(item.opened.day.iso)")
        }
        let proof = evidence.trimmingBlanks
        guard !proof.isEmpty else { throw CaseworkError.invalid("整改销号须提供整改佐证材料") }
        var next = item
        next.state = .closed
        next.evidence = proof
        next.closed = act
        next.version += 1
        var detail = "佐证：\(proof)"
        if act.day > item.deadline { detail += "；逾期整改（期限 \(item.deadline.iso)）" }
        return (
            next,
            CaseworkEvent(
                subject: .rectification, subjectID: item.rectificationID, action: "close", chineseAction: "整改销号",
                fromState: item.state.rawValue, toState: next.state.rawValue, act: act, detail: detail)
        )
    }
}
