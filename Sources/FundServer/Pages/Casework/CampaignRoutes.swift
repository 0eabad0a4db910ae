import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird

/// 专项检查: campaigns with their checklist, self-inspections, spot-check draws and results, rectification items,
/// the printable self-inspection report with the risk list (风险清单), and both as CSV.
struct CampaignRoutes: CaseworkFileRoutes {
    let environment: ServerEnvironment
    static let base = "/casework/campaigns"
    static let area = "campaign"

    func register(on router: Router<FundRequestContext>) {
        registerFileRoutes(on: router)
        router.get("/casework/campaigns/:id/report") { request, context in try report(request, context) }
        router.get("/casework/campaigns/:id/report.csv") { _, context in try csv(context, risks: false) }
        router.get("/casework/campaigns/:id/risks.csv") { _, context in try csv(context, risks: true) }
    }

    struct ListModel {
        struct Row {
            var id: String
            var href: String
            var title: String
            var region: String
            var state: String
            var stateName: String
            var opened: String
            var due: String
            var institutions: Int
        }
        var rows: [Row]
        var hasRows: Bool
        var canOpen: Bool
        var csrf: String
        var today: String
        var defaultChecklist: String
    }

    func list(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let regions = try RegionNames(store: environment.store)
        let institutionRegions = try CampaignSteps.institutionRegions(service)
        let rows = try service.casework.campaigns.campaigns().filter {
            CampaignSteps.canSee($0, service, regions: institutionRegions)
        }.map { c in
            ListModel.Row(
                id: c.campaignID, href: "/casework/campaigns/\(HTMLText.urlEncode(c.campaignID))", title: c.title,
                region: regions.name(c.regionCode), state: c.state.rawValue, stateName: c.state.chineseName,
                opened: c.opened.day.iso, due: c.selfInspectionDue.iso, institutions: c.institutionIDs.count)
        }
        let model = ListModel(
            rows: rows, hasRows: !rows.isEmpty, canOpen: service.principal.role.mayManageCasework,
            csrf: context.csrfToken ?? "", today: environment.today.iso,
            defaultChecklist: CampaignPlan.defaultChecklist.map { "\($0.itemID)|\($0.text)|\($0.basis ?? "")" }
                .joined(separator: "\n"))
        return try CaseworkPages.render(
            environment, "campaigns", model, title: "专项检查", active: "/casework/campaigns", context: context,
            doneOf: request, refusal: refusal)
    }

    func openFile(_ form: RequestForm, _ service: CaseworkService) throws -> String {
        try CampaignSteps.open(form, service).campaignID
    }

    struct PageModel {
        struct Item {
            var id: String
            var text: String
            var basis: String
        }
        struct Inspection {
            var institution: String
            var institutionID: String
            var state: String
            var stateName: String
            var answers: String
            var risks: [String]
            var report: String
            var submitted: String
            var pending: Bool
        }
        struct Draw {
            var id: String
            var day: String
            var method: String
            var seed: String
            var candidates: String
            var drawn: String
        }
        struct Check {
            var institution: String
            var institutionID: String
            var stateName: String
            var planned: Bool
            var problems: [String]
            var summary: String
        }
        struct Rectification {
            var id: String
            var institution: String
            var description: String
            var owner: String
            var deadline: String
            var stateName: String
            var open: Bool
            var overdue: Bool
            var evidence: String
        }
        var id: String
        var campaignID: String
        var title: String
        var region: String
        var state: String
        var stateName: String
        var opened: String
        var due: String
        var checklist: [Item]
        var inspections: [Inspection]
        var draws: [Draw]
        var hasDraws: Bool
        var checks: [Check]
        var hasChecks: Bool
        var rectifications: [Rectification]
        var hasRectifications: Bool
        var history: [CaseworkPages.HistoryRow]
        var csrf: String
        var today: String
        var canManage: Bool
        var canHandle: Bool
        var selfInspecting: Bool
        var spotChecking: Bool
        var notClosed: Bool
        var pendingInstitutions: [CaseworkPages.Option]
        var plannedInstitutions: [CaseworkPages.Option]
        var allInstitutions: [CaseworkPages.Option]
        var resultOptions: [CaseworkPages.Option]
    }

    func page(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let campaign = try CampaignSteps.visible(context.parameters.get("id") ?? "", service)
        let campaigns = service.casework.campaigns
        let regions = try RegionNames(store: environment.store)
        let institutions = Dictionary(
            try service.casework.institutions.institutions().map { ($0.institutionID, $0) },
            uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { "\(id) \(institutions[id]?.name ?? "")" }
        func mine(_ region: RegionCode) -> Bool { service.principal.canSee(region) }
        let today = environment.today
        let inspections = try campaigns.selfInspections(campaignID: campaign.campaignID).filter { mine($0.regionCode) }
        let checks = try campaigns.spotChecks(campaignID: campaign.campaignID).filter { mine($0.regionCode) }
        let items = try campaigns.rectifications(campaignID: campaign.campaignID).filter { mine($0.regionCode) }
        let draws = try campaigns.spotCheckDraws(campaignID: campaign.campaignID)
        let handle = service.principal.role.mayHandleCasework
        let model = PageModel(
            id: campaign.campaignID, campaignID: campaign.campaignID, title: campaign.title,
            region: regions.name(campaign.regionCode), state: campaign.state.rawValue,
            stateName: campaign.state.chineseName, opened: campaign.opened.day.iso,
            due: campaign.selfInspectionDue.iso,
            checklist: campaign.checklist.map { .init(id: $0.itemID, text: $0.text, basis: $0.basis ?? "") },
            inspections: inspections.map { i in
                PageModel.Inspection(
                    institution: name(i.institutionID), institutionID: i.institutionID, state: i.state.rawValue,
                    stateName: i.state.chineseName,
                    answers: i.answers.map {
                        "\($0.itemID) \($0.result.chineseName)\($0.note.isEmpty ? "" : "（\($0.note)）")"
                    }
                    .joined(separator: "；"),
                    risks: i.risks.map {
                        "\($0.riskPointID.map { "[\($0)] " } ?? "")\($0.description)\($0.measure.isEmpty ? "" : "；措施：\($0.measure)")"
                    },
                    report: i.report, submitted: i.submitted?.day.iso ?? "", pending: i.state == .pending)
            },
            draws: draws.map { d in
                PageModel.Draw(
                    id: d.drawID, day: d.act.day.iso, method: d.method.chineseName, seed: String(d.seed),
                    candidates: d.candidates.map {
                        "\($0.institutionID)×\($0.weight)\($0.basis.isEmpty ? "" : "（\($0.basis)）")"
                    }
                    .joined(separator: "、"), drawn: d.drawn.map(name).joined(separator: "、"))
            }, hasDraws: !draws.isEmpty,
            checks: checks.map { c in
                PageModel.Check(
                    institution: name(c.institutionID), institutionID: c.institutionID, stateName: c.state.chineseName,
                    planned: c.state == .planned,
                    problems: c.problems.map {
                        "\($0.problemID) \($0.description)\($0.itemID.map { "（\($0)）" } ?? "") \(Formatting.yuan($0.amount)) 元"
                    },
                    summary: c.summary)
            }, hasChecks: !checks.isEmpty,
            rectifications: items.map { r in
                PageModel.Rectification(
                    id: r.rectificationID, institution: name(r.institutionID), description: r.description,
                    owner: r.owner, deadline: r.deadline.iso, stateName: r.state.chineseName, open: r.state == .open,
                    overdue: r.isOverdue(asOf: today), evidence: r.evidence ?? "")
            }, hasRectifications: !items.isEmpty,
            history: CaseworkPages.history(try campaigns.history(.campaign, id: campaign.campaignID)) {
                CampaignState(rawValue: $0)?.chineseName ?? $0
            }, csrf: context.csrfToken ?? "", today: today.iso,
            canManage: service.principal.role.mayManageCasework, canHandle: handle,
            selfInspecting: campaign.state == .selfInspection, spotChecking: campaign.state == .spotChecking,
            notClosed: campaign.state != .closed,
            pendingInstitutions: inspections.filter { $0.state == .pending }.map {
                .init(value: $0.institutionID, label: name($0.institutionID), selected: false)
            },
            plannedInstitutions: checks.filter { $0.state == .planned }.map {
                .init(value: $0.institutionID, label: name($0.institutionID), selected: false)
            },
            allInstitutions: campaign.institutionIDs.filter { institutions[$0].map { mine($0.regionCode) } ?? false }
                .map { .init(value: $0, label: name($0), selected: false) },
            resultOptions: CaseworkPages.options(ChecklistResult.self, selected: "compliant"))
        return try CaseworkPages.render(
            environment, "campaign", model, title: "专项检查 \(campaign.campaignID)", active: "/casework/campaigns",
            context: context, doneOf: request, refusal: refusal)
    }

    func runStep(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> String {
        _ = try CampaignSteps.step(id, form, service)
        return form["action"] ?? ""
    }

    /// The report, limited to the person's region (a city sees its own institutions' lines and risks).
    static func scopedReport(_ id: String, _ service: CaseworkService, asOf: Day) throws -> CampaignReport {
        let campaign = try CampaignSteps.visible(id, service)
        var report = try service.casework.campaigns.report(campaignID: campaign.campaignID, asOf: asOf)
        report.lines = report.lines.filter { service.principal.canSee($0.regionCode) }
        report.risks = report.risks.filter { service.principal.canSee($0.regionCode) }
        return report
    }

    struct ReportModel {
        struct Item {
            var id: String
            var text: String
            var compliant: Int
            var nonCompliant: Int
            var notApplicable: Int
            var unanswered: Int
        }
        struct Line {
            var id: String
            var name: String
            var region: String
            var selfInspection: String
            var submitted: String
            var late: Bool
            var nonCompliant: Int
            var risks: Int
            var spotCheck: String
            var problems: Int
            var amount: String
            var open: Int
            var closed: Int
            var overdue: Int
        }
        struct Risk {
            var n: Int
            var source: String
            var institution: String
            var region: String
            var reference: String
            var description: String
            var measure: String
            var status: String
        }
        var id: String
        var title: String
        var region: String
        var asOf: String
        var institutions: Int
        var submitted: Int
        var submittedLate: Int
        var spotCheckDrawn: Int
        var spotChecked: Int
        var problems: Int
        var problemAmount: String
        var rectificationsOpen: Int
        var rectificationsClosed: Int
        var rectificationsOverdue: Int
        var items: [Item]
        var lines: [Line]
        var risks: [Risk]
        var hasRisks: Bool
    }

    func report(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let report = try Self.scopedReport(context.parameters.get("id") ?? "", service, asOf: environment.today)
        if let format = try ExportFormat.requested(request) {
            let risks = request.uri.queryParameters["list"] == "risks"
            let id = report.campaign.campaignID
            try environment.audit(
                context, risks ? "export.risk_list" : "export.campaign_report", targetType: "campaign", targetID: id,
                detail: format.rawValue)
            return try ExportResponse.answer(
                risks ? Self.risksSheet(report) : Self.linesSheet(report), format: format,
                filename: risks ? "风险清单-\(id)" : "自查报告-\(id)")
        }
        try environment.audit(
            context, "view.campaign_report", targetType: "campaign", targetID: report.campaign.campaignID)
        let regions = try RegionNames(store: environment.store)
        let model = ReportModel(
            id: report.campaign.campaignID, title: report.campaign.title,
            region: regions.name(report.campaign.regionCode),
            asOf: report.asOf.iso, institutions: report.lines.count, submitted: report.submitted,
            submittedLate: report.submittedLate, spotCheckDrawn: report.spotCheckDrawn, spotChecked: report.spotChecked,
            problems: report.problems, problemAmount: Formatting.yuan(report.problemAmount),
            rectificationsOpen: report.rectificationsOpen, rectificationsClosed: report.rectificationsClosed,
            rectificationsOverdue: report.rectificationsOverdue,
            items: report.items.map {
                .init(
                    id: $0.item.itemID, text: $0.item.text, compliant: $0.compliant, nonCompliant: $0.nonCompliant,
                    notApplicable: $0.notApplicable, unanswered: $0.unanswered)
            },
            lines: report.lines.map {
                .init(
                    id: $0.institutionID, name: $0.name, region: regions.name($0.regionCode),
                    selfInspection: $0.selfInspection.chineseName, submitted: $0.submittedDay?.iso ?? "",
                    late: $0.submittedLate, nonCompliant: $0.nonCompliant, risks: $0.risks,
                    spotCheck: $0.spotCheck?.chineseName ?? "未抽中", problems: $0.problems,
                    amount: Formatting.yuan($0.problemAmount), open: $0.rectificationsOpen,
                    closed: $0.rectificationsClosed, overdue: $0.rectificationsOverdue)
            },
            risks: report.risks.enumerated().map { n, r in
                .init(
                    n: n + 1, source: r.source, institution: "\(r.institutionID) \(r.institutionName)",
                    region: regions.name(r.regionCode), reference: r.reference, description: r.description,
                    measure: r.measure, status: r.status)
            }, hasRisks: !report.risks.isEmpty)
        return try CaseworkPages.render(
            environment, "campaignReport", model, title: "自查报告与风险清单 \(report.campaign.campaignID)",
            active: "/casework/campaigns", context: context)
    }

    /// The institutions' lines of a campaign report as a download: the submission day a date, the problem
    /// amount money (the CSV of `report.csv` keeps its own form).
    static func linesSheet(_ report: CampaignReport) -> ExportSheet {
        var sheet = ExportSheet(
            title: "自查报告",
            headers: [
                "机构编号", "机构名称", "统筹地区", "自查状态", "提交日期", "逾期提交", "不符合项", "风险点", "抽查状态", "抽查问题", "问题金额（元）",
                "整改中", "已销号", "逾期整改",
            ])
        for line in report.lines {
            sheet.append([
                .text(line.institutionID), .text(line.name), .text(line.regionCode.raw),
                .text(line.selfInspection.chineseName), line.submittedDay.map { .day($0) } ?? .empty,
                .text(line.submittedLate ? "是" : "否"), .integer(Int64(line.nonCompliant)), .integer(Int64(line.risks)),
                .text(line.spotCheck?.chineseName ?? "未抽中"), .integer(Int64(line.problems)), .money(line.problemAmount),
                .integer(Int64(line.rectificationsOpen)), .integer(Int64(line.rectificationsClosed)),
                .integer(Int64(line.rectificationsOverdue)),
            ])
        }
        return sheet
    }

    /// The risk list (风险清单) of a campaign as a download.
    static func risksSheet(_ report: CampaignReport) -> ExportSheet {
        var sheet = ExportSheet(
            title: "风险清单", headers: ["序号", "来源", "机构编号", "机构名称", "统筹地区", "检查项目或风险点", "风险描述", "措施", "状态"])
        for (index, risk) in report.risks.enumerated() {
            sheet.append([
                .integer(Int64(index + 1)), .text(risk.source), .text(risk.institutionID), .text(risk.institutionName),
                .text(risk.regionCode.raw), .text(risk.reference), .text(risk.description), .text(risk.measure),
                .text(risk.status),
            ])
        }
        return sheet
    }

    func csv(_ context: FundRequestContext, risks: Bool) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let report = try Self.scopedReport(context.parameters.get("id") ?? "", service, asOf: environment.today)
        let id = report.campaign.campaignID
        try environment.audit(
            context, risks ? "export.risk_list" : "export.campaign_report", targetType: "campaign", targetID: id)
        return CaseworkPages.csv(
            risks ? report.risksCSV : report.linesCSV, filename: risks ? "风险清单-\(id).csv" : "自查报告-\(id).csv")
    }
}
