import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// The JSON API under `/api/v1`: the same operations and roles as the console (`openapi.yaml`).
struct APIRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        let api = router.group("api/v1")
        api.get("me") { _, context in try me(context) }
        api.get("findings") { request, context in try findings(request, context) }
        api.get("findings/:id") { _, context in try finding(context) }
        api.get("findings/:id/steps") { _, context in try steps(context) }
        api.post("findings/:id/steps") { request, context in try await addStep(request, context) }
        api.get("runs") { request, context in try runs(request, context) }
        api.post("runs") { request, context in try await startRun(request, context) }
        api.get("imports") { request, context in try imports(request, context) }
        api.post("imports") { request, context in try await startImport(request, context) }
        api.get("rules") { _, context in try rules(context) }
        api.get("cases/:id/entitlements") { request, context in try entitlements(request, context) }
        api.put("rules") { request, context in try await changeRules(request, context) }
        api.post("rules/trial") { request, context in try await trial(request, context) }
        api.get("jobs/:id") { _, context in try job(context) }
        api.get("api-keys") { _, context in try apiKeys(context) }
        api.delete("api-keys/:id") { _, context in try revokeAPIKey(context) }
    }

    // MARK: API keys (issue 11 #8)

    struct APIKeyJSON: Encodable {
        var id: Int64
        var label: String
        var prefix: String
        var createdAt: String
        var expiresAt: String?
        var revoked: Bool
        var usable: Bool
    }

    /// The caller's own keys (never the keys themselves: only their prefix).
    func apiKeys(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let now = environment.now()
        return APIResponse.json(
            try environment.store.apiKeys(userID: principal.user.id).map {
                APIKeyJSON(
                    id: $0.id, label: $0.label, prefix: $0.prefix, createdAt: Self.iso($0.createdAt),
                    expiresAt: $0.expiresAt.map(Self.iso), revoked: $0.revoked, usable: $0.isUsable(at: now))
            })
    }

    /// Revokes one of the caller's keys (the key of the request itself too).
    func revokeAPIKey(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
            try environment.store.revokeAPIKey(id: id, userID: principal.user.id)
        else { throw AppError.notFound("API 密钥") }
        try environment.audit(context, "account.api_key.revoke", targetType: "api_key", targetID: String(id))
        return Response(status: .noContent)
    }

    // MARK: Shapes

    struct UserJSON: Encodable {
        var name: String
        var displayName: String
        var role: String
        var region: String?
    }

    struct FindingJSON: Encodable {
        var findingID: String
        var ruleID: String
        var ruleName: String
        var severity: String
        var regionCode: String
        var subjectType: String
        var subjectID: String
        var amount: String
        var detail: String
        var evidence: [String]
        var status: String
        var stillRaised: Bool
        var firstRunID: Int64
        var lastRunID: Int64
        var firstSeen: String?
        var assignee: String?
    }

    struct PageJSON<Item: Encodable>: Encodable {
        var total: Int
        var page: Int
        var pageSize: Int
        var items: [Item]
    }

    struct VerificationJSON: Encodable {
        var status: String
        var assignee: String?
        var amountToRecover: String?
        var fine: String?
        var recovered: String
        var outstanding: String
        var referral: String?
        var allowedActions: [String]
        /// Send it back with a step (`version`) to have the step refused (409) if the finding changed meanwhile.
        var version: Int
    }

    struct FindingDetailJSON: Encodable {
        var finding: FindingJSON
        var verification: VerificationJSON
        var thresholds: [String: String]
    }

    struct StepJSON: Encodable {
        var id: Int64
        var at: String
        var user: String
        var action: String
        var fromStatus: String
        var toStatus: String
        var assignee: String?
        var amount: String?
        var fine: String?
        var reason: String
    }

    struct RunJSON: Encodable {
        var id: Int64
        var startedAt: String
        var asOf: String
        var raised: Int
        var new: Int
        var raisedAgain: Int
        var noLongerRaised: Int
        var rulesRun: [String]
        var rulesNotRun: [String: String]
    }

    struct ImportJSON: Encodable {
        var id: Int64
        var startedAt: String
        var user: String?
        var source: String
        var rowsImported: Int
        var rowsRejected: Int
        var files: [String: Int]
    }

    struct RuleJSON: Encodable {
        var id: String
        var name: String
        var kind: String
        var realTime: Bool
        var enabled: Bool
    }

    struct RulesJSON: Encodable {
        var rules: [RuleJSON]
        var configuration: String
        var changes: [ChangeJSON]
    }

    struct ChangeJSON: Encodable {
        var id: Int64
        var at: String
        var user: String
        var reason: String
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    func json(_ stored: StoredFinding, firstSeen: Day? = nil, assignee: String? = nil, reveal: Bool) -> FindingJSON {
        let f = stored.finding
        return FindingJSON(
            findingID: f.findingID, ruleID: f.ruleID, ruleName: RuleNames.name(f.ruleID), severity: f.severity.rawValue,
            regionCode: f.regionCode.raw, subjectType: f.subjectType.rawValue,
            subjectID: FindingPresentation.subjectText(f, revealed: reveal), amount: f.amount.yuanString,
            detail: FindingPresentation.detailText(f, revealed: reveal),
            evidence: f.evidence.map { reveal ? $0 : Masking.maskIDs(in: $0) }, status: stored.status.rawValue,
            stillRaised: stored.stillRaised, firstRunID: stored.firstRunID, lastRunID: stored.lastRunID,
            firstSeen: firstSeen?.iso, assignee: assignee)
    }

    // MARK: Handlers

    /// The statutory entitlement schedule of a case on a day (rules.md rev. 2), as on the case page.
    func entitlements(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard let record = try environment.store.injuryCase(id: id), principal.canSee(record.regionCode) else {
            throw AppError.notFound("认定案件")
        }
        let on = try EntitlementsPanel.day(RequestForm.query(request.uri.query)["on"])
        try environment.audit(context, "view.entitlements", targetType: "case", targetID: record.caseID)
        switch try EntitlementsPanel.make(
            caseID: record.caseID, on: on, store: environment.store, reveal: principal.role.maySeeIdentity)
        {
        case .success(let panel): return APIResponse.json(panel)
        case .failure(let failure):
            throw AppError(.unprocessableContent, code: "cannot_compute", message: failure.description)
        }
    }

    func me(_ context: FundRequestContext) throws -> Response {
        let user = try context.requirePrincipal().user
        return APIResponse.json(
            UserJSON(
                name: user.name, displayName: user.displayName, role: user.role.rawValue, region: user.regionCode?.raw))
    }

    func findings(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let filter = FindingFilter(
            RequestForm.query(request.uri.query), scope: principal.scope,
            deadlines: try FindingDeadlines(environment: environment))
        guard filter.errors.isEmpty else { throw AppError.invalid("筛选条件有误", fields: filter.errors) }
        let (rows, total) = try environment.store.findingPage(filter.query)
        // Lists are masked for everyone, as on the page.
        return APIResponse.json(
            PageJSON(
                total: total, page: filter.page, pageSize: filter.pageSize,
                items: rows.map { json($0.stored, firstSeen: $0.firstSeen, assignee: $0.assigneeName, reveal: false) }))
    }

    func finding(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let stored = try FindingRoutes.visibleFinding(
            context.parameters.get("id") ?? "", store: environment.store, principal: principal)
        try environment.audit(context, "view.finding", targetType: "finding", targetID: stored.finding.findingID)
        let state =
            try environment.store.verificationCase(findingID: stored.finding.findingID)
            ?? VerificationCase(findingID: stored.finding.findingID, status: stored.status)
        var thresholds: [String: String] = [:]
        if let run = try environment.store.screeningRun(id: stored.lastRunID),
            let configuration = try? RulesConfiguration(yaml: run.configuration)
        {
            for line in ThresholdText.lines(
                configuration.settings(stored.finding.ruleID, region: stored.finding.regionCode).value)
            {
                thresholds[line.key] = line.value
            }
        }
        let verification = VerificationJSON(
            status: state.status.rawValue, assignee: state.assigneeName,
            amountToRecover: state.amountToRecover?.yuanString,
            fine: state.fine?.yuanString, recovered: state.recovered.yuanString,
            outstanding: state.outstanding.yuanString,
            referral: state.referral,
            allowedActions: VerificationWorkflow.actions(for: state, principal: principal).map(\.rawValue),
            version: state.version)
        var findingJSON = json(stored, assignee: state.assigneeName, reveal: principal.role.maySeeIdentity)
        // Evidence naming a person of another region is masked, as on the finding's page (issue 11 #4).
        let lookup = EvidenceLookup(
            store: environment.store, revealIdentity: principal.role.maySeeIdentity,
            labels: ValueLabels(regions: try RegionNames(store: environment.store)), scope: principal.scope)
        findingJSON.evidence = try stored.finding.evidence.map(lookup.evidenceText)
        return APIResponse.json(
            FindingDetailJSON(finding: findingJSON, verification: verification, thresholds: thresholds))
    }

    func steps(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let stored = try FindingRoutes.visibleFinding(
            context.parameters.get("id") ?? "", store: environment.store, principal: principal)
        let steps = try environment.store.verificationSteps(findingID: stored.finding.findingID).map(Self.stepJSON)
        return APIResponse.json(steps)
    }

    static func stepJSON(_ step: VerificationStep) -> StepJSON {
        StepJSON(
            id: step.id, at: iso(step.at), user: step.userName, action: step.action.rawValue,
            fromStatus: step.fromStatus.rawValue, toStatus: step.toStatus.rawValue, assignee: step.assigneeName,
            amount: step.amount?.yuanString, fine: step.fine?.yuanString, reason: step.reason)
    }

    /// The body of a JSON request as a form (string and number values), so the API and the pages
    /// share the field names and the validation.
    func bodyForm(_ request: Request, _ context: FundRequestContext) async throws -> RequestForm {
        if let form = context.form { return form }
        var request = request
        let buffer = try await request.collectLimitedBody(context)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        } catch {
            throw AppError(.badRequest, code: "bad_json", message: "请求体不是有效的 JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw AppError(.badRequest, code: "bad_json", message: "请求体须为 JSON 对象")
        }
        var form = RequestForm()
        for (key, value) in dictionary {
            switch value {
            case let text as String: form.add(key, text)
            case let number as NSNumber: form.add(key, number.stringValue)
            default: throw AppError.invalid("字段 \(key) 须为字符串或数字", fields: [key: "须为字符串或数字"])
            }
        }
        return form
    }

    func addStep(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let stored = try FindingRoutes.visibleFinding(
            context.parameters.get("id") ?? "", store: environment.store, principal: principal)
        let form = try await bodyForm(request, context)
        do {
            let step = try VerificationService(environment: environment).perform(
                form: form, finding: stored, principal: principal, context: context)
            return APIResponse.json(Self.stepJSON(step), status: .created)
        } catch let refusal as VerificationWorkflow.Refusal {
            if refusal.forbidden { throw AppError(.forbidden, code: "forbidden", message: refusal.message) }
            throw AppError.invalid(refusal.message, fields: refusal.fields)
        }
    }

    func runs(_ request: Request, _ context: FundRequestContext) throws -> Response {
        _ = try context.requirePrincipal()
        let limit = try Self.limit(request)
        return APIResponse.json(try environment.store.screeningRuns(limit: limit).map(Self.runJSON))
    }

    static func runJSON(_ run: ScreeningRunRecord) -> RunJSON {
        RunJSON(
            id: run.id, startedAt: iso(run.startedAt), asOf: run.asOf.iso, raised: run.summary.raised,
            new: run.summary.new, raisedAgain: run.summary.raisedAgain, noLongerRaised: run.summary.noLongerRaised,
            rulesRun: run.rulesRun,
            rulesNotRun: Dictionary(run.rulesNotRun.map { ($0.ruleID, $0.reason) }, uniquingKeysWith: { a, _ in a }))
    }

    static func limit(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return 20 }
        guard let n = Int(String(text)), (1...500).contains(n) else {
            throw AppError.invalid("limit 须为 1–500 的整数", fields: ["limit": "须为 1–500 的整数"])
        }
        return n
    }

    func startRun(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayImport else { throw AppError.forbidden }
        let form = try await bodyForm(request, context)
        let service = ScreeningService(environment: environment)
        let asOf: Day
        if let text = form["as_of"] {
            guard let day = Day(iso: text) else {
                throw AppError.invalid("as_of 须为 YYYY-MM-DD", fields: ["as_of": "须为 YYYY-MM-DD"])
            }
            asOf = day
        } else {
            asOf = try service.defaultAsOf()
        }
        // A background job (issue 11): 202 and where to follow it.
        let job = JobRoutes.startScreening(asOf: asOf, principal: principal, context: context, environment: environment)
        return try accepted(job)
    }

    /// A job as JSON: its state and phase, and when done the run (screening) or the lines (trial).
    struct JobJSON: Encodable {
        var id: String
        var kind: BackgroundJobs.Kind
        var state: BackgroundJobs.State
        var phase: String
        var percent: Int
        var startedAt: String
        var finishedAt: String?
        var error: String?
        var run: RunJSON?
        var trial: [ScreeningService.TrialLine]?
    }

    func jobJSON(_ job: BackgroundJobs.Job) throws -> JobJSON {
        var json = JobJSON(
            id: job.id, kind: job.kind, state: job.state, phase: job.phase, percent: job.percent,
            startedAt: Self.iso(job.startedAt), finishedAt: job.finishedAt.map(Self.iso), error: job.failure)
        switch job.outcome {
        case .screening(let runID, _, _):
            json.run = try environment.store.screeningRun(id: runID).map(Self.runJSON)
        case .trial(_, let lines, _, _):
            json.trial = lines
        case nil:
            break
        }
        return json
    }

    /// 202 with the job and `Location: /api/v1/jobs/{id}`.
    func accepted(_ job: BackgroundJobs.Job) throws -> Response {
        var response = APIResponse.json(try jobJSON(job), status: .accepted)
        response.headers[.location] = "/api/v1/jobs/\(job.id)"
        return response
    }

    func job(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard let job = environment.jobs.job(id, ownerID: principal.user.id) else { throw AppError.notFound("任务") }
        return APIResponse.json(try jobJSON(job))
    }

    func imports(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayImport || principal.role == .auditor else { throw AppError.forbidden }
        let limit = try Self.limit(request)
        return APIResponse.json(
            try environment.store.importRuns(limit: limit).map { run in
                ImportJSON(
                    id: run.id, startedAt: Self.iso(run.startedAt), user: run.user, source: run.source,
                    rowsImported: run.rowsImported, rowsRejected: run.rowsRejected,
                    files: Dictionary(run.files.map { ($0.file, $0.rowsImported) }, uniquingKeysWith: { a, _ in a }))
            })
    }

    struct ImportReportJSON: Encodable {
        var runID: Int64
        var rowsImported: Int
        var rowsRejected: Int
        var files: [String: Int]
        var warnings: [String]
        var unmatched: [String]
        /// Fields on which imported rows disagree with the registers (the register's value stands).
        var registerConflicts: [String]
    }

    struct ImportFailureJSON: Encodable {
        var code: String
        var message: String
        var issueCount: Int
        var issues: [String]
    }

    func startImport(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayImport else { throw AppError.forbidden }
        guard let form = context.form else {
            throw AppError(
                .badRequest, code: "multipart_required", message: "请以 multipart/form-data 上传 CSV 文件（字段 files）")
        }
        let files = form.files.filter { $0.field == "files" }
        let lenient = form["lenient"] ?? "0"
        let errors = ImportRoutes.uploadProblems(files, lenient: lenient)
        guard errors.isEmpty else {
            try environment.audit(
                context, "import", targetType: "import", outcome: "failed", detail: errors.joined(separator: "；"))
            throw AppError.invalid(errors.joined(separator: "；"))
        }
        switch try await ImportRoutes.runImport(
            files, lenient: lenient == "1", principal: principal, environment: environment, context: context)
        {
        case .success(let summary):
            return APIResponse.json(
                ImportReportJSON(
                    runID: summary.runID, rowsImported: summary.rowsImported, rowsRejected: summary.rowsRejected,
                    files: Dictionary(
                        summary.files.map { ($0.file, $0.rowsImported) }, uniquingKeysWith: { a, _ in a }),
                    warnings: summary.warnings, unmatched: summary.unmatched.map(\.description),
                    registerConflicts: summary.registerConflicts.map(\.description)),
                status: .created)
        case .failure(let error):
            return APIResponse.json(
                ImportFailureJSON(
                    code: "import_rejected", message: "导入失败，数据库未作任何修改", issueCount: error.issueCount,
                    issues: error.issues.prefix(100).map(\.description)),
                status: .unprocessableContent)
        }
    }

    func rules(_ context: FundRequestContext) throws -> Response {
        _ = try context.requirePrincipal()
        let configuration = try ScreeningService(environment: environment).currentConfiguration()
        return APIResponse.json(
            RulesJSON(
                rules: RuleCatalog.all.map {
                    RuleJSON(
                        id: $0.id, name: $0.name, kind: $0.kind.rawValue, realTime: $0.isRealTime,
                        enabled: configuration.settings($0.id, region: nil).enabled)
                },
                configuration: configuration.yaml(),
                changes: try environment.store.rulesConfigurationChanges(limit: 50).map {
                    ChangeJSON(id: $0.id, at: Self.iso($0.at), user: $0.userName, reason: $0.reason)
                }))
    }

    func changeRules(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayEditRules else { throw AppError.forbidden }
        let form = try await bodyForm(request, context)
        let routes = RulesRoutes(environment: environment)
        var (configuration, errors) = routes.draft(form)
        let reason = form["reason"] ?? ""
        var fields: [String: String] = [:]
        if !errors.isEmpty { fields["yaml"] = errors.joined(separator: "；") }
        if reason.isEmpty || reason.count > 500 { fields["reason"] = "请填写修改理由（500 字以内）" }
        let current = try ScreeningService(environment: environment).currentConfiguration()
        if let configuration, configuration == current { fields["yaml"] = "配置没有变化" }
        errors = fields.values.sorted()
        guard fields.isEmpty, let configuration else {
            try environment.audit(
                context, "rules.change", targetType: "rules", outcome: "failed", detail: errors.joined(separator: "；"))
            throw AppError.invalid("规则配置有误", fields: fields)
        }
        let id = try environment.store.saveRulesConfiguration(
            RulesConfigurationChange(
                at: environment.now(), userID: principal.user.id, userName: principal.user.displayName, reason: reason,
                oldYAML: current.yaml(), newYAML: configuration.yaml()))
        try environment.audit(context, "rules.change", targetType: "rules", targetID: String(id), detail: reason)
        return APIResponse.json(
            ChangeJSON(id: id, at: Self.iso(environment.now()), user: principal.user.displayName, reason: reason))
    }

    func trial(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayEditRules else { throw AppError.forbidden }
        let form = try await bodyForm(request, context)
        let (configuration, errors) = RulesRoutes(environment: environment).draft(form)
        var fields: [String: String] = [:]
        if !errors.isEmpty { fields["yaml"] = errors.joined(separator: "；") }
        let service = ScreeningService(environment: environment)
        var asOf = try service.defaultAsOf()
        if let text = form["as_of"] {
            if let day = Day(iso: text) { asOf = day } else { fields["as_of"] = "须为 YYYY-MM-DD" }
        }
        guard fields.isEmpty, let configuration else { throw AppError.invalid("试算参数有误", fields: fields) }
        let job = JobRoutes.startTrial(
            draft: configuration, draftYAML: configuration.yaml(), reason: "", asOf: asOf, principal: principal,
            context: context, environment: environment)
        return try accepted(job)
    }
}
