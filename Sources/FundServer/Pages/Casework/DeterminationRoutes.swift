import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird

/// 工伤认定: the register per city with its state filter, a file's page (checklist, due dates, history and a form
/// for every step its state allows), and the deadlines of both registers per city (`/casework/due`).
struct DeterminationRoutes: CaseworkFileRoutes {
    let environment: ServerEnvironment
    static let base = "/casework/determinations"
    static let area = "determination"

    func register(on router: Router<FundRequestContext>) {
        registerFileRoutes(on: router)
        router.get("/casework/due") { request, context in try due(request, context) }
    }

    // MARK: List

    func list(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let query = RequestForm.query(request.uri.query)
        var fields = CaseworkFields(query)
        let state: DeterminationState? = fields.stateFilter()
        let region = fields.optional("region").flatMap(RegionCode.init)
        if query["region"] != nil && region == nil { fields.problem("region", "地区代码须为 6 位数字") }
        try fields.check()
        let regions = try RegionNames(store: environment.store)
        let today = environment.today
        var files = try service.casework.determinations.files(scope: service.principal.caseworkScope, state: state)
        if let region { files = files.filter { $0.regionCode.city == region.city } }
        let rows = files.map { file in
            CaseworkFileList.Row(
                id: file.caseID, under: "/casework/determinations", worker: file.workerID,
                region: regions.name(file.regionCode), kind: file.kind.chineseName, fatal: file.fatal,
                state: file.state,
                applied: file.appliedDate, deadline: file.currentDeadline(asOf: today, calendar: service.calendar),
                today: today)
        }
        if let format = try ExportFormat.requested(request) {
            try environment.audit(
                context, "export.determinations", targetType: "determinations",
                detail: "\(rows.count) 件（\(format.rawValue)）")
            return try ExportResponse.answer(
                CaseworkFileList.sheet(title: "工伤认定台账", rows: rows, withCase: false), format: format,
                filename: "determinations")
        }
        var model = CaseworkFileList(
            rows, state: state, service: service, context: context, today: today,
            kindOptions: CaseworkPages.options(CaseKind.self, selected: "injury"),
            applicantOptions: CaseworkPages.options(Applicant.self, selected: "employer"))
        model.regionOptions =
            [CaseworkPages.Option(value: "", label: "全部地区", selected: region == nil)]
            + regions.cities.map {
                CaseworkPages.Option(value: $0.code.raw, label: $0.name, selected: $0.code == region)
            }
        model.showRegionFilter = service.principal.caseworkScope == nil
        model.materials = CaseworkPages.options(DeterminationMaterial.self, selected: nil)
        model.export = ExportLinks(request, filters: ["state", "region"])
        return try CaseworkPages.render(
            environment, "determinations", model, title: "工伤认定", active: "/casework/determinations",
            context: context, refusal: refusal)
    }

    func openFile(_ form: RequestForm, _ service: CaseworkService) throws -> String {
        try DeterminationSteps.open(form, service).caseID
    }

    // MARK: A file

    struct PageModel {
        struct Due {
            var label: String
            var day: String
            var basis: String
            var overdue: Bool
        }
        var id: String
        var state: String
        var stateName: String
        var worker: String
        var employer: String
        var region: String
        var kind: String
        var fatal: Bool
        var applicant: String
        var accident: String
        var applied: String
        var appliedLate: Bool
        var description: String
        var materials: [CaseworkPages.MaterialRow]
        var notice: String?
        var clearCase: Bool
        var accepted: String?
        var notAcceptedReason: String?
        var investigations: [String]
        var suspensions: [String]
        var hasInvestigations = false
        var hasSuspensions = false
        var decision: String?
        var delivered: String?
        var dues: [Due]
        var current: String?
        var history: [CaseworkPages.HistoryRow]
        var csrf: String
        var today: String
        var forms: [String: Bool]
        var hasForms: Bool
        var missing: [CaseworkPages.Option]
        var outcomes: [CaseworkPages.Option]
        var assessmentsHref: String
    }

    func page(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let file = try DeterminationSteps.visible(context.parameters.get("id") ?? "", service)
        if refusal == nil {
            try environment.audit(context, "view.determination", targetType: "determination", targetID: file.caseID)
        }
        let regions = try RegionNames(store: environment.store)
        let today = environment.today
        var dues = [
            PageModel.Due(
                label: "申请时限", day: file.applicationDue(calendar: service.calendar).iso, basis: "条例第十七条",
                overdue: file.appliedLate(calendar: service.calendar))
        ]
        if let due = file.acceptanceDue(calendar: service.calendar) {
            dues.append(.init(label: "决定是否受理", day: due.iso, basis: "认定办法第八条", overdue: due < today))
        }
        if let due = file.decisionDue(asOf: today, calendar: service.calendar) {
            let late = file.decision.map { $0.day > due } ?? (file.state != .suspended && due < today)
            dues.append(
                .init(
                    label: "作出认定决定"
                        + (file.suspendedDays(asOf: today) > 0 ? "（已扣除中止 \(file.suspendedDays(asOf: today)) 天）" : ""),
                    day: due.iso, basis: file.clearCase ? "条例第二十条第二款" : "条例第二十条", overdue: late))
        }
        if let due = file.deliveryDue(calendar: service.calendar) {
            let late = file.deliveredDate.map { $0 > due } ?? (due < today)
            dues.append(.init(label: "送达认定决定", day: due.iso, basis: "认定办法第二十二条", overdue: late))
        }
        let current = file.currentDeadline(asOf: today, calendar: service.calendar).map { d in
            "\(d.step)：\(d.due.iso)（\(d.basis)），"
                + (d.isOverdue(asOf: today) ? "已逾期 \(-d.daysLeft(asOf: today)) 天" : "剩余 \(d.daysLeft(asOf: today)) 天")
        }
        let allowed = service.offeredSteps(DeterminationMachine.nextSteps(file))
        var model = PageModel(
            id: file.caseID, state: file.state.rawValue, stateName: file.state.chineseName,
            worker: service.workerID(file.workerID, reveal: true),
            employer: file.employerID ?? "—", region: regions.name(file.regionCode), kind: file.kind.chineseName,
            fatal: file.fatal, applicant: file.applicant.chineseName, accident: file.accidentDate.iso,
            applied: file.appliedDate.iso, appliedLate: file.appliedLate(calendar: service.calendar),
            description: file.description,
            materials: CaseworkPages.materials(DeterminationMaterial.allCases, received: file.materials),
            notice: file.notice.map {
                "\($0.day.iso) 一次性告知补正：\($0.missing.map(\.chineseName).joined(separator: "、"))（\($0.actor)）"
            },
            clearCase: file.clearCase, accepted: file.acceptedDate?.iso, notAcceptedReason: file.notAcceptedReason,
            investigations: file.investigations.map {
                "\($0.day.iso)（\($0.investigators.joined(separator: "、"))）：\($0.summary)"
            },
            suspensions: file.suspensions.map {
                "\($0.from.iso) 至 \($0.until?.iso ?? "今")：等待\($0.awaiting)（\($0.days(asOf: today)) 天）"
            },
            decision: file.decision.map {
                "\($0.day.iso) \($0.outcome.chineseName)，依据\($0.basis.chineseName)；受伤部位：\($0.injuredParts.isEmpty ? "—" : $0.injuredParts.joined(separator: "、"))"
            },
            delivered: file.deliveredDate?.iso, dues: dues, current: current,
            history: CaseworkPages.history(try service.casework.determinations.history(file.caseID)) {
                DeterminationState(rawValue: $0)?.chineseName ?? $0
            },
            csrf: context.csrfToken ?? "", today: today.iso,
            forms: Dictionary(uniqueKeysWithValues: allowed.map { ($0, true) }), hasForms: !allowed.isEmpty,
            missing: CaseworkPages.missing(file.missingMaterials),
            outcomes: CaseworkPages.options(DeterminationOutcome.self, selected: "recognized"),
            assessmentsHref: "/casework/assessments?case=\(HTMLText.urlEncode(file.caseID))")
        model.hasInvestigations = !model.investigations.isEmpty
        model.hasSuspensions = !model.suspensions.isEmpty
        return try CaseworkPages.render(
            environment, "determination", model, title: "工伤认定 \(file.caseID)", active: "/casework/determinations",
            context: context, doneOf: request, refusal: refusal)
    }

    func runStep(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> String {
        let (_, action) = try DeterminationSteps.step(id, form, service)
        return action.code
    }

    // MARK: Deadlines

    struct DueModel {
        struct Line {
            var subject: String
            var id: String
            var href: String
            var step: String
            var due: String
            var days: Int
            var basis: String
        }
        struct City {
            var name: String
            var overdue: [Line]
            var dueSoon: [Line]
            var overdueCount: Int
            var dueSoonCount: Int
        }
        var days: Int
        var today: String
        var cities: [City]
        var hasCities: Bool
        var export: ExportLinks?
    }

    func due(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let days = fields.deadlineDays()
        try fields.check()
        let today = environment.today
        let regions = try RegionNames(store: environment.store)
        let lists = try service.casework.deadlines(
            scope: service.principal.caseworkScope, asOf: today, withinDays: days)
        if let format = try ExportFormat.requested(request) {
            try environment.audit(
                context, "export.deadlines", targetType: "deadlines", detail: "\(days) 日内（\(format.rawValue)）")
            return try ExportResponse.answer(
                Self.dueSheet(lists, regions: regions, today: today), format: format, filename: "deadlines")
        }
        func line(_ d: Deadline) -> DueModel.Line {
            let href =
                d.subject == .determination
                ? "/casework/determinations/\(HTMLText.urlEncode(d.id))"
                : "/casework/assessments/\(HTMLText.urlEncode(d.id))"
            return DueModel.Line(
                subject: d.subject.chineseName, id: d.id, href: href, step: d.step, due: d.due.iso,
                days: abs(d.daysLeft(asOf: today)), basis: d.basis)
        }
        let cities = lists.map { list in
            DueModel.City(
                name: regions.name(list.regionCode), overdue: list.overdue.map(line), dueSoon: list.dueSoon.map(line),
                overdueCount: list.overdue.count, dueSoonCount: list.dueSoon.count)
        }
        return try CaseworkPages.render(
            environment, "caseworkDue",
            DueModel(
                days: days, today: today.iso, cities: cities, hasCities: !cities.isEmpty,
                export: ExportLinks(request, filters: ["days"])),
            title: "办理时限",
            active: "/casework/determinations", context: context)
    }

    /// The deadlines per city as a download: one line per file, overdue first, the due day as a date.
    static func dueSheet(_ lists: [DeadlineList], regions: RegionNames, today: Day) -> ExportSheet {
        var sheet = ExportSheet(
            title: "办理时限", headers: ["地区", "情况", "类别", "编号", "环节", "期限", "逾期或剩余天数", "依据"])
        for list in lists {
            for (group, deadlines) in [("已逾期", list.overdue), ("即将到期", list.dueSoon)] {
                for d in deadlines {
                    sheet.append([
                        .text(regions.name(list.regionCode)), .text(group), .text(d.subject.chineseName), .text(d.id),
                        .text(d.step), .day(d.due), .integer(Int64(abs(d.daysLeft(asOf: today)))), .text(d.basis),
                    ])
                }
            }
        }
        return sheet
    }
}
