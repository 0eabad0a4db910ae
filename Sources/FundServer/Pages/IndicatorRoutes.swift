import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 指标监测: the indicators I01–I09 of the latest run per city and for the province (levels in colour and
/// words), each indicator's trend over the runs stored, and the history as CSV (issue 14 #1).
///
/// A city user sees its own city and the province, never another city's figures.
struct IndicatorRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/indicators") { _, context in try page(context) }
        router.get("/indicators.csv") { request, context in try export(request, context) }
    }

    struct Header {
        var id: String
        var name: String
        var period: String
    }

    struct Cell {
        var figure: String
        var levelText: String
        var levelClass: String
        var thresholds: String
    }

    struct Row {
        var region: String
        var isProvince: Bool
        var cells: [Cell]
    }

    struct Threshold {
        var id: String
        var name: String
        var period: String
        var text: String
    }

    struct Chart {
        var id: String
        var name: String
        var period: String
        var svg: String
    }

    struct Model {
        var scopeName: String
        var runID: Int64
        var asOf: String
        var hasData: Bool
        var headers: [Header]
        var rows: [Row]
        var thresholds: [Threshold]
        var charts: [Chart]
        var csvHref: String
    }

    /// The bound of one page's read: 9 indicators × (the cities and the province) × 14 periods, many times over.
    static let readLimit = 50_000

    /// The period an indicator is judged on in a run's readings: its trailing 12 months, else its calendar
    /// years (I03); the latest such period.
    static func headline(_ readings: [StoredIndicatorReading]) -> (kind: IndicatorReading.PeriodKind, end: YearMonth)? {
        for kind in [IndicatorReading.PeriodKind.trailing12, .year] {
            let ends = readings.filter { $0.reading.periodKind == kind }.map(\.reading.periodEnd)
            if let end = ends.max() { return (kind, end) }
        }
        return nil
    }

    func page(_ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let store = environment.store
        let regions = try RegionNames(store: store)
        let latest = try store.indicatorReadings(
            IndicatorHistoryQuery(scope: principal.scope, runs: .latest, limit: Self.readLimit)
        ).rows
        let byIndicator = Dictionary(grouping: latest, by: \.reading.indicatorID)
        let ids = IndicatorPresentation.ids.filter { byIndicator[$0] != nil }
        let headlines = ids.compactMap { id in Self.headline(byIndicator[id] ?? []).map { (id, $0) } }
        let regionCodes = Set(latest.map(\.reading.regionCode)).sorted {
            ($0.impliedLevel == .province ? 1 : 0, $0) < ($1.impliedLevel == .province ? 1 : 0, $1)
        }
        var cellOf: [String: IndicatorReading] = [:]
        for (id, headline) in headlines {
            for stored in byIndicator[id] ?? []
            where stored.reading.periodKind == headline.kind && stored.reading.periodEnd == headline.end {
                cellOf[id + "/" + stored.reading.regionCode.raw] = stored.reading
            }
        }
        let headers = headlines.map { id, headline in
            Header(
                id: id, name: RuleNames.name(id),
                period: IndicatorReading.periodText(headline.kind, end: headline.end))
        }
        let rows = regionCodes.map { code in
            Row(
                region: code.impliedLevel == .province ? "\(regions.name(code))（全省）" : regions.name(code),
                isProvince: code.impliedLevel == .province,
                cells: headlines.map { id, _ in
                    guard let reading = cellOf[id + "/" + code.raw] else {
                        return Cell(figure: "—", levelText: "未计算", levelClass: "muted", thresholds: "")
                    }
                    return Cell(
                        figure: IndicatorPresentation.figure(reading.value, id),
                        levelText: IndicatorPresentation.levelText(reading),
                        levelClass: IndicatorPresentation.levelClass(reading),
                        thresholds: IndicatorPresentation.thresholdText(reading))
                })
        }
        let province = regionCodes.last { $0.impliedLevel == .province }
        let thresholds = headlines.map { id, headline -> Threshold in
            let reading = province.flatMap { cellOf[id + "/" + $0.raw] }
            return Threshold(
                id: id, name: RuleNames.name(id), period: headline.kind.chineseName,
                text: reading.map(IndicatorPresentation.thresholdText) ?? "—")
        }
        var charts: [Chart] = []
        for (id, headline) in headlines {
            let history = try store.indicatorReadings(
                IndicatorHistoryQuery(
                    scope: principal.scope, indicatorID: id, periodKind: headline.kind, runs: .newestPerPeriod,
                    limit: Self.readLimit)
            ).rows
            let series = Dictionary(grouping: history, by: \.reading.regionCode).map { code, points in
                IndicatorCharts.Series(
                    name: code.impliedLevel == .province ? "全省" : regions.name(code),
                    isProvince: code.impliedLevel == .province,
                    points: Dictionary(
                        points.map { ($0.reading.periodEnd, $0.reading.value) }, uniquingKeysWith: { $1 }))
            }.sorted { $0.name < $1.name }
            charts.append(
                Chart(
                    id: id, name: RuleNames.name(id), period: headline.kind.chineseName,
                    svg: IndicatorCharts.trend(
                        series, unit: IndicatorPresentation.unit(id), label: "\(id) \(RuleNames.name(id)) 趋势")))
        }
        let scopeName: String
        switch principal.scope {
        case .all: scopeName = "全省"
        case .city(let city): scopeName = regions.name(city)
        }
        let model = Model(
            scopeName: scopeName, runID: latest.first?.runID ?? 0, asOf: latest.first?.asOf.iso ?? "",
            hasData: !latest.isEmpty, headers: headers, rows: rows, thresholds: thresholds, charts: charts,
            csvHref: "/indicators.csv")
        return environment.renderer.page(
            "indicators", model, title: "指标监测", active: "/indicators", context: context,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    /// The history as CSV (UTF-8 with a byte-order mark for Excel), filtered as the API is.
    func export(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        var filter = IndicatorFilter(RequestForm.query(request.uri.query), scope: principal.scope)
        guard filter.errors.isEmpty else { throw AppError.invalid("筛选条件有误", fields: filter.errors) }
        filter.query.limit = IndicatorFilter.exportLimit
        filter.query.offset = 0
        let regions = try RegionNames(store: environment.store)
        let (rows, total) = try environment.store.indicatorReadings(filter.query)
        var csv = CSVWriter(
            header: [
                "run_id", "as_of", "indicator_id", "indicator_name", "region_code", "region_name", "period_kind",
                "period_end", "period", "value", "province_value", "unit", "level", "comparison", "threshold_red",
                "threshold_orange", "threshold_yellow",
            ], formulaSafe: true)
        for row in rows {
            let r = row.reading
            csv.append(row: [
                String(row.runID), row.asOf.iso, r.indicatorID, RuleNames.name(r.indicatorID), r.regionCode.raw,
                regions.name(r.regionCode), r.periodKind.rawValue, r.periodEnd.iso, r.periodText,
                r.value?.description ?? "", r.provinceValue?.description ?? "",
                IndicatorPresentation.unit(r.indicatorID).trimmingCharacters(in: .whitespaces),
                r.level?.rawValue ?? "", r.comparison.rawValue, r.thresholds[.red]?.description ?? "",
                r.thresholds[.orange]?.description ?? "", r.thresholds[.yellow]?.description ?? "",
            ])
        }
        try environment.audit(
            context, "export.indicators", targetType: "indicators", targetID: "", detail: "\(rows.count)/\(total) 条")
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"indicators.csv\""
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + csv.text)))
    }
}
