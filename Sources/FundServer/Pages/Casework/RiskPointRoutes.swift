import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 风险点清单: the risk points of the handling process beside the rules that watch each, and every rule with the
/// points it watches; its CSV; the provincial roles edit it.
struct RiskPointRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/casework/risk-points") { request, context in try list(request, context) }
        router.post("/casework/risk-points") { request, context in try step(request, context) }
        router.get("/casework/risk-points.csv") { _, context in try csv(context) }
    }

    struct Model {
        struct Rule {
            var id: String
            var name: String
            var href: String
        }
        struct Point {
            var id: String
            var step: String
            var risk: String
            var rules: [Rule]
            var controls: String
            var owner: String
            var active: Bool
        }
        struct RuleLine {
            var id: String
            var name: String
            var points: String
            var uncovered: Bool
        }
        var points: [Point]
        var hasPoints: Bool
        var rules: [RuleLine]
        var canManage: Bool
        var csrf: String
        var stepOptions: [CaseworkPages.Option]
    }

    func list(
        _ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let inventory = service.casework.riskInventory
        let points = try inventory.points()
        if let format = try ExportFormat.requested(request) {
            var sheet = ExportSheet(title: "风险点清单", headers: ["编号", "环节", "风险点", "监控规则", "防控措施", "责任部门", "状态"])
            for p in points {
                sheet.append([
                    .text(p.riskPointID), .text(p.step.chineseName), .text(p.risk),
                    .text(p.rules.joined(separator: ";")),
                    .text(p.controls), .text(p.owner), .text(p.active ? "在用" : "停用"),
                ])
            }
            try environment.audit(context, "export.risk_points", targetType: "risk_point", detail: format.rawValue)
            return try ExportResponse.answer(sheet, format: format, filename: "风险点清单")
        }
        let byRule = try inventory.pointsByRule()
        let model = Model(
            points: points.map { p in
                Model.Point(
                    id: p.riskPointID, step: p.step.chineseName, risk: p.risk,
                    rules: p.rules.map {
                        Model.Rule(id: $0, name: RuleNames.name($0), href: "/findings?rule=\(HTMLText.urlEncode($0))")
                    }, controls: p.controls, owner: p.owner, active: p.active)
            }, hasPoints: !points.isEmpty,
            rules: RuleCatalog.all.map { rule in
                let watched = byRule[rule.id] ?? []
                return Model.RuleLine(
                    id: rule.id, name: rule.name, points: watched.map(\.riskPointID).joined(separator: "、"),
                    uncovered: watched.isEmpty)
            }, canManage: service.principal.role.mayManageCasework, csrf: context.csrfToken ?? "",
            stepOptions: CaseworkPages.options(ProcessStep.self, selected: nil))
        return try CaseworkPages.render(
            environment, "riskPoints", model, title: "风险点清单", active: "/casework/risk-points", context: context,
            doneOf: request, refusal: refusal)
    }

    func step(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        return try CaseworkPages.post(
            location: "/casework/risk-points", context: context,
            {
                let form = context.form ?? RequestForm()
                _ = try RiskPointSteps.step(form, service)
                return CaseworkDone("riskPoint", form["action"] ?? "")
            },
            page: { try list(request, context, refusal: $0) })
    }

    func csv(_ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let text = RiskInventory.csv(try service.casework.riskInventory.points())
        try environment.audit(context, "export.risk_points", targetType: "risk_point")
        return CaseworkPages.csv(text, filename: "风险点清单.csv")
    }
}
