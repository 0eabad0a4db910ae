import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird

/// 协议机构: institutions and their agreements (with history), agreements expiring soon, and the forms to register,
/// sign, suspend, reinstate, terminate and renew.
struct InstitutionRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/casework/institutions") { request, context in try list(request, context) }
        router.post("/casework/institutions") { request, context in try registerInstitution(request, context) }
        router.post("/casework/agreements") { request, context in try sign(request, context) }
        router.post("/casework/agreements/:id/steps") { request, context in try step(request, context) }
    }

    struct Model {
        struct AgreementRow {
            var id: String
            var services: String
            var start: String
            var end: String
            var status: String
            var statusName: String
            var active: Bool
            var suspended: Bool
            var open: Bool
            var history: [CaseworkPages.HistoryRow]
            var hasHistory: Bool
        }
        struct Row {
            var id: String
            var name: String
            var kind: String
            var region: String
            var grade: String
            var agreements: [AgreementRow]
        }
        struct Expiring {
            var id: String
            var institution: String
            var end: String
            var daysLeft: Int
        }
        var rows: [Row]
        var hasRows: Bool
        var expiring: [Expiring]
        var hasExpiring: Bool
        var days: Int
        var canManage: Bool
        var csrf: String
        var today: String
        var kindOptions: [CaseworkPages.Option]
        var export: ExportLinks?
    }

    func list(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let days = fields.expiryDays()
        try fields.check()
        let today = environment.today
        let regions = try RegionNames(store: environment.store)
        let register = service.casework.institutions
        let scope = service.principal.caseworkScope
        let agreements = Dictionary(grouping: try register.agreements(), by: \.institutionID)
        let manage = service.principal.role.mayManageCasework
        if let format = try ExportFormat.requested(request) {
            return try export(
                register.institutions(scope: scope), agreements: agreements, regions: regions, format, context)
        }
        let rows = try register.institutions(scope: scope).map { institution in
            Model.Row(
                id: institution.institutionID, name: institution.name, kind: institution.kind.chineseName,
                region: regions.name(institution.regionCode), grade: institution.grade ?? "",
                agreements: try (agreements[institution.institutionID] ?? []).map { agreement in
                    let history = CaseworkPages.history(try register.history(agreementID: agreement.agreementID)) {
                        AgreementStatus(rawValue: $0)?.chineseName ?? $0
                    }
                    return Model.AgreementRow(
                        id: agreement.agreementID,
                        services: agreement.services.map(\.chineseName).joined(separator: "、"),
                        start: agreement.startDate.iso, end: agreement.endDate.iso, status: agreement.status.rawValue,
                        statusName: agreement.status.chineseName, active: manage && agreement.status == .active,
                        suspended: manage && agreement.status == .suspended,
                        open: manage && agreement.status != .terminated, history: history,
                        hasHistory: !history.isEmpty)
                })
        }
        let expiring = try register.expiring(scope: scope, asOf: today, withinDays: days).map {
            Model.Expiring(
                id: $0.agreement.agreementID,
                institution: "\($0.agreement.institutionID) \($0.institution?.name ?? "")",
                end: $0.agreement.endDate.iso,
                daysLeft: $0.daysLeft)
        }
        let model = Model(
            rows: rows, hasRows: !rows.isEmpty, expiring: expiring, hasExpiring: !expiring.isEmpty, days: days,
            canManage: manage, csrf: context.csrfToken ?? "", today: today.iso,
            kindOptions: CaseworkPages.options(InstitutionKind.self, selected: "medical"),
            export: ExportLinks(request, filters: ["days"]))
        return try CaseworkPages.render(
            environment, "institutions", model, title: "协议机构", active: "/casework/institutions", context: context,
            doneOf: request, refusal: refusal)
    }

    /// The institutions as a download: one line per agreement (an institution without one on a line of its
    /// own), the agreement's days as dates.
    func export(
        _ institutions: [Institution], agreements: [String: [Agreement]], regions: RegionNames, _ format: ExportFormat,
        _ context: FundRequestContext
    ) throws -> Response {
        var sheet = ExportSheet(
            title: "协议机构",
            headers: ["机构编号", "机构名称", "类别", "地区", "等级", "协议编号", "协议服务", "协议起始日期", "协议终止日期", "协议状态"])
        for institution in institutions {
            let base: [ExportSheet.Cell] = [
                .text(institution.institutionID), .text(institution.name), .text(institution.kind.chineseName),
                .text(regions.name(institution.regionCode)), .text(institution.grade ?? ""),
            ]
            let list = agreements[institution.institutionID] ?? []
            if list.isEmpty { sheet.append(base + [.empty, .empty, .empty, .empty, .empty]) }
            for agreement in list {
                sheet.append(
                    base + [
                        .text(agreement.agreementID),
                        .text(agreement.services.map(\.chineseName).joined(separator: "、")),
                        .day(agreement.startDate), .day(agreement.endDate), .text(agreement.status.chineseName),
                    ])
            }
        }
        try environment.audit(
            context, "export.institutions", targetType: "institutions",
            detail: "\(institutions.count) 家（\(format.rawValue)）")
        return try ExportResponse.answer(sheet, format: format, filename: "institutions")
    }

    func post(_ request: Request, _ context: FundRequestContext, _ body: (CaseworkService) throws -> CaseworkDone?)
        throws
        -> Response
    {
        let service = try CaseworkService(environment: environment, context: context)
        return try CaseworkPages.post(
            location: "/casework/institutions", context: context, { try body(service) },
            page: { try list(request, context, refusal: $0) })
    }

    func registerInstitution(_ request: Request, _ context: FundRequestContext) throws -> Response {
        try post(request, context) { service in
            _ = try InstitutionSteps.register(context.form ?? RequestForm(), service)
            return CaseworkDone("institution.register")
        }
    }

    func sign(_ request: Request, _ context: FundRequestContext) throws -> Response {
        try post(request, context) { service in
            _ = try InstitutionSteps.sign(context.form ?? RequestForm(), service)
            return CaseworkDone("agreement.sign")
        }
    }

    func step(_ request: Request, _ context: FundRequestContext) throws -> Response {
        try post(request, context) { service in
            let form = context.form ?? RequestForm()
            let (_, action) = try InstitutionSteps.step(context.parameters.get("id") ?? "", form, service)
            return CaseworkDone("agreement", action.code)
        }
    }
}
