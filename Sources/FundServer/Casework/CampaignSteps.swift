import Casework
import FundModel

/// Inspection campaigns from form fields (pages and API share them).
///
/// A campaign is the province's; a city handler sees the campaigns that
/// include institutions of his city, and acts only on those institutions.
enum CampaignSteps {
    /// Institution id → region, to scope the institutions of a campaign.
    static func institutionRegions(_ service: CaseworkService) throws -> [String: RegionCode] {
        Dictionary(
            try service.casework.institutions.institutions().map { ($0.institutionID, $0.regionCode) },
            uniquingKeysWith: { a, _ in a })
    }

    /// Whether the person may see the campaign: its region, or one of its institutions, is in their scope.
    static func canSee(_ campaign: InspectionCampaign, _ service: CaseworkService, regions: [String: RegionCode])
        -> Bool
    {
        service.principal.canSee(campaign.regionCode)
            || campaign.institutionIDs.contains { regions[$0].map(service.principal.canSee) ?? false }
    }

    static func visible(_ id: String, _ service: CaseworkService) throws -> InspectionCampaign {
        guard let campaign = try service.casework.campaigns.campaign(id),
            canSee(campaign, service, regions: try institutionRegions(service))
        else { throw AppError.notFound("专项检查") }
        return campaign
    }

    /// Opens a campaign (`campaign_id`, `title`, `region`, `due`, optional `institutions`, optional `checklist`
    /// lines `编号|内容|依据`; the default checklist otherwise).
    static func open(_ form: RequestForm, _ service: CaseworkService) throws -> InspectionCampaign {
        let id = form["campaign_id"] ?? ""
        try service.require(
            service.principal.role.mayManageCasework, "campaign.open", targetType: "campaign", targetID: id)
        return try service.perform("campaign.open", targetType: "campaign", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            _ = fields.text("campaign_id", "专项检查编号")
            let title = fields.text("title", "专项检查名称")
            let region = fields.region("region", "检查范围（地区代码）")
            let due = fields.day("due", "自查截止日")
            var checklist: [ChecklistItem] = []
            for line in (form["checklist"] ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    fields.problem("checklist", "检查清单每行应写作“编号|内容|依据”（收到 \(line)）")
                    continue
                }
                checklist.append(
                    ChecklistItem(
                        itemID: parts[0], text: parts[1], basis: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil))
            }
            let institutions = fields.list("institutions")
            try fields.check()
            guard let region, let due else { throw AppError.invalid("输入有误") }
            let campaign = try service.casework.campaigns.open(
                CampaignPlan(
                    campaignID: id, title: title, regionCode: region, selfInspectionDue: due,
                    checklist: checklist.isEmpty ? CampaignPlan.defaultChecklist : checklist,
                    institutionIDs: institutions.isEmpty ? nil : institutions),
                act: act)
            return (campaign, "启动专项检查：\(title)，\(campaign.institutionIDs.count) 家机构")
        }
    }

    /// The steps by `action`: the province's (`startSpotChecks`, `close`, `draw`) and those on one institution
    /// (`answer`, `addRisk`, `submit`, `check`, `rectify`, `closeRectification`).
    static func step(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> String {
        let campaign = try visible(id, service)
        let code = form["action"] ?? ""
        let provincial = ["startSpotChecks", "close", "draw"].contains(code)
        let role = service.principal.role
        try service.require(
            provincial ? role.mayManageCasework : role.mayHandleCasework, "campaign.\(code)", targetType: "campaign",
            targetID: id)
        let campaigns = service.casework.campaigns
        return try service.perform("campaign.\(code)", targetType: "campaign", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            /// The institution of the step: one of the campaign's, in the person's region.
            func institution() throws -> String {
                let institutionID = fields.text("institution_id", "机构编号")
                try fields.check()
                let regions = try institutionRegions(service)
                guard campaign.institutionIDs.contains(institutionID),
                    let region = regions[institutionID], service.principal.canSee(region)
                else { throw AppError.notFound("专项检查中的机构 \(institutionID)") }
                return institutionID
            }
            switch code {
            case "startSpotChecks":
                try fields.check()
                _ = try campaigns.startSpotChecks(campaignID: id, act: act)
                return ("已转入抽查阶段", "转入抽查阶段")
            case "close":
                try fields.check()
                _ = try campaigns.close(campaignID: id, act: act)
                return ("专项检查已结束", "结束专项检查")
            case "draw":
                let size = fields.int("size", "抽查机构数", in: 1...500)
                let method: SpotCheckMethod? = fields.code("method", "抽取方式", default: .random)
                let seed = fields.seed()
                try fields.check()
                guard let size, let method else { throw AppError.invalid("输入有误") }
                let draw = try campaigns.drawSpotChecks(
                    campaignID: id, size: size, method: method, seed: seed, act: act)
                return (
                    "已抽取 \(draw.drawID)：\(draw.drawn.joined(separator: "、"))",
                    "\(method.chineseName)，种子 \(draw.seed)，抽中 \(draw.drawn.joined(separator: "、"))"
                )
            case "answer":
                var answers: [ChecklistAnswer] = []
                for item in campaign.checklist {
                    guard let text = fields.optional("result_\(item.itemID)") else { continue }
                    guard let result = ChecklistResult(rawValue: text) else {
                        fields.problem("result_\(item.itemID)", "取值须为 \(ChecklistResult.codeList)（收到 \(text)）")
                        continue
                    }
                    answers.append(
                        ChecklistAnswer(
                            itemID: item.itemID, result: result, note: fields.optional("note_\(item.itemID)") ?? ""))
                }
                if let itemID = fields.optional("item_id") {
                    let result: ChecklistResult? = fields.code("result", "自查结果")
                    if let result {
                        answers.append(
                            ChecklistAnswer(itemID: itemID, result: result, note: fields.optional("note") ?? ""))
                    }
                }
                if answers.isEmpty && fields.problems.isEmpty { fields.problem("result", "没有作答内容") }
                let institutionID = try institution()
                _ = try campaigns.answer(campaignID: id, institutionID: institutionID, answers: answers, act: act)
                return ("已填报 \(institutionID) 的自查清单", "\(institutionID)：作答 \(answers.count) 项")
            case "addRisk":
                let description = fields.text("description", "风险描述")
                let institutionID = try institution()
                _ = try campaigns.addRisk(
                    campaignID: id, institutionID: institutionID,
                    risk: ReportedRisk(
                        description: description, riskPointID: fields.optional("risk_point_id"),
                        measure: fields.optional("measure") ?? ""), act: act)
                return ("已登记 \(institutionID) 的风险点", "\(institutionID)：\(description)")
            case "submit":
                let report = fields.text("report", "自查报告")
                let institutionID = try institution()
                _ = try campaigns.submit(campaignID: id, institutionID: institutionID, report: report, act: act)
                return ("\(institutionID) 已提交自查报告", "\(institutionID) 提交自查报告")
            case "check":
                let summary = fields.text("summary", "检查情况")
                let inspectors = fields.list("inspectors")
                if inspectors.isEmpty { fields.problem("inspectors", "须注明检查人员") }
                var problems: [CheckProblem] = []
                for (index, line) in (form["problems"] ?? "").split(whereSeparator: \.isNewline).enumerated() {
                    let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    var amount = Money(fen: 0)
                    if parts.count > 2, !parts[2].isEmpty {
                        guard let value = Formatting.parseYuan(parts[2]) else {
                            fields.problem("problems", "第 \(index + 1) 行的金额无效（\(parts[2])）")
                            continue
                        }
                        amount = value
                    }
                    guard !parts[0].isEmpty else {
                        fields.problem("problems", "第 \(index + 1) 行须描述问题")
                        continue
                    }
                    problems.append(
                        CheckProblem(
                            problemID: "", description: parts[0],
                            itemID: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, amount: amount))
                }
                let institutionID = try institution()
                let check = try campaigns.recordCheck(
                    campaignID: id, institutionID: institutionID, inspectors: inspectors, problems: problems,
                    summary: summary, act: act)
                return ("已登记 \(institutionID) 的抽查结果", "\(institutionID)：发现问题 \(check.problems.count) 个")
            case "rectify":
                let description = fields.text("description", "整改内容")
                let owner = fields.text("owner", "整改责任人")
                let deadline = fields.day("deadline", "整改期限")
                let institutionID = try institution()
                guard let deadline else { throw AppError.invalid("输入有误") }
                let item = try campaigns.openRectification(
                    campaignID: id, institutionID: institutionID, problemID: fields.optional("problem_id"),
                    description: description, owner: owner, deadline: deadline, act: act)
                return ("已提出整改事项 \(item.rectificationID)", "\(item.rectificationID)：\(description)")
            case "closeRectification":
                let itemID = fields.text("rectification_id", "整改事项编号")
                let evidence = fields.text("evidence", "整改佐证材料")
                try fields.check()
                let items = try campaigns.rectifications(campaignID: id)
                guard let item = items.first(where: { $0.rectificationID == itemID }),
                    service.principal.canSee(item.regionCode)
                else { throw AppError.notFound("整改事项 \(itemID)") }
                _ = try campaigns.closeRectification(itemID, evidence: evidence, act: act)
                return ("整改事项 \(itemID) 已销号", "\(itemID) 销号：\(evidence)")
            default:
                fields.problem("action", "未知的专项检查操作：\(code.isEmpty ? "（空）" : code)")
                try fields.check()
                throw AppError.invalid("输入有误")
            }
        }
    }
}
