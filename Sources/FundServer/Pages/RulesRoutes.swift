import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 规则与阈值: the rules with their switches, levels and parameters for the province and each city;
/// editing with validation and a reason (each change kept); trial runs (试算).
struct RulesRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/rules") { request, context in try page(request, context) }
        router.post("/rules") { request, context in try save(request, context) }
        router.post("/rules/trial") { request, context in try await trial(request, context) }
    }

    struct RuleRow {
        var id: String
        var name: String
        var kind: String
        var realTime: Bool
        var enabled: Bool
        var settings: String
        var overrides: [String]
        var hasOverrides: Bool
    }

    struct Change {
        var id: Int64
        var at: String
        var user: String
        var reason: String
        var oldYAML: String
        var newYAML: String
    }

    struct Model {
        var csrf: String
        var mayEdit: Bool
        var rules: [RuleRow]
        var yaml: String
        var reason: String
        var asOf: String
        var errors: [String]
        var hasErrors: Bool
        var changes: [Change]
        var hasChanges: Bool
        var source: String
        var trial: String?
    }

    func page(
        _ request: Request, _ context: FundRequestContext, draft: String? = nil, reason: String = "",
        asOf: String? = nil, errors: [String] = [], flash: String? = nil, trial: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let service = ScreeningService(environment: environment)
        let configuration = try service.currentConfiguration()
        let regions = try RegionNames(store: environment.store)
        let rows = RuleCatalog.all.map { spec in
            let settings = configuration.settings(spec.id, region: nil)
            let summary = ThresholdText.lines(settings.value).filter { $0.key != "启用" }
                .map { "\($0.key)：\($0.value)" }.joined(separator: "；")
            let overrides = configuration.cities.keys.sorted().compactMap { city -> String? in
                guard let value = configuration.cities[city]?[spec.id] else { return nil }
                let text = ThresholdText.lines(value).map { "\($0.key)：\($0.value)" }.joined(separator: "；")
                return "\(regions.name(city))：\(text)"
            }
            return RuleRow(
                id: spec.id, name: spec.name, kind: spec.kind == .rule ? "规则" : "指标", realTime: spec.isRealTime,
                enabled: settings.enabled, settings: summary, overrides: overrides, hasOverrides: !overrides.isEmpty)
        }
        let changes = try environment.store.rulesConfigurationChanges(limit: 50).map {
            Change(
                id: $0.id, at: Formatting.moment($0.at), user: $0.userName, reason: $0.reason, oldYAML: $0.oldYAML,
                newYAML: $0.newYAML)
        }
        let defaultAsOf = try service.defaultAsOf().iso
        let model = Model(
            csrf: context.csrfToken ?? "", mayEdit: principal.role.mayEditRules, rules: rows,
            yaml: draft ?? configuration.yaml(), reason: reason, asOf: asOf ?? defaultAsOf,
            errors: errors, hasErrors: !errors.isEmpty, changes: changes, hasChanges: !changes.isEmpty,
            source: changes.isEmpty
                ? "内置默认配置（rules.md）" : "第 \(changes[0].id) 次修改（\(changes[0].at)，\(changes[0].user)）",
            trial: trial)
        let done = request.uri.queryParameters["done"] == "saved"
        return environment.renderer.page(
            "rules", model, title: "规则与阈值", active: "/rules", context: context,
            flash: flash ?? (done ? "规则配置已保存并生效" : nil), status: status)
    }

    /// The draft from the form: the YAML text, checked; problems as lines for the page.
    func draft(_ form: RequestForm) -> (RulesConfiguration?, [String]) {
        guard let text = form.raw("yaml"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return (nil, ["请填写规则配置（YAML）"])
        }
        if text.utf8.count > 1_000_000 { return (nil, ["规则配置过长（超过 1 MB）"]) }
        do {
            return (try RulesConfiguration(yaml: text), [])
        } catch {
            return (nil, error.issues.map { issue in (issue.line.map { "第 \($0) 行：" } ?? "") + issue.description })
        }
    }

    func save(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayEditRules else { throw AppError.forbidden }
        let form = context.form ?? RequestForm()
        let reason = form["reason"] ?? ""
        var (configuration, errors) = draft(form)
        if reason.isEmpty { errors.append("请填写修改理由") }
        if reason.count > 500 { errors.append("修改理由不能超过 500 字") }
        let current = try ScreeningService(environment: environment).currentConfiguration()
        if let configuration, configuration == current { errors.append("配置没有变化") }
        guard errors.isEmpty, let configuration else {
            try environment.audit(
                context, "rules.change", targetType: "rules", outcome: "failed", detail: errors.joined(separator: "；"))
            return try page(
                request, context, draft: form.raw("yaml"), reason: reason, errors: errors, status: .unprocessableContent
            )
        }
        let id = try environment.store.saveRulesConfiguration(
            RulesConfigurationChange(
                at: environment.now(), userID: principal.user.id, userName: principal.user.displayName, reason: reason,
                oldYAML: current.yaml(), newYAML: configuration.yaml()))
        try environment.audit(context, "rules.change", targetType: "rules", targetID: String(id), detail: reason)
        return redirect("/rules?done=saved")
    }

    struct TrialModel {
        var lines: [ScreeningService.TrialLine]
        var rows: [TrialRow]
        var asOf: String
        var changed: Int
    }

    struct TrialRow {
        var ruleID: String
        var name: String
        var current: Int
        var draft: Int
        var difference: String
        var up: Bool
        var down: Bool
        var currentRed: Int
        var draftRed: Int
        var currentAmount: String
        var draftAmount: String
        var notRun: String?
    }

    func trial(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayEditRules else { throw AppError.forbidden }
        let form = context.form ?? RequestForm()
        var (configuration, errors) = draft(form)
        let asOfText = form["as_of"] ?? ""
        let asOf = Day(iso: asOfText)
        if asOf == nil { errors.append("筛查日期须为 YYYY-MM-DD") }
        guard errors.isEmpty, let configuration, let asOf else {
            return try page(
                request, context, draft: form.raw("yaml"), reason: form["reason"] ?? "", asOf: asOfText,
                errors: errors, status: .unprocessableContent)
        }
        // Off the request path: a background job, whose page shows this page again with the result (`JobRoutes`).
        let job = JobRoutes.startTrial(
            draft: configuration, draftYAML: form.raw("yaml") ?? configuration.yaml(), reason: form["reason"] ?? "",
            asOf: asOf, principal: principal, context: context, environment: environment)
        return await JobRoutes.answer(job, environment: environment)
    }

    /// The trial's table: rules whose count changes first, then those that ran, then those that could not run.
    func trialHTML(_ lines: [ScreeningService.TrialLine], asOf: Day) -> String {
        let ordered = lines.enumerated().sorted { a, b in
            let ka = (a.element.difference == 0 ? 1 : 0, a.element.notRun == nil ? 0 : 1, a.offset)
            let kb = (b.element.difference == 0 ? 1 : 0, b.element.notRun == nil ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)
        let rows = ordered.map { line in
            TrialRow(
                ruleID: line.ruleID, name: line.name, current: line.current, draft: line.draft,
                difference: line.difference > 0 ? "+\(line.difference)" : String(line.difference),
                up: line.difference > 0, down: line.difference < 0, currentRed: line.currentRed,
                draftRed: line.draftRed, currentAmount: line.currentAmount, draftAmount: line.draftAmount,
                notRun: line.notRun)
        }
        return environment.renderer.render(
            "rulesTrial",
            TrialModel(lines: lines, rows: rows, asOf: asOf.iso, changed: lines.filter { $0.difference != 0 }.count))
    }
}
