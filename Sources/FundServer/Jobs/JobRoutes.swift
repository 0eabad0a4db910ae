import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 后台任务: the page of a screening or a trial run started from the console (`/jobs/{id}`), and the way the
/// console and the API start them.
///
/// A form that starts a job is answered when the job is done or after `ServerConfiguration.jobWait`
/// (2 s), whichever comes first — the request's task only sleeps meanwhile, the work runs on the job
/// executor — with 303 to the job's page: while it runs, the page shows the phase and reloads itself; when
/// it is done, it is the page the form used to answer with (the import page with the run's summary, the
/// rules page with the trial's table and the draft).
struct JobRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/jobs/:id") { request, context in try page(request, context) }
    }

    struct Model {
        var id: String
        var title: String
        var running: Bool
        var failed: Bool
        var phase: String
        var percent: Int
        var startedAt: String
        var back: String
        var backLabel: String
    }

    static func title(_ kind: BackgroundJobs.Kind) -> String { kind == .screening ? "筛查比对" : "试算" }

    // MARK: Starting

    /// A screening run of the store's data as of `asOf`, audited when it ends (either way).
    static func startScreening(
        asOf: Day, principal: Principal, context: FundRequestContext, environment: ServerEnvironment
    ) -> BackgroundJobs.Job {
        environment.jobs.start(.screening, ownerID: principal.user.id) { progress in
            do {
                let (report, summary) = try await ScreeningService(environment: environment).run(
                    asOf: asOf, progress: progress)
                try environment.audit(
                    context, "screening", targetType: "screening_run", targetID: String(summary.runID),
                    detail:
                        "筛查日期 \(asOf.iso)：发现 \(summary.raised)，新增 \(summary.new)，不再发现 \(summary.noLongerRaised)")
                return .screening(runID: summary.runID, summary: summary, seconds: report.duration.components.seconds)
            } catch {
                try? environment.audit(
                    context, "screening", targetType: "screening_run", outcome: "failed",
                    detail: "筛查日期 \(asOf.iso)：\(error)")
                throw error
            }
        }
    }

    /// A trial run of `draft` beside the configuration in force; stores nothing but its audit line.
    static func startTrial(
        draft: RulesConfiguration, draftYAML: String, reason: String, asOf: Day, principal: Principal,
        context: FundRequestContext, environment: ServerEnvironment
    ) -> BackgroundJobs.Job {
        environment.jobs.start(.trial, ownerID: principal.user.id) { progress in
            let lines = try await ScreeningService(environment: environment).trial(
                draft: draft, asOf: asOf, progress: progress)
            try environment.audit(
                context, "rules.trial", targetType: "rules",
                detail: "筛查日期 \(asOf.iso)；变化 \(lines.filter { $0.difference != 0 }.count) 条规则")
            return .trial(asOf: asOf, lines: lines, draftYAML: draftYAML, reason: reason)
        }
    }

    /// The console's answer to a form that started `job`: 303 to its page once done or after the wait.
    static func answer(_ job: BackgroundJobs.Job, environment: ServerEnvironment) async -> Response {
        _ = await environment.jobs.wait(job.id, ownerID: job.ownerID, upTo: environment.configuration.jobWait)
        return Response(status: .seeOther, headers: [.location: "/jobs/\(job.id)"])
    }

    // MARK: The page

    func page(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        guard let job = environment.jobs.job(id, ownerID: principal.user.id) else { throw AppError.notFound("任务") }
        switch job.outcome {
        case .screening(let runID, let summary, let seconds):
            return try ImportRoutes(environment: environment).page(
                request, context,
                flash:
                    "第 \(runID) 次筛查完成：发现疑点 \(summary.raised) 条（新增 \(summary.new)，再次发现 \(summary.raisedAgain)，不再发现 \(summary.noLongerRaised)），用时 \(seconds) 秒"
            )
        case .trial(let asOf, let lines, let draftYAML, let reason):
            let routes = RulesRoutes(environment: environment)
            return try routes.page(
                request, context, draft: draftYAML, reason: reason, asOf: asOf.iso, flash: "试算完成（未保存，未生效）",
                trial: routes.trialHTML(lines, asOf: asOf))
        case nil:
            let model = Model(
                id: job.id, title: Self.title(job.kind), running: job.state == .running,
                failed: job.state == .failed, phase: job.phase, percent: job.percent,
                startedAt: Formatting.moment(job.startedAt), back: job.kind == .screening ? "/imports" : "/rules",
                backLabel: job.kind == .screening ? "返回数据导入" : "返回规则与阈值")
            var response = environment.renderer.page(
                "job", model, title: "\(model.title)任务", active: job.kind == .screening ? "/imports" : "/rules",
                context: context, flashError: job.state == .failed ? "\(model.title)失败：\(job.failure ?? "")" : nil)
            // While it runs, the page reloads itself every second.
            if job.state == .running { response.headers[.init("Refresh")!] = "1" }
            return response
        }
    }
}

extension Templates {
    static let job = """
        <h1>{{title}}任务</h1>
        <div class="card" id="job" data-state="{{#running}}running{{/running}}{{#failed}}failed{{/failed}}">
          {{#running}}<p>{{title}}进行中：{{phase}}（{{percent}}%）</p>
          <p><progress max="100" value="{{percent}}">{{percent}}%</progress></p>
          <p class="small muted">开始于 {{startedAt}}；本页每秒自动刷新，也可离开本页，稍后在本页查看结果。</p>{{/running}}
          {{#failed}}<p>{{title}}未完成（{{phase}}），开始于 {{startedAt}}。</p>{{/failed}}
          <p><a href="{{back}}">← {{backLabel}}</a></p>
        </div>
        """
}
