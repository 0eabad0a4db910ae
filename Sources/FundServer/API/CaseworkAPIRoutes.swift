import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird

/// The casework registers under `/api/v1/casework`: list, get and act, with the same fields, roles, region scope,
/// refusals and audit lines as the console (`openapi.yaml`). Lists in a body are comma-separated strings.
struct CaseworkAPIRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        let api = router.group("api/v1/casework")
        api.get("determinations") { request, context in try determinations(request, context) }
        api.post("determinations") { request, context in
            try await act(request, context, status: .created) { form, service in
                determinationJSON(try DeterminationSteps.open(form, service), service)
            }
        }
        api.get("determinations/:id") { _, context in try determination(context) }
        api.post("determinations/:id/steps") { request, context in
            try await act(request, context) { form, service in
                determinationJSON(
                    try DeterminationSteps.step(context.parameters.get("id") ?? "", form, service).0, service)
            }
        }
        api.get("assessments") { request, context in try assessments(request, context) }
        api.post("assessments") { request, context in
            try await act(request, context, status: .created) { form, service in
                try assessmentJSON(try AssessmentSteps.open(form, service), service)
            }
        }
        api.get("assessments/:id") { _, context in try assessment(context) }
        api.post("assessments/:id/steps") { request, context in
            try await act(request, context) { form, service in
                try assessmentJSON(try AssessmentSteps.step(context.parameters.get("id") ?? "", form, service), service)
            }
        }
        api.get("deadlines") { request, context in try deadlines(request, context) }
        api.get("experts") { request, context in try experts(request, context) }
        api.get("institutions") { request, context in try institutions(request, context) }
        api.post("institutions") { request, context in
            try await act(request, context, status: .created) { form, service in
                institutionJSON(try InstitutionSteps.register(form, service), agreements: [])
            }
        }
        api.post("agreements") { request, context in
            try await act(request, context, status: .created) { form, service in
                agreementJSON(try InstitutionSteps.sign(form, service))
            }
        }
        api.post("agreements/:id/steps") { request, context in
            try await act(request, context) { form, service in
                agreementJSON(try InstitutionSteps.step(context.parameters.get("id") ?? "", form, service).0)
            }
        }
        api.get("campaigns") { _, context in try campaigns(context) }
        api.post("campaigns") { request, context in
            try await act(request, context, status: .created) { form, service in
                try campaignJSON(try CampaignSteps.open(form, service).campaignID, service)
            }
        }
        api.get("campaigns/:id") { _, context in
            let service = try CaseworkService(environment: environment, context: context)
            return APIResponse.json(try campaignJSON(context.parameters.get("id") ?? "", service))
        }
        api.post("campaigns/:id/steps") { request, context in
            try await act(request, context) { form, service in
                let id = context.parameters.get("id") ?? ""
                let done = try CampaignSteps.step(id, form, service)
                return ["done": done]
            }
        }
        api.get("risk-points") { _, context in try riskPoints(context) }
        api.post("risk-points") { request, context in
            try await act(request, context) { form, service in ["done": try RiskPointSteps.step(form, service)] }
        }
    }

    /// Reads the body as a form and runs a step; its result is the response.
    func act(
        _ request: Request, _ context: FundRequestContext, status: HTTPResponse.Status = .ok,
        _ body: (RequestForm, CaseworkService) throws -> some Encodable
    ) async throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let form = try await APIRoutes(environment: environment).bodyForm(request, context)
        return APIResponse.json(try body(form, service), status: status)
    }

    // MARK: Shapes

    struct HistoryJSON: Encodable {
        var day: String
        var action: String
        var actionName: String
        var fromState: String?
        var toState: String?
        var actor: String
        var reason: String?
        var detail: String
        var recordedAt: String
    }

    static func history(_ entries: [CaseworkHistoryEntry]) -> [HistoryJSON] {
        entries.map {
            let e = $0.event
            return HistoryJSON(
                day: e.act.day.iso, action: e.action, actionName: e.chineseAction, fromState: e.fromState,
                toState: e.toState, actor: e.act.actor, reason: e.act.reason, detail: Masking.maskIDs(in: e.detail),
                recordedAt: APIRoutes.iso($0.recordedAt))
        }
    }

    struct DeadlineJSON: Encodable {
        var subject: String
        var id: String
        var regionCode: String
        var step: String
        var due: String
        var basis: String
        var daysLeft: Int
    }

    func deadlineJSON(_ d: Deadline) -> DeadlineJSON {
        DeadlineJSON(
            subject: d.subject.rawValue, id: d.id, regionCode: d.regionCode.raw, step: d.step, due: d.due.iso,
            basis: d.basis, daysLeft: d.daysLeft(asOf: environment.today))
    }

    struct DeterminationJSON: Encodable {
        var caseID: String
        var version: Int
        var state: String
        var stateName: String
        var workerID: String
        var employerID: String?
        var regionCode: String
        var kind: String
        var fatal: Bool
        var applicant: String
        var accidentDate: String
        var appliedDate: String
        var applicationDue: String
        var appliedLate: Bool
        var materials: [String: String]
        var missingMaterials: [String]
        var acceptedDate: String?
        var clearCase: Bool
        var notAcceptedReason: String?
        var suspendedDays: Int
        var decision: String?
        var decisionBasis: String?
        var decisionDate: String?
        var injuredParts: [String]
        var deliveredDate: String?
        var nextDeadline: DeadlineJSON?
        var allowedActions: [String]
    }

    func determinationJSON(_ f: DeterminationFile, _ service: CaseworkService, reveal: Bool = false)
        -> DeterminationJSON
    {
        let today = environment.today
        return DeterminationJSON(
            caseID: f.caseID, version: f.version, state: f.state.rawValue, stateName: f.state.chineseName,
            workerID: service.workerID(f.workerID, reveal: reveal),
            employerID: f.employerID, regionCode: f.regionCode.raw, kind: f.kind.rawValue, fatal: f.fatal,
            applicant: f.applicant.rawValue, accidentDate: f.accidentDate.iso, appliedDate: f.appliedDate.iso,
            applicationDue: f.applicationDue(calendar: service.calendar).iso,
            appliedLate: f.appliedLate(calendar: service.calendar),
            materials: Dictionary(
                f.materials.map { ($0.material.rawValue, $0.received.iso) }, uniquingKeysWith: { a, _ in a }),
            missingMaterials: f.missingMaterials.map(\.rawValue), acceptedDate: f.acceptedDate?.iso,
            clearCase: f.clearCase, notAcceptedReason: f.notAcceptedReason, suspendedDays: f.suspendedDays(asOf: today),
            decision: f.decision?.outcome.rawValue, decisionBasis: f.decision?.basis.code,
            decisionDate: f.decision?.day.iso, injuredParts: f.decision?.injuredParts ?? [],
            deliveredDate: f.deliveredDate?.iso,
            nextDeadline: f.currentDeadline(asOf: today, calendar: service.calendar).map(deadlineJSON),
            allowedActions: service.offeredSteps(DeterminationMachine.nextSteps(f)))
    }

    struct DeterminationDetailJSON: Encodable {
        var file: DeterminationJSON
        var history: [HistoryJSON]
    }

    func determinations(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let state: DeterminationState? = fields.stateFilter()
        try fields.check()
        let files = try service.casework.determinations.files(scope: service.principal.caseworkScope, state: state)
        return APIResponse.json(files.map { determinationJSON($0, service) })
    }

    func determination(_ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let file = try DeterminationSteps.visible(context.parameters.get("id") ?? "", service)
        try environment.audit(context, "view.determination", targetType: "determination", targetID: file.caseID)
        return APIResponse.json(
            DeterminationDetailJSON(
                file: determinationJSON(file, service, reveal: true),
                history: Self.history(try service.casework.determinations.history(file.caseID))))
    }

    struct DrawJSON: Encodable {
        struct Exclusion: Encodable {
            var expertID: String
            var reasons: [String]
            var detail: String
        }
        var drawID: String
        var day: String
        var actor: String
        var seed: String
        var size: Int
        var specialties: [String]
        var pool: [String]
        var excluded: [Exclusion]
        var drawn: [String]
        var superseded: Bool
        var supersededReason: String?
        var replayMatches: Bool
    }

    struct AssessmentJSON: Encodable {
        var assessmentID: String
        var version: Int
        var caseID: String
        var state: String
        var stateName: String
        var kind: String
        var workerID: String
        var regionCode: String
        var appliedDate: String
        var missingMaterials: [String]
        var conclusionDue: String?
        var panel: [String]
        var grade: Int?
        var nursing: String?
        var concludedDate: String?
        var deliveredDate: String?
        var nextDeadline: DeadlineJSON?
        var allowedActions: [String]
        var draws: [DrawJSON]
        var history: [HistoryJSON]
    }

    func assessmentJSON(_ f: AssessmentFile, _ service: CaseworkService, reveal: Bool = false) throws
        -> AssessmentJSON
    {
        let draws = try service.casework.panels.draws(assessmentID: f.assessmentID).map { d in
            DrawJSON(
                drawID: d.drawID, day: d.act.day.iso, actor: d.act.actor, seed: String(d.seed), size: d.size,
                specialties: d.specialties, pool: d.pool.map(\.expertID),
                excluded: d.excluded.map {
                    .init(expertID: $0.expertID, reasons: $0.reasons.map(\.rawValue), detail: $0.detail)
                },
                drawn: d.drawn, superseded: d.superseded, supersededReason: d.supersededReason,
                replayMatches: try service.casework.panels.audit(drawID: d.drawID).matches)
        }
        return AssessmentJSON(
            assessmentID: f.assessmentID, version: f.version, caseID: f.caseID, state: f.state.rawValue,
            stateName: f.state.chineseName, kind: f.kind.rawValue,
            workerID: service.workerID(f.workerID, reveal: reveal),
            regionCode: f.regionCode.raw, appliedDate: f.appliedDate.iso,
            missingMaterials: f.missingMaterials.map(\.rawValue),
            conclusionDue: f.conclusionDue(calendar: service.calendar)?.iso, panel: f.panel,
            grade: f.conclusion?.grade, nursing: f.conclusion?.nursing.rawValue, concludedDate: f.conclusion?.day.iso,
            deliveredDate: f.deliveredDate?.iso,
            nextDeadline: f.currentDeadline(calendar: service.calendar).map(deadlineJSON),
            allowedActions: service.offeredSteps(AssessmentMachine.nextSteps(f)), draws: draws,
            history: reveal ? Self.history(try service.casework.assessments.history(f.assessmentID)) : [])
    }

    func assessments(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let state: AssessmentState? = fields.stateFilter()
        try fields.check()
        let files = try service.casework.assessments.files(scope: service.principal.caseworkScope, state: state)
        return APIResponse.json(try files.map { try assessmentJSON($0, service) })
    }

    func assessment(_ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let file = try AssessmentSteps.visible(context.parameters.get("id") ?? "", service)
        try environment.audit(context, "view.assessment", targetType: "assessment", targetID: file.assessmentID)
        return APIResponse.json(try assessmentJSON(file, service, reveal: true))
    }

    struct DeadlineListJSON: Encodable {
        var regionCode: String
        var overdue: [DeadlineJSON]
        var dueSoon: [DeadlineJSON]
    }

    func deadlines(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let days = fields.deadlineDays()
        try fields.check()
        let lists = try service.casework.deadlines(
            scope: service.principal.caseworkScope, asOf: environment.today, withinDays: days)
        return APIResponse.json(
            lists.map {
                DeadlineListJSON(
                    regionCode: $0.regionCode.raw, overdue: $0.overdue.map(deadlineJSON),
                    dueSoon: $0.dueSoon.map(deadlineJSON))
            })
    }

    struct ExpertJSON: Encodable {
        struct Employer: Encodable {
            var employerID: String
            var panels: Int
            var most365: Int
        }
        var expertID: String
        var name: String
        var specialty: String?
        var regionCode: String
        var panels: Int
        var superseded: Int
        var excluded: Int
        var concentrated: Bool
        var employers: [Employer]
    }

    func experts(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let (from, to) = try AssessmentRoutes.period(request, today: environment.today)
        let stats = try service.casework.panels.report(scope: service.principal.caseworkScope, from: from, to: to)
        return APIResponse.json(
            stats.map { s in
                ExpertJSON(
                    expertID: s.expertID, name: s.name, specialty: s.specialty, regionCode: s.regionCode.raw,
                    panels: s.panels, superseded: s.superseded, excluded: s.excluded, concentrated: s.concentrated,
                    employers: s.employers.map {
                        .init(employerID: $0.employerID, panels: $0.panels, most365: $0.most365)
                    })
            })
    }

    struct AgreementJSON: Encodable {
        var agreementID: String
        var institutionID: String
        var services: [String]
        var startDate: String
        var endDate: String
        var status: String
    }

    func agreementJSON(_ a: Agreement) -> AgreementJSON {
        AgreementJSON(
            agreementID: a.agreementID, institutionID: a.institutionID, services: a.services.map(\.rawValue),
            startDate: a.startDate.iso, endDate: a.endDate.iso, status: a.status.rawValue)
    }

    struct InstitutionJSON: Encodable {
        var institutionID: String
        var name: String
        var kind: String
        var regionCode: String
        var grade: String?
        var agreements: [AgreementJSON]
    }

    func institutionJSON(_ i: Institution, agreements: [Agreement]) -> InstitutionJSON {
        InstitutionJSON(
            institutionID: i.institutionID, name: i.name, kind: i.kind.rawValue, regionCode: i.regionCode.raw,
            grade: i.grade, agreements: agreements.map(agreementJSON))
    }

    struct InstitutionsJSON: Encodable {
        var institutions: [InstitutionJSON]
        var expiring: [AgreementJSON]
    }

    func institutions(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        var fields = CaseworkFields(query: request)
        let days = fields.expiryDays()
        try fields.check()
        let register = service.casework.institutions
        let agreements = Dictionary(grouping: try register.agreements(), by: \.institutionID)
        let scope = service.principal.caseworkScope
        return APIResponse.json(
            InstitutionsJSON(
                institutions: try register.institutions(scope: scope).map {
                    institutionJSON($0, agreements: agreements[$0.institutionID] ?? [])
                },
                expiring: try register.expiring(scope: scope, asOf: environment.today, withinDays: days).map {
                    agreementJSON($0.agreement)
                }))
    }

    struct CampaignJSON: Encodable {
        struct Line: Encodable {
            var institutionID: String
            var selfInspection: String
            var spotCheck: String?
            var problems: Int
            var rectificationsOpen: Int
            var rectificationsClosed: Int
        }
        struct Risk: Encodable {
            var source: String
            var institutionID: String
            var reference: String
            var description: String
            var measure: String
            var status: String
        }
        struct Item: Encodable {
            var rectificationID: String
            var institutionID: String
            var description: String
            var owner: String
            var deadline: String
            var state: String
        }
        var campaignID: String
        var title: String
        var regionCode: String
        var state: String
        var selfInspectionDue: String
        var checklist: [String]
        var institutions: [Line]
        var rectifications: [Item]
        var risks: [Risk]
        var spotCheckDraws: [String]
    }

    func campaignJSON(_ id: String, _ service: CaseworkService) throws -> CampaignJSON {
        let report = try CampaignRoutes.scopedReport(id, service, asOf: environment.today)
        let c = report.campaign
        return CampaignJSON(
            campaignID: c.campaignID, title: c.title, regionCode: c.regionCode.raw, state: c.state.rawValue,
            selfInspectionDue: c.selfInspectionDue.iso, checklist: c.checklist.map(\.itemID),
            institutions: report.lines.map {
                .init(
                    institutionID: $0.institutionID, selfInspection: $0.selfInspection.rawValue,
                    spotCheck: $0.spotCheck?.rawValue, problems: $0.problems, rectificationsOpen: $0.rectificationsOpen,
                    rectificationsClosed: $0.rectificationsClosed)
            },
            rectifications: try service.casework.campaigns.rectifications(campaignID: c.campaignID).filter {
                service.principal.canSee($0.regionCode)
            }.map {
                .init(
                    rectificationID: $0.rectificationID, institutionID: $0.institutionID, description: $0.description,
                    owner: $0.owner, deadline: $0.deadline.iso, state: $0.state.rawValue)
            },
            risks: report.risks.map {
                .init(
                    source: $0.source, institutionID: $0.institutionID, reference: $0.reference,
                    description: $0.description, measure: $0.measure, status: $0.status)
            }, spotCheckDraws: try service.casework.campaigns.spotCheckDraws(campaignID: c.campaignID).map(\.drawID))
    }

    struct CampaignSummaryJSON: Encodable {
        var campaignID: String
        var title: String
        var regionCode: String
        var state: String
        var selfInspectionDue: String
        var institutions: Int
    }

    func campaigns(_ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        let regions = try CampaignSteps.institutionRegions(service)
        return APIResponse.json(
            try service.casework.campaigns.campaigns().filter { CampaignSteps.canSee($0, service, regions: regions) }
                .map {
                    CampaignSummaryJSON(
                        campaignID: $0.campaignID, title: $0.title, regionCode: $0.regionCode.raw,
                        state: $0.state.rawValue,
                        selfInspectionDue: $0.selfInspectionDue.iso, institutions: $0.institutionIDs.count)
                })
    }

    struct RiskPointJSON: Encodable {
        var riskPointID: String
        var step: String
        var risk: String
        var rules: [String]
        var controls: String
        var owner: String
        var active: Bool
    }

    func riskPoints(_ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        return APIResponse.json(
            try service.casework.riskInventory.points().map {
                RiskPointJSON(
                    riskPointID: $0.riskPointID, step: $0.step.rawValue, risk: $0.risk, rules: $0.rules,
                    controls: $0.controls, owner: $0.owner, active: $0.active)
            })
    }
}
