import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 规则参数: one rule's province settings as a form with Chinese labels and units (`RuleParameterForm`).
///
/// Saving lays the form's fragment over the configuration in force (the rule's own keys replaced, every other
/// rule and the cities' overrides kept), validates it with the parser behind `fundguard rules check`, and keeps
/// the change like a YAML edit on the rules page: who, when, why, the texts before and after, an audit entry.
struct RuleFormRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/rules/:id") { request, context in try page(request, context) }
        router.post("/rules/:id") { request, context in try save(request, context) }
    }

    struct Model {
        var csrf: String
        var id: String
        var name: String
        var kind: String
        var mayEdit: Bool
        var fields: [RuleParameterForm.Field]
        var overrides: [String]
        var hasOverrides: Bool
        var reason: String
        var errors: [String]
        var hasErrors: Bool
        var yaml: String
    }

    func spec(_ context: FundRequestContext) throws -> RuleSpec {
        guard let spec = RuleCatalog.spec(context.parameters.get("id") ?? "") else { throw AppError.notFound("规则") }
        return spec
    }

    func page(
        _ request: Request, _ context: FundRequestContext, submitted: RequestForm? = nil, errors: [String] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let spec = try spec(context)
        let configuration = try ScreeningService(environment: environment).currentConfiguration()
        let form = RuleParameterForm(spec: spec)
        let regions = try RegionNames(store: environment.store)
        let overrides = configuration.cities.keys.sorted().compactMap { city -> String? in
            guard let value = configuration.cities[city]?[spec.id] else { return nil }
            let text = ThresholdText.lines(value).map { "\($0.key)：\($0.value)" }.joined(separator: "；")
            return "\(regions.name(city))：\(text)"
        }
        let current = configuration.base[spec.id] ?? .map([:])
        let model = Model(
            csrf: context.csrfToken ?? "", id: spec.id, name: spec.name, kind: spec.kind == .rule ? "规则" : "指标",
            mayEdit: principal.role.mayEditRules, fields: form.fields(current: current, submitted: submitted),
            overrides: overrides, hasOverrides: !overrides.isEmpty, reason: submitted?["reason"] ?? "",
            errors: errors, hasErrors: !errors.isEmpty, yaml: Self.section(of: spec, in: configuration))
        let done = request.uri.queryParameters["done"] == "saved"
        return environment.renderer.page(
            "ruleEdit", model, title: "\(spec.id) \(spec.name)", active: "/rules", context: context,
            flash: done ? "\(spec.id) 的参数已保存并生效" : nil, status: status)
    }

    /// The rule's lines of the configuration's YAML, for those who know the file.
    static func section(of spec: RuleSpec, in configuration: RulesConfiguration) -> String {
        let lines = configuration.yaml().split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == "  \(spec.id):" }) else { return "" }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
        return lines[start..<end].joined(separator: "\n")
    }

    func save(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayEditRules else { throw AppError.forbidden }
        let spec = try spec(context)
        let form = context.form ?? RequestForm()
        let reason = form["reason"] ?? ""
        let current = try ScreeningService(environment: environment).currentConfiguration()
        let (configuration, problems) = Self.draft(spec: spec, form: form, over: current)
        var errors = problems
        if reason.isEmpty { errors.append("请填写修改理由") }
        if reason.count > 500 { errors.append("修改理由不能超过 500 字") }
        if let configuration, configuration == current { errors.append("\(spec.id) \(spec.name) 的参数没有变化") }
        guard errors.isEmpty, let configuration else {
            try environment.audit(
                context, "rules.change", targetType: "rules", targetID: spec.id, outcome: "failed",
                detail: errors.joined(separator: "；"))
            return try page(request, context, submitted: form, errors: errors, status: .unprocessableContent)
        }
        let id = try environment.store.saveRulesConfiguration(
            RulesConfigurationChange(
                at: environment.now(), userID: principal.user.id, userName: principal.user.displayName,
                reason: "\(spec.id) \(spec.name)：\(reason)", oldYAML: current.yaml(), newYAML: configuration.yaml()))
        try environment.audit(
            context, "rules.change", targetType: "rules", targetID: String(id), detail: "\(spec.id)：\(reason)")
        return redirect("/rules/\(spec.id)?done=saved")
    }

    /// The configuration with the rule's province settings taken from the form, or the problems in Chinese.
    ///
    /// The rule's keys are replaced whole (an item left out of a table is removed), then the complete text is
    /// checked once more exactly as `fundguard rules check` checks a file (`RulesConfiguration.validate`).
    static func draft(spec: RuleSpec, form: RequestForm, over current: RulesConfiguration) -> (
        RulesConfiguration?, [String]
    ) {
        let ruleForm = RuleParameterForm(spec: spec)
        let (fragment, problems) = ruleForm.fragment(form, current: current.base[spec.id])
        var base = current
        base.base[spec.id] = .map([:])
        let configuration: RulesConfiguration
        do {
            configuration = try RulesConfiguration(yaml: fragment, over: base)
        } catch {
            return (nil, problems + error.issues.map(ruleForm.describe))
        }
        guard problems.isEmpty else { return (nil, problems) }
        let issues = RulesConfiguration.validate(yaml: configuration.yaml())
        guard issues.isEmpty else { return (nil, issues.map(ruleForm.describe)) }
        return (configuration, [])
    }
}
