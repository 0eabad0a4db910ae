import FundModel
import FundStore
import Hummingbird

/// `GET /api/v1/indicators`: the stored indicator figures (issue 14 #1), filtered and paged as
/// `IndicatorFilter` reads them, within the caller's region scope (a city's own figures and the province's).
struct IndicatorAPIRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.group("api/v1").get("indicators") { request, context in try indicators(request, context) }
    }

    struct ReadingJSON: Encodable {
        var runID: Int64
        var asOf: String
        var indicatorID: String
        var indicatorName: String
        var regionCode: String
        var regionName: String
        var periodKind: String
        var periodEnd: String
        var period: String
        /// Decimal text (up to four places), `null` where undefined.
        var value: String?
        var provinceValue: String?
        var unit: String
        var level: String?
        var comparison: String
        var thresholds: [String: String]
    }

    struct PageJSON: Encodable {
        var total: Int
        var page: Int
        var pageSize: Int
        var items: [ReadingJSON]
    }

    func indicators(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let filter = IndicatorFilter(RequestForm.query(request.uri.query), scope: principal.scope)
        guard filter.errors.isEmpty else { throw AppError.invalid("查询参数有误", fields: filter.errors) }
        let regions = try RegionNames(store: environment.store)
        let (rows, total) = try environment.store.indicatorReadings(filter.query)
        return APIResponse.json(
            PageJSON(
                total: total, page: filter.page, pageSize: filter.pageSize,
                items: rows.map { row in
                    let r = row.reading
                    var thresholds: [String: String] = [:]
                    for (level, figure) in r.thresholds { thresholds[level.rawValue] = figure.description }
                    return ReadingJSON(
                        runID: row.runID, asOf: row.asOf.iso, indicatorID: r.indicatorID,
                        indicatorName: RuleNames.name(r.indicatorID), regionCode: r.regionCode.raw,
                        regionName: regions.name(r.regionCode), periodKind: r.periodKind.rawValue,
                        periodEnd: r.periodEnd.iso, period: r.periodText, value: r.value?.description,
                        provinceValue: r.provinceValue?.description,
                        unit: IndicatorPresentation.unit(r.indicatorID).trimmingCharacters(in: .whitespaces),
                        level: r.level?.rawValue, comparison: r.comparison.rawValue, thresholds: thresholds)
                }))
    }
}
