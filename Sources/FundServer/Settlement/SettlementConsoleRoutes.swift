import Foundation
import FundModel
import FundRules
import FundStore
import Hummingbird
import Settlement

/// The console's side of direct settlement: the review queue of held lines (per city, region-scoped), an
/// institution's page (its API credentials, issued, rotated and revoked by a province user; its refused and
/// held lines; the day's reconciliation and the month's clearing).
struct SettlementConsoleRoutes {
    let environment: ServerEnvironment
    let service: SettlementService

    func register(on router: Router<FundRequestContext>) {
        router.get("/settlement/review") { request, context in try queue(request, context) }
        router.post("/settlement/review/:settlement/:line") { _, context in try review(context) }
        router.get("/settlement/institutions/:id") { request, context in try institution(request, context) }
        router.post("/settlement/institutions/:id/credentials") { request, context in try issue(request, context) }
        router.post("/settlement/institutions/:id/credentials/:credential/revoke") { _, context in
            try revoke(context)
        }
    }

    // MARK: Models

    struct LineRow {
        var settlementID: String
        var lineNo: Int
        var day: String
        var institution: String
        var region: String
        var worker: String
        var workerHref: String
        var item: String
        var amount: String
        var invoice: String
        var decision: String
        var decisionName: String
        var rule: String
        var reason: String
        var review: String
    }

    struct QueueModel {
        var rows: [LineRow]
        var hasRows: Bool
        var canReview: Bool
        var csrf: String
        var today: SettlementToday
    }

    struct SettlementToday {
        var day: String
        var settlements: Int
        var paid: Int
        var refused: Int
        var held: Int
        var paidAmount: String
    }

    struct CredentialRow {
        var credentialID: Int64
        var prefix: String
        var label: String
        var created: String
        var createdBy: String
        var revoked: String
        var inForce: Bool
    }

    struct InstitutionModel {
        var institutionID: String
        var name: String
        var region: String
        var canManage: Bool
        var csrf: String
        var newKey: String?
        var credentials: [CredentialRow]
        var hasCredentials: Bool
        var activeAgreement: Bool
        var day: String
        var reconciliation: DayReconciliation.Totals
        var paid: String
        var reversed: String
        var net: String
        var month: String
        var toPay: String
        var settled: String
        var approved: String
        var refusedAfterReview: String
        var pending: String
        var rows: [LineRow]
        var hasRows: Bool
    }

    // MARK: Review queue

    func queue(_ request: Request, _ context: FundRequestContext, flashError: String? = nil) throws -> Response {
        let principal = try context.requirePrincipal()
        let regions = try RegionNames(store: environment.store)
        let rows = try environment.store.heldSettlementLines(scope: principal.scope).map {
            Self.row($0, principal, regions)
        }
        let model = QueueModel(
            rows: rows, hasRows: !rows.isEmpty, canReview: principal.role.mayVerify, csrf: context.csrfToken ?? "",
            today: try Self.today(environment, principal))
        let flash = request.uri.queryParameters["done"].flatMap { Self.doneText[String($0)] }
        return environment.renderer.page(
            "settlementReview", model, title: "直接结算待审核", active: "/settlement/review", context: context,
            flash: flash, flashError: flashError)
    }

    static let doneText = ["approved": "已批准，基金已支付该明细", "refused": "已拒付该明细", "issued": "已签发新凭证", "revoked": "已吊销凭证"]

    func review(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayVerify else { throw AppError.forbidden }
        let settlementID = context.parameters.get("settlement") ?? ""
        guard let lineNo = context.parameters.get("line").flatMap({ Int($0) }),
            let line = try environment.store.settlementLine(settlementID: settlementID, lineNo: lineNo),
            let region = RegionCode(line.regionCode), principal.canSee(region)
        else { throw AppError.notFound("待审核明细") }
        let form = context.form ?? RequestForm()
        let note = form["note"] ?? ""
        let approve: Bool
        switch form["decision"] {
        case "approve": approve = true
        case "refuse": approve = false
        default: throw AppError.invalid("请选择批准或拒付", fields: ["decision": "批准或拒付"])
        }
        if !approve && note.isEmpty { throw AppError.invalid("拒付须写明理由", fields: ["note": "须写明理由"]) }
        if note.count > 500 { throw AppError.invalid("说明过长（最多 500 字）", fields: ["note": "最多 500 字"]) }
        let entry = AuditEntry(
            at: environment.now(), userID: principal.user.id, userName: principal.user.name,
            role: principal.role.rawValue, action: approve ? "settlement.review.approve" : "settlement.review.refuse",
            targetType: "settlement_line", targetID: "\(settlementID)/\(lineNo)", detail: String(note.prefix(500)),
            remoteAddress: context.clientAddress)
        do {
            _ = try service.review(
                settlementID: settlementID, lineNo: lineNo, approve: approve, by: principal.user.name, note: note,
                audit: entry)
        } catch let error as SettlementError {
            throw error.appError
        }
        return Response(
            status: .seeOther, headers: [.location: "/settlement/review?done=\(approve ? "approved" : "refused")"])
    }

    // MARK: Institution

    func institution(_ request: Request, _ context: FundRequestContext, newKey: String? = nil) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard let institution = try environment.store.institution(id: id), principal.canSee(institution.regionCode)
        else { throw AppError.notFound("协议机构") }
        let regions = try RegionNames(store: environment.store)
        let today = service.today
        let credentials = try environment.store.institutionCredentials(institutionID: id).map { c in
            CredentialRow(
                credentialID: c.id, prefix: c.prefix + "…", label: c.label, created: Formatting.moment(c.createdAt),
                createdBy: c.createdBy,
                revoked: c.revokedAt.map { "\(Formatting.moment($0)) \(c.revokedBy ?? "")" } ?? "",
                inForce: !c.isRevoked)
        }
        let reconciliation = try service.reconciliation(institutionID: id, day: today)
        let clearing = try service.clearing(institutionID: id, month: today.yearMonth)
        let rows = try environment.store.refusedOrHeldSettlementLines(institutionID: id, limit: 100).map {
            Self.row($0, principal, regions)
        }
        let model = InstitutionModel(
            institutionID: institution.institutionID, name: institution.name,
            region: regions.name(institution.regionCode),
            canManage: principal.role.mayManageCasework, csrf: context.csrfToken ?? "", newKey: newKey,
            credentials: credentials, hasCredentials: !credentials.isEmpty,
            activeAgreement: try environment.store.hasActiveAgreement(institutionID: id, on: today), day: today.iso,
            reconciliation: reconciliation.totals, paid: Self.yuan(reconciliation.totals.paidFen),
            reversed: Self.yuan(reconciliation.totals.reversedFen), net: Self.yuan(reconciliation.totals.netFen),
            month: clearing.month, toPay: Self.yuan(clearing.toPayFen), settled: Self.yuan(clearing.settledFen),
            approved: Self.yuan(clearing.approvedAfterReviewFen),
            refusedAfterReview: Self.yuan(clearing.refusedAfterReviewFen),
            pending: Self.yuan(clearing.pendingReviewFen),
            rows: rows, hasRows: !rows.isEmpty)
        let flash = request.uri.queryParameters["done"].flatMap { Self.doneText[String($0)] }
        return environment.renderer.page(
            "settlementInstitution", model, title: "直接结算：\(institution.name)", active: "/casework/institutions",
            context: context, flash: newKey == nil ? flash : "已签发新凭证：请立即复制，离开本页后不再显示")
    }

    func issue(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard principal.role.mayManageCasework else {
            try environment.audit(
                context, "institution.credential.issue", targetType: "institution", targetID: id, outcome: "denied")
            throw AppError.forbidden
        }
        let form = context.form ?? RequestForm()
        let rotate = form["rotate"] == "1"
        let issued: IssuedCredential
        do {
            issued = try InstitutionKeys.issue(
                store: environment.store, institutionID: id, label: form["label"] ?? "", by: principal.user.name,
                at: environment.now(), rotate: rotate)
        } catch let error as SettlementError {
            throw error.appError
        }
        try environment.audit(
            context, rotate ? "institution.credential.rotate" : "institution.credential.issue",
            targetType: "institution", targetID: id,
            detail: "credential \(issued.credential.id) \(issued.credential.prefix)…")
        return try institution(request, context, newKey: issued.key)
    }

    func revoke(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard principal.role.mayManageCasework else {
            try environment.audit(
                context, "institution.credential.revoke", targetType: "institution", targetID: id, outcome: "denied")
            throw AppError.forbidden
        }
        guard let credentialID = context.parameters.get("credential").flatMap({ Int64($0) }) else {
            throw AppError.notFound("凭证")
        }
        do {
            try InstitutionKeys.revoke(
                store: environment.store, institutionID: id, credentialID: credentialID, by: principal.user.name,
                at: environment.now())
        } catch let error as SettlementError {
            throw error.appError
        }
        try environment.audit(
            context, "institution.credential.revoke", targetType: "institution", targetID: id,
            detail: "credential \(credentialID)")
        return Response(
            status: .seeOther, headers: [.location: "/settlement/institutions/\(HTMLText.urlEncode(id))?done=revoked"])
    }

    // MARK: Helpers

    static func row(_ line: StoredSettlementLine, _ principal: Principal, _ regions: RegionNames) -> LineRow {
        let region = RegionCode(line.regionCode)
        let shown = principal.role.maySeeIdentity ? line.personID : Masking.personID(line.personID)
        let review: String =
            switch line.reviewState {
            case "pending": "待审核"
            case "approved": "审核后支付"
            case "refused": "审核后拒付"
            case "cancelled": "已冲正"
            default: ""
            }
        return LineRow(
            settlementID: line.settlementID, lineNo: line.lineNo, day: line.settledDay.iso,
            institution: line.institutionID, region: region.map { regions.name($0) } ?? line.regionCode,
            worker: shown, workerHref: "/workers/\(HTMLText.urlEncode(line.personID))",
            item: RuleNamesOrItems.item(line.itemCode), amount: Self.yuan(line.amount.fen), invoice: line.invoiceNo,
            decision: line.decision, decisionName: LineDecision(rawValue: line.decision)?.chineseName ?? line.decision,
            rule: line.ruleID.map { RuleNames.label($0) } ?? "", reason: Masking.maskIDs(in: line.reason ?? ""),
            review: review)
    }

    static func yuan(_ fen: Int64) -> String { Formatting.yuan(Money(fen: fen)) }

    /// The dashboard's live count of today's direct settlements (issue 13), in the viewer's scope.
    static func dashboardTiles(_ environment: ServerEnvironment, _ principal: Principal) throws
        -> [DashboardRoutes.Model.Tile]
    {
        let today = try today(environment, principal)
        return [
            .init(
                label: "今日直接结算", value: "\(today.settlements) 单 / \(today.paidAmount) 元", style: "",
                href: "/settlement/review"),
            .init(
                label: "今日拒付 / 待审核", value: "\(today.refused) / \(today.held)", style: today.refused > 0 ? "red" : "",
                href: "/settlement/review"),
        ]
    }

    /// A worker's refused and held lines, for the worker's page (in the viewer's scope).
    static func workerLines(_ person: PersonID, _ principal: Principal, _ environment: ServerEnvironment) throws
        -> [LineRow]
    {
        let regions = try RegionNames(store: environment.store)
        return try environment.store.refusedOrHeldSettlementLines(person: person).filter {
            RegionCode($0.regionCode).map(principal.canSee) ?? false
        }.map { row($0, principal, regions) }
    }

    /// Today's settlements in the person's scope (the dashboard's live count and the queue's header).
    static func today(_ environment: ServerEnvironment, _ principal: Principal) throws -> SettlementToday {
        let day = Day.inChina(environment.now())
        let counts = try environment.store.settlementCounts(on: day, scope: principal.scope)
        return SettlementToday(
            day: day.iso, settlements: counts.settlements, paid: counts.paidLines, refused: counts.refusedLines,
            held: counts.heldLines, paidAmount: Formatting.yuan(counts.paidAmount))
    }
}

/// Item labels for the settlement pages: `工伤医疗费（MED）`, or the bare code off the list.
enum RuleNamesOrItems {
    static let list = FundRules.ItemList()
    static func item(_ code: String) -> String { list.item(code).map { "\($0.name)（\(code)）" } ?? code }
}
