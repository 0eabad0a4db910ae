import FundModel
import FundStore
import Hummingbird
import Screening

/// 评价考核 (issue 14 #2): the cities ranked by their score for the latest period, with each measure's points
/// and the figure behind them, and the change since the previous period; `GET /api/v1/evaluation` the same.
///
/// A province user sees every city; a city user its own city's line (its rank among all cities), not the
/// others' scores.
struct EvaluationRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/evaluation") { request, context in try page(request, context) }
        router.group("api/v1").get("evaluation") { request, context in try api(request, context) }
    }

    /// The run asked for (`run`, a run id), or the newest; any other parameter is refused.
    static func runID(_ form: RequestForm) throws -> Int64? {
        var errors: [String: String] = [:]
        for name in form.fields.keys where name != "run" { errors[name] = "未知的参数（可用：run）" }
        var id: Int64?
        if let text = form["run"] {
            if text.utf8.count <= 18, let n = Int64(text), n > 0 { id = n } else { errors["run"] = "批次须为正整数" }
        }
        guard errors.isEmpty else { throw AppError.invalid("查询参数有误", fields: errors) }
        return id
    }

    func evaluation(_ request: Request, _ principal: Principal) throws -> (CityEvaluation?, EvaluationScheme) {
        let runID = try Self.runID(RequestForm.query(request.uri.query))
        let configuration = try RulesConfiguration.inForce(in: environment.store)
        let scheme = configuration.evaluation
        let result = try CityEvaluation.make(
            store: environment.store, scheme: scheme, dueDays: configuration.dueDays, runID: runID)
        if runID != nil && result == nil { throw AppError.notFound("该批次的评价") }
        return (result, scheme)
    }

    /// `↑2`, `↓1`, `持平`, `新进入` (not ranked in the previous period), or empty without a previous period.
    static func change(_ city: CityEvaluation.City, hasPrevious: Bool) -> String {
        guard hasPrevious else { return "" }
        guard let before = city.previousRank else { return "新进入" }
        let moved = before - city.rank
        return moved > 0 ? "↑\(moved)" : moved < 0 ? "↓\(-moved)" : "持平"
    }

    struct Row {
        struct Line {
            var score: String
            var basis: String
        }
        var rank: Int
        var region: String
        var total: String
        var previousTotal: String
        var change: String
        var lines: [Line]
    }

    struct Header {
        var name: String
        var weight: Int
    }

    struct Model {
        var hasData: Bool
        var runID: Int64
        var month: String
        var previousMonth: String
        var hasPrevious: Bool
        var cityCount: Int
        var headers: [Header]
        var rows: [Row]
        var scheme: [String]
    }

    func page(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let (result, scheme) = try evaluation(request, principal)
        let regions = try RegionNames(store: environment.store)
        let visible = (result?.cities ?? []).filter { principal.scope.contains($0.region) }
        let headers = result?.cities.first?.lines.map { Header(name: $0.name, weight: $0.weight) } ?? []
        let rows = visible.map { city in
            Row(
                rank: city.rank, region: regions.name(city.region), total: city.total?.description ?? "无法评分",
                previousTotal: city.previousTotal?.description ?? "—",
                change: Self.change(city, hasPrevious: result?.previous != nil),
                lines: city.lines.map { Row.Line(score: $0.score.map(String.init) ?? "不计分", basis: $0.basis) })
        }
        var schemeText: [String] = []
        if scheme.levelsWeight > 0 {
            let deductions = Severity.allCases.compactMap { level in
                scheme.deductions[level].map { "\(level.chineseName) −\($0)" }
            }
            schemeText.append("指标预警（权重 \(scheme.levelsWeight)）：100 分起，每项\(deductions.joined(separator: "、"))，最低 0 分")
        }
        for figure in scheme.figures where figure.weight > 0 {
            let unit = IndicatorPresentation.unit(figure.indicatorID)
            let bands = figure.bands.map { "\($0.isMaximum ? "≤" : "≥") \($0.bound)\(unit) → \($0.score) 分" }
            schemeText.append(
                "\(figure.indicatorID) \(RuleNames.name(figure.indicatorID))（权重 \(figure.weight)）：\(bands.joined(separator: "；"))，其余 0 分"
            )
        }
        if scheme.onTimeWeight > 0 {
            let bands = scheme.onTimeBands.map { "\($0.isMaximum ? "≤" : "≥") \($0.bound)% → \($0.score) 分" }
            schemeText.append(
                "疑点按时核查（权重 \(scheme.onTimeWeight)）：期末前到期的疑点中按核查期限办结的比例，\(bands.joined(separator: "；"))，其余 0 分")
        }
        let model = Model(
            hasData: result != nil, runID: result?.period.runID ?? 0, month: result?.period.month.iso ?? "",
            previousMonth: result?.previous?.month.iso ?? "", hasPrevious: result?.previous != nil,
            cityCount: result?.cities.count ?? 0, headers: headers, rows: rows, scheme: schemeText)
        return environment.renderer.page(
            "evaluation", model, title: "评价考核", active: "/evaluation", context: context,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    struct LineJSON: Encodable {
        var measure: String
        var name: String
        var weight: Int
        var score: Int?
        var basis: String
    }

    struct CityJSON: Encodable {
        var regionCode: String
        var regionName: String
        var rank: Int
        var total: String?
        var previousRank: Int?
        var previousTotal: String?
        var measures: [LineJSON]
    }

    struct EvaluationJSON: Encodable {
        var runID: Int64
        var asOf: String
        var period: String
        var previousRunID: Int64?
        var previousPeriod: String?
        var cityCount: Int
        var cities: [CityJSON]
    }

    func api(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let (found, _) = try evaluation(request, principal)
        guard let result = found else { throw AppError.notFound("评价（尚无筛查存储的指标）") }
        let regions = try RegionNames(store: environment.store)
        return APIResponse.json(
            EvaluationJSON(
                runID: result.period.runID, asOf: result.period.asOf.iso, period: result.period.month.iso,
                previousRunID: result.previous?.runID, previousPeriod: result.previous?.month.iso,
                cityCount: result.cities.count,
                cities: result.cities.filter { principal.scope.contains($0.region) }.map { city in
                    CityJSON(
                        regionCode: city.region.raw, regionName: regions.name(city.region), rank: city.rank,
                        total: city.total?.description, previousRank: city.previousRank,
                        previousTotal: city.previousTotal?.description,
                        measures: city.lines.map {
                            LineJSON(
                                measure: $0.measure, name: $0.name, weight: $0.weight, score: $0.score, basis: $0.basis)
                        })
                }))
    }
}
