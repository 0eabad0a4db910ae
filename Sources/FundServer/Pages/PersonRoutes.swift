import Foundation
import FundModel
import FundRules
import FundStore
import Hummingbird

/// A worker's page and a case's page: payments, assessments, findings. Every view is audited;
/// the id number and the name are shown in full only to the roles that verify (`Role.maySeeIdentity`).
struct PersonRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/workers/:id") { request, context in try workerPage(request, context) }
        router.get("/cases/:id") { request, context in try casePage(request, context) }
    }

    struct Fact {
        var label: String
        var value: String
        var href: String?
    }

    struct PaymentRow {
        var id: String
        var caseID: String
        var item: String
        var amount: String
        var paidDate: String
        var period: String
        var institution: String
        var channel: String
        var flagged: Bool
    }

    struct CaseRow {
        var id: String
        var href: String
        var accident: String
        var kind: String
        var decision: String
        var decided: String
    }

    struct AssessmentRow {
        var id: String
        var caseID: String
        var kind: String
        var concluded: String
        var grade: String
        var nursing: String
    }

    struct FindingRow {
        var href: String
        var severity: String
        var severityName: String
        var rule: String
        var amount: String
        var status: String
        var statusName: String
        var detail: String
    }

    struct Model {
        var heading: String
        var facts: [Fact]
        var cases: [CaseRow]
        var hasCases: Bool
        var assessments: [AssessmentRow]
        var hasAssessments: Bool
        var dependents: [Fact]
        var hasDependents: Bool
        var payments: [PaymentRow]
        var hasPayments: Bool
        var paymentTotal: String
        var paymentCount: Int
        var truncated: Bool
        var findings: [FindingRow]
        var hasFindings: Bool
        var masked: Bool
        /// The case page's entitlement schedule (rules.md rev. 2), or why it cannot be computed.
        var entitlements: EntitlementsPanel?
        var entitlementsError: String?
        var showsEntitlements: Bool = false
        /// The worker's direct-settlement lines refused or held (issue 13).
        var settlementLines: [SettlementConsoleRoutes.LineRow] = []
        var hasSettlementLines: Bool = false
    }

    static let maxPayments = 500

    func workerPage(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let text = context.parameters.get("id") ?? ""
        let store = environment.store
        guard let id = PersonID(text), let worker = try store.worker(id: id), principal.canSee(worker.regionCode) else {
            throw AppError.notFound("职工")
        }
        try environment.audit(context, "view.worker", targetType: "worker", targetID: worker.workerID.raw)
        let reveal = principal.role.maySeeIdentity
        let regions = try RegionNames(store: store)
        let cases = try store.cases(workerID: id)
        let payments = try store.payments(workerID: id)
        let assessments = try store.assessments(workerID: id)
        let findings = try store.findings(subjectIDs: [id.raw] + cases.map(\.caseID) + payments.map(\.paymentID))
            .filter { principal.canSee($0.finding.regionCode) }
        let facts = [
            Fact(label: "姓名", value: reveal ? worker.name : Masking.name(worker.name)),
            Fact(label: "身份证号", value: reveal ? worker.workerID.raw : worker.workerID.masked),
            Fact(label: "性别", value: worker.gender?.chineseName ?? ""),
            Fact(
                label: "出生日期",
                value: reveal ? (worker.birthDate?.iso ?? "") : (worker.birthDate.map { "\($0.year) 年" } ?? "")),
            Fact(label: "用人单位", value: worker.employerID ?? ""),
            Fact(label: "统筹地区", value: regions.name(worker.regionCode)),
            Fact(label: "参保日期", value: worker.insuredSince?.iso ?? ""),
            Fact(label: "停保日期", value: worker.insuredUntil?.iso ?? "—"),
        ]
        var model = makeModel(
            heading: "职工 " + (reveal ? worker.name : Masking.name(worker.name)), facts: facts, cases: cases,
            assessments: assessments, dependents: [], payments: payments, findings: findings, masked: !reveal)
        model.settlementLines = try SettlementConsoleRoutes.workerLines(id, principal, environment)
        model.hasSettlementLines = !model.settlementLines.isEmpty
        return environment.renderer.page(
            "worker", model, title: "职工", active: "/findings", context: context,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    func casePage(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let store = environment.store
        guard let injuryCase = try store.injuryCase(id: id), principal.canSee(injuryCase.regionCode) else {
            throw AppError.notFound("认定案件")
        }
        try environment.audit(context, "view.case", targetType: "case", targetID: injuryCase.caseID)
        let reveal = principal.role.maySeeIdentity
        let regions = try RegionNames(store: store)
        let worker = try store.worker(id: injuryCase.workerID)
        let payments = try store.payments(caseID: id)
        let assessments = try store.assessments(caseID: id)
        let dependents = try store.dependents(caseID: id)
        let findings = try store.findings(subjectIDs: [id] + payments.map(\.paymentID))
            .filter { principal.canSee($0.finding.regionCode) }
        let workerName = worker.map { reveal ? $0.name : Masking.name($0.name) } ?? ""
        let facts = [
            Fact(label: "案件编号", value: injuryCase.caseID),
            Fact(
                label: "职工",
                value: "\(workerName) \(reveal ? injuryCase.workerID.raw : injuryCase.workerID.masked)",
                href: "/workers/" + HTMLText.urlEncode(injuryCase.workerID.raw)),
            Fact(label: "用人单位", value: injuryCase.employerID ?? ""),
            Fact(label: "统筹地区", value: regions.name(injuryCase.regionCode)),
            Fact(label: "事故日期", value: injuryCase.accidentDate.iso),
            Fact(label: "类别", value: injuryCase.kind.chineseName),
            Fact(label: "申请日期", value: injuryCase.appliedDate?.iso ?? ""),
            Fact(label: "申请人", value: injuryCase.applicant?.chineseName ?? ""),
            Fact(label: "受理日期", value: injuryCase.acceptedDate?.iso ?? ""),
            Fact(label: "认定日期", value: injuryCase.decidedDate?.iso ?? ""),
            Fact(label: "认定结论", value: injuryCase.decision.chineseName),
            Fact(label: "因工死亡", value: injuryCase.fatal ? "是" : "否"),
            Fact(label: "本人工资", value: injuryCase.ownWage.map { Formatting.yuan($0) + " 元" } ?? ""),
            Fact(label: "第三人责任", value: injuryCase.thirdParty ? "是" : "否"),
            Fact(label: "说明", value: injuryCase.description),
        ]
        let dependentFacts = dependents.map { d in
            Fact(
                label: d.relation.chineseName,
                value: "\(reveal ? d.dependentID.raw : d.dependentID.masked)"
                    + (d.startDate.map { "，\($0.iso) 起" } ?? "") + (d.endDate.map { " 至 \($0.iso)" } ?? ""))
        }
        var model = makeModel(
            heading: "认定案件 \(injuryCase.caseID)", facts: facts, cases: [], assessments: assessments,
            dependents: dependentFacts, payments: payments, findings: findings, masked: !reveal)
        let on = try EntitlementsPanel.day(RequestForm.query(request.uri.query)["on"])
        model.showsEntitlements = true
        switch try EntitlementsPanel.make(caseID: injuryCase.caseID, on: on, store: store, reveal: reveal) {
        case .success(let panel): model.entitlements = panel
        case .failure(let failure): model.entitlementsError = failure.description
        }
        return environment.renderer.page(
            "case", model, title: "认定案件", active: "/findings", context: context,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    func makeModel(
        heading: String, facts: [Fact], cases: [InjuryCase], assessments: [Assessment], dependents: [Fact],
        payments: [Payment], findings: [StoredFinding], masked: Bool
    ) -> Model {
        let flagged = Set(findings.map(\.finding.subjectID))
        let total = payments.reduce(Money.zero) { $0 + $1.amount }
        let paymentRows = payments.suffix(Self.maxPayments).reversed().map { p in
            PaymentRow(
                id: p.paymentID, caseID: p.caseID ?? "",
                item: ItemList.nationalItem(p.itemCode).map { "\(p.itemCode) \($0.name)" } ?? p.itemCode,
                amount: Formatting.yuan(p.amount),
                paidDate: p.paidDate.iso,
                period: p.periodStart.map { "\($0.iso) 至 \(p.periodEnd?.iso ?? "")" } ?? "",
                institution: p.institutionID ?? "", channel: p.channel?.chineseName ?? "",
                flagged: flagged.contains(p.paymentID))
        }
        return Model(
            heading: heading, facts: facts,
            cases: cases.map {
                CaseRow(
                    id: $0.caseID, href: "/cases/" + HTMLText.urlEncode($0.caseID), accident: $0.accidentDate.iso,
                    kind: $0.kind.chineseName, decision: $0.decision.chineseName, decided: $0.decidedDate?.iso ?? "")
            }, hasCases: !cases.isEmpty,
            assessments: assessments.map {
                AssessmentRow(
                    id: $0.assessmentID, caseID: $0.caseID, kind: $0.kind.chineseName,
                    concluded: $0.concludedDate?.iso ?? "", grade: $0.grade.map { "\($0) 级" } ?? "",
                    nursing: $0.nursing?.chineseName ?? "")
            }, hasAssessments: !assessments.isEmpty, dependents: dependents, hasDependents: !dependents.isEmpty,
            payments: Array(paymentRows), hasPayments: !payments.isEmpty, paymentTotal: Formatting.yuan(total),
            paymentCount: payments.count, truncated: payments.count > Self.maxPayments,
            findings: findings.map { s in
                let f = s.finding
                return FindingRow(
                    href: FindingPresentation.link(f), severity: f.severity.rawValue,
                    severityName: f.severity.chineseName, rule: RuleNames.label(f.ruleID),
                    amount: Formatting.yuan(f.amount), status: s.status.rawValue, statusName: s.status.chineseName,
                    detail: FindingPresentation.detailText(f, revealed: !masked))
            }, hasFindings: !findings.isEmpty, masked: masked)
    }
}
