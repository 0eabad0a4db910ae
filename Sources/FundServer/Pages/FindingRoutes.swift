import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// A finding's page: what fired and why, the evidence side by side, and its verification
/// (steps, history, evidence files).
struct FindingRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/findings/:id") { request, context in try page(request, context) }
        router.post("/findings/:id/steps") { request, context in try step(request, context) }
        router.post("/findings/:id/files") { request, context in try upload(request, context) }
        router.get("/findings/:id/files/:file") { request, context in try download(request, context) }
    }

    /// The finding, if it exists and the person may see its region; otherwise 404 (never 403: no leak).
    static func visibleFinding(_ id: String, store: SQLiteFundStore, principal: Principal) throws -> StoredFinding {
        guard let stored = try finding(id, store: store), principal.canSee(stored.finding.regionCode) else {
            throw AppError.notFound("疑点")
        }
        return stored
    }

    /// The finding of an id, or of a legacy id (`DQ01-worker-<id number>`, from before the ids of findings
    /// about people became opaque: old links keep working).
    static func finding(_ id: String, store: SQLiteFundStore) throws -> StoredFinding? {
        guard id.utf8.count <= 200 else { return nil }
        if let stored = try store.finding(id: id) { return stored }
        for candidate in Finding.currentIDs(forLegacy: id) {
            if let stored = try store.finding(id: candidate) { return stored }
        }
        return nil
    }

    // MARK: Page

    struct Model {
        struct Step {
            var at: String
            var user: String
            var action: String
            var from: String
            var fromName: String
            var to: String
            var toName: String
            var assignee: String
            var amount: String
            var fine: String
            var reason: String
        }
        struct File {
            var name: String
            var size: String
            var by: String
            var at: String
            var href: String
            var sha256: String
        }
        struct Option {
            var value: String
            var label: String
            var selected: Bool
        }
        var id: String
        var ruleID: String
        var ruleName: String
        var severity: String
        var severityName: String
        var status: String
        var statusName: String
        var region: String
        var subjectType: String
        var subject: String
        var subjectHref: String?
        var amount: String
        var detail: String
        var evidenceIDs: String
        var hasEvidenceIDs: Bool
        var firstRun: Int64
        var lastRun: Int64
        var lastRunDate: String
        /// The day first found, the verification's due date and where it stands (issue 14 #7).
        var firstSeen: String
        var due: String
        var dueNote: String
        var overdue: Bool
        var stillRaised: Bool
        var thresholds: [ThresholdText.Line]
        var hasThresholds: Bool
        var panels: [EvidenceLookup.Panel]
        var hasPanels: Bool
        var assignee: String
        var amountToRecover: String?
        var fine: String?
        var recovered: String?
        var outstanding: String?
        var referral: String?
        var csrf: String
        /// The verification's version, sent back with every step form (a stale form gets 409).
        var version: Int
        var canAssign: Bool
        var canStart: Bool
        var canClear: Bool
        var canConclude: Bool
        var canRecover: Bool
        var canClose: Bool
        var canNote: Bool
        var assignees: [Option]
        var steps: [Step]
        var hasSteps: Bool
        var files: [File]
        var hasFiles: Bool
        var errors: [String]
        var hasErrors: Bool
        var form: [String: String]
    }

    func page(
        _ request: Request, _ context: FundRequestContext, errors: [String: String] = [:], flash: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let stored = try Self.visibleFinding(id, store: environment.store, principal: principal)
        let finding = stored.finding
        if finding.findingID != id && request.method == .get {
            // A legacy link: to the finding's current address, so the old id goes no further.
            return Response(status: .movedPermanently, headers: [.location: FindingPresentation.link(finding)])
        }
        let store = environment.store
        let regions = try RegionNames(store: store)
        if errors.isEmpty {
            try environment.audit(context, "view.finding", targetType: "finding", targetID: finding.findingID)
        }
        let run = try store.screeningRun(id: stored.lastRunID)
        let firstSeen = try store.screeningRun(id: stored.firstRunID)?.asOf ?? run?.asOf ?? Formatting.today()
        let deadlines = try FindingDeadlines(environment: environment)
        var thresholds: [ThresholdText.Line] = []
        if let run, let configuration = try? RulesConfiguration(yaml: run.configuration) {
            thresholds = ThresholdText.lines(configuration.settings(finding.ruleID, region: finding.regionCode).value)
        }
        let reveal = principal.role.maySeeIdentity
        let lookup = EvidenceLookup(
            store: store, revealIdentity: reveal, labels: ValueLabels(regions: regions), scope: principal.scope)
        let panels = try lookup.panels(for: finding)
        let state =
            try store.verificationCase(findingID: finding.findingID)
            ?? VerificationCase(findingID: finding.findingID, status: stored.status)
        let actions = Set(VerificationWorkflow.actions(for: state, principal: principal))
        let assignees = try environment.store.users().filter { user in
            user.active && user.role.mayVerify
                && Principal(user: user, credential: .session).canSee(finding.regionCode)
                && (principal.role.mayAssignOthers || user.id == principal.user.id)
        }
        let steps = try store.verificationSteps(findingID: finding.findingID).reversed().map { step in
            Model.Step(
                at: Formatting.moment(step.at), user: step.userName, action: step.action.chineseName,
                from: step.fromStatus.rawValue, fromName: step.fromStatus.chineseName, to: step.toStatus.rawValue,
                toName: step.toStatus.chineseName, assignee: step.assigneeName ?? "",
                amount: step.amount.map(Formatting.yuan) ?? "", fine: step.fine.map(Formatting.yuan) ?? "",
                reason: step.reason)
        }
        let files = try store.evidenceFiles(findingID: finding.findingID).map { file in
            Model.File(
                name: file.name, size: Self.sizeText(file.size), by: file.uploadedBy,
                at: Formatting.moment(file.uploadedAt),
                href: "/findings/\(HTMLText.urlEncode(finding.findingID))/files/\(file.id)",
                sha256: String(file.sha256.prefix(16)))
        }
        var formValues = context.form?.fields.compactMapValues(\.first) ?? [:]
        formValues["_csrf"] = nil
        let selectedAssignee = formValues["assignee"] ?? state.assigneeID.map(String.init) ?? String(principal.user.id)
        let model = Model(
            id: finding.findingID, ruleID: finding.ruleID, ruleName: RuleNames.name(finding.ruleID),
            severity: finding.severity.rawValue, severityName: finding.severity.chineseName,
            status: state.status.rawValue, statusName: state.status.chineseName,
            region: regions.name(finding.regionCode),
            subjectType: finding.subjectType.chineseName,
            subject: FindingPresentation.subjectText(finding, revealed: reveal),
            subjectHref: FindingPresentation.subjectLink(finding), amount: Formatting.yuan(finding.amount),
            detail: FindingPresentation.detailText(finding, revealed: reveal),
            evidenceIDs: try finding.evidence.map(lookup.evidenceText).joined(separator: "，"),
            hasEvidenceIDs: !finding.evidence.isEmpty,
            firstRun: stored.firstRunID, lastRun: stored.lastRunID, lastRunDate: run?.asOf.iso ?? "",
            firstSeen: firstSeen.iso, due: deadlines.dueDate(firstSeen: firstSeen, severity: finding.severity).iso,
            dueNote: deadlines.note(firstSeen: firstSeen, severity: finding.severity, status: state.status),
            overdue: deadlines.isOverdue(firstSeen: firstSeen, severity: finding.severity, status: state.status),
            stillRaised: stored.stillRaised, thresholds: thresholds, hasThresholds: !thresholds.isEmpty,
            panels: panels, hasPanels: !panels.isEmpty, assignee: state.assigneeName ?? "未分派",
            amountToRecover: state.amountToRecover.map(Formatting.yuan), fine: state.fine.map(Formatting.yuan),
            recovered: state.amountToRecover == nil ? nil : Formatting.yuan(state.recovered),
            outstanding: state.amountToRecover == nil ? nil : Formatting.yuan(state.outstanding),
            referral: state.referral, csrf: context.csrfToken ?? "", version: state.version,
            canAssign: actions.contains(.assign),
            canStart: actions.contains(.start), canClear: actions.contains(.clear),
            canConclude: actions.contains(.irregular), canRecover: actions.contains(.recover),
            canClose: actions.contains(.close), canNote: actions.contains(.note),
            assignees: assignees.map {
                Model.Option(
                    value: String($0.id), label: "\($0.displayName)（\($0.role.chineseName)）",
                    selected: String($0.id) == selectedAssignee)
            }, steps: Array(steps), hasSteps: !steps.isEmpty, files: files, hasFiles: !files.isEmpty,
            errors: errors.sorted { $0.key < $1.key }.map(\.value), hasErrors: !errors.isEmpty, form: formValues)
        let done = request.uri.queryParameters["done"].flatMap { VerificationAction(rawValue: String($0)) }
        return environment.renderer.page(
            "finding", model, title: "疑点 \(finding.findingID)", active: "/findings", context: context,
            flash: flash ?? done.map { "已完成：\($0.chineseName)" }, status: status,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    // MARK: Steps

    func step(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let stored = try Self.visibleFinding(id, store: environment.store, principal: principal)
        let form = context.form ?? RequestForm()
        do {
            let step = try VerificationService(environment: environment).perform(
                form: form, finding: stored, principal: principal, context: context)
            return redirect("/findings/\(HTMLText.urlEncode(stored.finding.findingID))?done=\(step.action.rawValue)")
        } catch let refusal as VerificationWorkflow.Refusal {
            if refusal.forbidden { throw AppError(.forbidden, code: "forbidden", message: refusal.message) }
            return try page(request, context, errors: refusal.fields, status: .unprocessableContent)
        }
    }

    // MARK: Files

    func upload(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let stored = try Self.visibleFinding(id, store: environment.store, principal: principal)
        let form = context.form ?? RequestForm()
        do {
            _ = try VerificationService(environment: environment).upload(
                form: form, finding: stored, principal: principal, context: context)
            return redirect("/findings/\(HTMLText.urlEncode(stored.finding.findingID))?done=note")
        } catch let refusal as VerificationWorkflow.Refusal {
            if refusal.forbidden { throw AppError(.forbidden, code: "forbidden", message: refusal.message) }
            return try page(request, context, errors: refusal.fields, status: .unprocessableContent)
        }
    }

    func download(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let stored = try Self.visibleFinding(id, store: environment.store, principal: principal)
        guard let fileID = context.parameters.get("file").flatMap({ Int64($0) }),
            let (file, data) = try environment.store.evidenceFile(id: fileID),
            file.findingID == stored.finding.findingID
        else { throw AppError.notFound("文件") }
        try environment.audit(
            context, "download.evidence", targetType: "finding", targetID: stored.finding.findingID, detail: file.name)
        var headers = HTTPFields()
        headers[.contentType] = EvidenceFiles.safeContentType(file.contentType)
        headers[.contentDisposition] = EvidenceFiles.contentDisposition(file.name)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return "\(bytes * 10 / (1024 * 1024) / 10).\(bytes * 10 / (1024 * 1024) % 10) MB" }
        if bytes >= 1024 { return "\(bytes / 1024) KB" }
        return "\(bytes) B"
    }
}
