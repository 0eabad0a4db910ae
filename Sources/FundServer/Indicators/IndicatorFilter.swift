import FundModel
import FundStore
import Screening

/// The query of the indicator history (指标监测) read from a query string, shared by the API and the CSV
/// export: every parameter checked, each problem named by its field, and the page bounded.
///
/// Parameters: `indicator` (I01–I09), `region` (a city of the caller's scope, or the province), `period`
/// (`month`, `trailing12`, `year`), `from` and `to` (`YYYY-MM`, on the period's last month), `run`
/// (`all`, `latest`, `newest` — each period's newest figure — or a run id), `page`, `page_size` (1–500).
struct IndicatorFilter {
    static let defaultPageSize = 100
    static let maxPageSize = 500
    /// The CSV export's bound: every figure of a large province's history fits many times over.
    static let exportLimit = 100_000
    static let knownKeys: Set<String> = ["indicator", "region", "period", "from", "to", "run", "page", "page_size"]

    var query: IndicatorHistoryQuery
    var page: Int = 1
    var pageSize: Int = defaultPageSize
    var errors: [String: String] = [:]

    init(_ form: RequestForm, scope: RegionScope) {
        query = IndicatorHistoryQuery(scope: scope)
        for name in form.fields.keys where !Self.knownKeys.contains(name) {
            errors[name] = "未知的参数（可用：\(Self.knownKeys.sorted().joined(separator: "、"))）"
        }
        if let id = form["indicator"] {
            if IndicatorJudging.of(id) != nil {
                query.indicatorID = id
            } else {
                errors["indicator"] = "指标须为 I01–I09 之一"
            }
        }
        if let text = form["region"] {
            if let code = RegionCode(text), code.impliedLevel != .county {
                if scope.showsIndicator(of: code) {
                    query.regionCode = code
                } else {
                    errors["region"] = "无权查看该地区的指标"
                }
            } else {
                errors["region"] = "地区须为 6 位市级或省级区划代码"
            }
        }
        if let text = form["period"] {
            if let kind = IndicatorReading.PeriodKind(rawValue: text) {
                query.periodKind = kind
            } else {
                errors["period"] = "期间须为 month、trailing12 或 year"
            }
        }
        for (field, keyPath) in [("from", \IndicatorHistoryQuery.from), ("to", \IndicatorHistoryQuery.to)] {
            guard let text = form[field] else { continue }
            if text.utf8.count == 7, let month = YearMonth(iso: text), (1900...9999).contains(month.year) {
                query[keyPath: keyPath] = month
            } else {
                errors[field] = "月份须为 YYYY-MM"
            }
        }
        if let from = query.from, let to = query.to, from > to { errors["to"] = "截止月份早于起始月份" }
        switch form["run"] {
        case nil, "all": query.runs = .all
        case "latest": query.runs = .latest
        case "newest": query.runs = .newestPerPeriod
        case let text?:
            if text.utf8.count <= 18, let id = Int64(text), id > 0 {
                query.runs = .run(id)
            } else {
                errors["run"] = "批次须为 all、latest、newest 或批次号"
            }
        }
        if let text = form["page"] {
            if let n = RequestNumbers.page(text) {
                page = n
            } else {
                errors["page"] = "页码须为 1–\(RequestNumbers.maxPage)"
            }
        }
        if let text = form["page_size"] {
            if text.utf8.count <= 4, let n = Int(text), (1...Self.maxPageSize).contains(n) {
                pageSize = n
            } else {
                errors["page_size"] = "每页条数须为 1–\(Self.maxPageSize)"
            }
        }
        query.limit = pageSize
        query.offset = RequestNumbers.offset(page: page, size: pageSize) ?? 0
    }
}
