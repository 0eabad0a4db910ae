import Casework
import Foundation
import FundModel
import FundRules
import FundStore
import Hummingbird

/// 劳动能力鉴定: the register, a file's page (materials, due dates, panel with its seed, pool and recusals,
/// history, a form for every step), and 专家抽取统计 (how often each expert is drawn, for which employers).
struct AssessmentRoutes: CaseworkFileRoutes {
    let environment: ServerEnvironment
    static let base = "/casework/assessments"
    static let area = "assessment"

    func register(on router: Router<FundRequestContext>) {
        registerFileRoutes(on: router)
        router.get("/casework/experts") { request, context in try experts(request, context) }
    }

    func list(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let state: AssessmentState? = fields.stateFilter()
        let caseID = fields.optional("case")
        try fields.check()
        let regions = try RegionNames(store: environment.store)
        let today = environment.today
        var files = try service.casework.assessments.files(scope: service.principal.caseworkScope, state: state)
        if let caseID { files = files.filter { $0.caseID == caseID } }
        let rows = files.map { file in
            CaseworkFileList.Row(
                id: file.assessmentID, under: "/casework/assessments", caseID: file.caseID, worker: file.workerID,
                region: regions.name(file.regionCode), kind: file.kind.chineseName, state: file.state,
                applied: file.appliedDate, deadline: file.currentDeadline(calendar: service.calendar), today: today)
        }
        if let format = try ExportFormat.requested(request) {
            try environment.audit(
                context, "export.assessments", targetType: "assessments", detail: "\(rows.count) 件（\(format.rawValue)）")
            return try ExportResponse.answer(
                CaseworkFileList.sheet(title: "劳动能力鉴定台账", rows: rows, withCase: true), format: format,
                filename: "assessments")
        }
        var model = CaseworkFileList(
            rows, state: state, service: service, context: context, today: today,
            kindOptions: CaseworkPages.options(AssessmentKind.self, selected: "initial"),
            applicantOptions: CaseworkPages.options(AssessmentApplicant.self, selected: "worker"))
        model.caseID = caseID ?? ""
        model.export = ExportLinks(request, filters: ["state", "case"])
        return try CaseworkPages.render(
            environment, "assessments", model, title: "劳动能力鉴定", active: "/casework/assessments", context: context,
            refusal: refusal)
    }

    func openFile(_ form: RequestForm, _ service: CaseworkService) throws -> String {
        try AssessmentSteps.open(form, service).assessmentID
    }

    struct PageModel {
        struct Due {
            var label: String
            var day: String
            var overdue: Bool
        }
        struct Draw {
            var id: String
            var day: String
            var actor: String
            var seed: String
            var size: Int
            var specialties: String
            var drawn: String
            var pool: String
            var poolCount: Int
            var excluded: [String]
            var hasExcluded: Bool
            var superseded: Bool
            var supersededReason: String
            var replayMatches: Bool
        }
        var id: String
        var caseID: String
        var caseHref: String
        var state: String
        var stateName: String
        var kind: String
        var worker: String
        var employer: String
        var region: String
        var applicant: String
        var applied: String
        var hospital: String
        var specialties: String
        var determinationParts: String
        var previous: String?
        var materials: [CaseworkPages.MaterialRow]
        var dues: [Due]
        var extensionText: String?
        var postponements: [String]
        var panel: String
        var conclusion: String?
        var terminated: String?
        var draws: [Draw]
        var hasDraws: Bool
        var history: [CaseworkPages.HistoryRow]
        var csrf: String
        var today: String
        var forms: [String: Bool]
        var hasForms: Bool
        var missing: [CaseworkPages.Option]
        var nursingOptions: [CaseworkPages.Option]
    }

    func page(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let file = try AssessmentSteps.visible(context.parameters.get("id") ?? "", service)
        if refusal == nil {
            try environment.audit(context, "view.assessment", targetType: "assessment", targetID: file.assessmentID)
        }
        let regions = try RegionNames(store: environment.store)
        let today = environment.today
        var dues: [PageModel.Due] = []
        if let due = file.conclusionDue(calendar: service.calendar) {
            dues.append(
                .init(
                    label: "作出鉴定结论（条例第二十五条）", day: due.iso,
                    overdue: file.conclusion.map { $0.day > due } ?? (file.state.isOpen && due < today)))
        }
        if let due = file.deliveryDue(calendar: service.calendar) {
            dues.append(
                .init(label: "送达鉴定结论", day: due.iso, overdue: file.deliveredDate.map { $0 > due } ?? (due < today)))
        }
        if let due = file.secondAssessmentDue(calendar: service.calendar) {
            dues.append(.init(label: "申请再次鉴定截止（条例第二十六条）", day: due.iso, overdue: false))
        }
        if let day = file.earliestReview {
            dues.append(.init(label: "可申请复查鉴定（条例第二十八条）", day: day.iso, overdue: false))
        }
        let names = Dictionary(
            try environment.store.experts().map { ($0.expertID, $0.name) }, uniquingKeysWith: { a, _ in a })
        func expert(_ id: String) -> String { names[id].map { "\(id) \($0)" } ?? id }
        let draws = try service.casework.panels.draws(assessmentID: file.assessmentID).reversed().map { draw in
            let replay = try service.casework.panels.audit(drawID: draw.drawID)
            return PageModel.Draw(
                id: draw.drawID, day: draw.act.day.iso, actor: draw.act.actor, seed: String(draw.seed),
                size: draw.size, specialties: draw.specialties.joined(separator: "、"),
                drawn: draw.drawn.map(expert).joined(separator: "、"),
                pool: draw.pool.map { "\($0.expertID)（\($0.specialty)）" }.joined(separator: "、"),
                poolCount: draw.pool.count,
                excluded: draw.excluded.map {
                    "\(expert($0.expertID))：\($0.reasons.map(\.chineseName).joined(separator: "、"))（\($0.detail)）"
                }, hasExcluded: !draw.excluded.isEmpty, superseded: draw.superseded,
                supersededReason: draw.supersededReason ?? "", replayMatches: replay.matches)
        }
        let allowed = service.offeredSteps(AssessmentMachine.nextSteps(file))
        let model = PageModel(
            id: file.assessmentID, caseID: file.caseID,
            caseHref: "/casework/determinations/\(HTMLText.urlEncode(file.caseID))", state: file.state.rawValue,
            stateName: file.state.chineseName, kind: file.kind.chineseName,
            worker: service.workerID(file.workerID, reveal: true), employer: file.employerID ?? "—",
            region: regions.name(file.regionCode), applicant: file.applicant.chineseName,
            applied: file.appliedDate.iso, hospital: file.hospitalID ?? "—",
            specialties: file.specialties.joined(separator: "、"),
            determinationParts: file.determinationParts.isEmpty ? "—" : file.determinationParts.joined(separator: "、"),
            previous: file.previousAssessmentID,
            materials: CaseworkPages.materials(AssessmentMaterial.checklist(for: file.kind), received: file.materials),
            dues: dues,
            extensionText: file.extensionGranted.map {
                "\($0.day.iso) 延长 \(AssessmentClock.extensionDays) 日：\($0.reason)"
            },
            postponements: file.postponements.map { "\($0.day.iso) 改期 \($0.days) 日：\($0.reason)" },
            panel: file.panel.isEmpty ? "未抽取" : file.panel.map(expert).joined(separator: "、"),
            conclusion: file.conclusion.map {
                "\($0.day.iso) \($0.chineseSummary)；部位：\($0.injuredParts.joined(separator: "、"))\($0.opinion.isEmpty ? "" : "；\($0.opinion)")"
            }, terminated: file.terminatedReason, draws: Array(draws), hasDraws: !draws.isEmpty,
            history: CaseworkPages.history(try service.casework.assessments.history(file.assessmentID)) {
                AssessmentState(rawValue: $0)?.chineseName ?? $0
            }, csrf: context.csrfToken ?? "", today: today.iso,
            forms: Dictionary(uniqueKeysWithValues: allowed.map { ($0, true) }), hasForms: !allowed.isEmpty,
            missing: CaseworkPages.missing(file.missingMaterials),
            nursingOptions: CaseworkPages.options(NursingLevel.self, selected: "none"))
        return try CaseworkPages.render(
            environment, "assessment", model, title: "劳动能力鉴定 \(file.assessmentID)", active: "/casework/assessments",
            context: context, doneOf: request, refusal: refusal)
    }

    func runStep(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> String {
        _ = try AssessmentSteps.step(id, form, service)
        return form["action"] ?? ""
    }

    // MARK: Expert draw statistics

    struct ExpertsModel {
        struct Row {
            var id: String
            var name: String
            var specialty: String
            var institution: String
            var region: String
            var panels: Int
            var superseded: Int
            var excluded: Int
            var employers: String
            var concentrated: Bool
        }
        var from: String
        var to: String
        var rows: [Row]
        var hasRows: Bool
        var export: ExportLinks?
    }

    func experts(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let (from, to) = try Self.period(request, today: environment.today)
        let regions = try RegionNames(store: environment.store)
        let stats = try service.casework.panels.report(scope: service.principal.caseworkScope, from: from, to: to)
        if let format = try ExportFormat.requested(request) {
            var sheet = ExportSheet(
                title: "专家抽取统计",
                headers: ["专家编号", "姓名", "专业", "所在机构", "地区", "参加鉴定组次数", "被替换次数", "回避次数", "涉及用人单位", "是否集中", "统计起", "统计止"])
            for s in stats {
                sheet.append([
                    .text(s.expertID), .text(s.name), .text(s.specialty ?? ""), .text(s.institutionID ?? ""),
                    .text(regions.name(s.regionCode)), .integer(Int64(s.panels)), .integer(Int64(s.superseded)),
                    .integer(Int64(s.excluded)),
                    .text(s.employers.map { "\($0.employerID) ×\($0.panels)" }.joined(separator: "；")),
                    .text(s.concentrated ? "是" : ""), .day(from), .day(to),
                ])
            }
            try environment.audit(
                context, "export.experts", targetType: "experts", detail: "\(from.iso)–\(to.iso)（\(format.rawValue)）")
            return try ExportResponse.answer(sheet, format: format, filename: "experts")
        }
        let rows = stats.map { s in
            ExpertsModel.Row(
                id: s.expertID, name: s.name, specialty: s.specialty ?? "—", institution: s.institutionID ?? "—",
                region: regions.name(s.regionCode), panels: s.panels, superseded: s.superseded, excluded: s.excluded,
                employers: s.employers.map { "\($0.employerID) ×\($0.panels)（365 日内最多 \($0.most365)）" }
                    .joined(separator: "；"), concentrated: s.concentrated)
        }
        return try CaseworkPages.render(
            environment, "experts",
            ExpertsModel(
                from: from.iso, to: to.iso, rows: rows, hasRows: !rows.isEmpty,
                export: ExportLinks(request, filters: ["from", "to"])),
            title: "专家抽取统计", active: "/casework/experts", context: context)
    }

    /// `from` / `to` of a query, by default the 365 days up to today.
    static func period(_ request: Request, today: Day) throws -> (Day, Day) {
        var fields = CaseworkFields(query: request)
        let to = fields.optionalDay("to", "截止日期") ?? today
        let from = fields.optionalDay("from", "起始日期") ?? to.adding(days: -364)
        if from > to { fields.problem("from", "起始日期晚于截止日期") }
        try fields.check()
        return (from, to)
    }
}
