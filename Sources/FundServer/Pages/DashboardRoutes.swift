import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 总览: the fund by month, warnings by level, rule and city, the indicators, the latest run.
struct DashboardRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/") { _, context in
            context.principal == nil ? redirect("/login") : redirect("/dashboard")
        }
        router.get("/dashboard") { request, context in try dashboard(request, context) }
    }

    struct Model {
        struct Tile {
            var label: String
            var value: String
            var style: String
            var href: String
        }
        struct Line {
            var key: String
            var label: String
            var count: Int
            var red: Int
            var amount: String
            var done: String
            var href: String
        }
        struct Indicator {
            var id: String
            var name: String
            var region: String
            var severity: String
            var severityName: String
            var detail: String
            var href: String
        }
        struct Run {
            var id: Int64
            var started: String
            var asOf: String
            var raised: Int
            var new: Int
            var again: Int
            var noLonger: Int
            var notRun: [String]
            var hasNotRun: Bool
            var notRunCount: Int
        }
        var scopeName: String
        var tiles: [Tile]
        var ledgerChart: String
        var severityChart: String
        var ruleChart: String
        var rules: [Line]
        var regions: [Line]
        var hasRegions: Bool
        var indicators: [Indicator]
        var hasIndicators: Bool
        var run: Run?
        var casework: CaseworkSummary
    }

    /// The findings in scope still open past their due date today (issue 14 #7), as the list's `overdue=1` counts.
    func overdueCount(_ scope: RegionScope) throws -> Int {
        let deadlines = try FindingDeadlines(environment: environment)
        var query = FindingListQuery(scope: scope, limit: 0)
        query.dueDays = deadlines.dueDays
        query.overdueOn = deadlines.today
        return try environment.store.findingPage(query).total
    }

    func dashboard(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let store = environment.store
        let regions = try RegionNames(store: store)
        let counts = try store.findingCounts(scope: principal.scope)
        let ledger = try store.ledgerByMonth(scope: principal.scope)
        let open = (counts.byStatus[.new] ?? 0) + (counts.byStatus[.assigned] ?? 0) + (counts.byStatus[.verifying] ?? 0)
        let atRisk = counts.byRule.reduce(Money.zero) { $0 + $1.amount }
        var tiles = [
            Model.Tile(label: "疑点总数", value: String(counts.total), style: "", href: "/findings"),
            Model.Tile(
                label: "红色预警", value: String(counts.bySeverity[.red] ?? 0), style: "red",
                href: "/findings?level=red"),
            Model.Tile(
                label: "橙色预警", value: String(counts.bySeverity[.orange] ?? 0), style: "orange",
                href: "/findings?level=orange"),
            Model.Tile(
                label: "黄色预警", value: String(counts.bySeverity[.yellow] ?? 0), style: "yellow",
                href: "/findings?level=yellow"),
            Model.Tile(label: "待核查", value: String(open), style: "", href: "/findings?status=new"),
            Model.Tile(
                label: "逾期未核查", value: String(try overdueCount(principal.scope)), style: "red",
                href: "/findings?overdue=1"),
            Model.Tile(
                label: "涉及金额（元）", value: Formatting.shortYuan(atRisk), style: "green",
                href: "/findings?sort=amount&dir=desc"),
        ]
        tiles += try SettlementConsoleRoutes.dashboardTiles(environment, principal)
        let severityChart = Charts.bars(
            Severity.allCases.map {
                Charts.Bar(
                    label: $0.chineseName, value: counts.bySeverity[$0] ?? 0, color: Charts.color($0),
                    href: "/findings?level=\($0.rawValue)")
            }, label: "按预警等级")
        let ruleLines = counts.byRule.filter { !$0.key.hasPrefix("I") }.sorted {
            ($0.count, RuleCatalog.order[$1.key] ?? 0) > ($1.count, RuleCatalog.order[$0.key] ?? 0)
        }
        let ruleChart = Charts.bars(
            ruleLines.prefix(12).map {
                Charts.Bar(
                    label: RuleNames.label($0.key), value: $0.count, color: "#4a86c8",
                    href: "/findings?rule=\(HTMLText.urlEncode($0.key))")
            }, label: "按规则")
        func line(_ entry: FindingCounts.Line, label: String, href: String) -> Model.Line {
            Model.Line(
                key: entry.key, label: label, count: entry.count, red: entry.red, amount: Formatting.yuan(entry.amount),
                done: Formatting.percent(entry.done, of: entry.count), href: href)
        }
        let rules = ruleLines.map {
            line($0, label: RuleNames.label($0.key), href: "/findings?rule=\(HTMLText.urlEncode($0.key))")
        }
        // Findings are raised against cities (and the province for indicators): sum per city.
        var perCity: [RegionCode: FindingCounts.Line] = [:]
        for entry in counts.byRegion {
            guard let code = RegionCode(entry.key) else { continue }
            let city = code.city
            var sum = perCity[city] ?? FindingCounts.Line(key: city.raw, count: 0, red: 0, amount: .zero, done: 0)
            sum.count += entry.count
            sum.red += entry.red
            sum.amount += entry.amount
            sum.done += entry.done
            perCity[city] = sum
        }
        let regionLines = perCity.values.sorted { ($0.count, $1.key) > ($1.count, $0.key) }.map {
            line($0, label: regions.name(RegionCode($0.key)!), href: "/findings?region=\($0.key)")
        }
        let indicatorFindings = try store.findingPage(
            FindingListQuery(scope: principal.scope, stillRaised: true, limit: 500)
        ).rows.filter { $0.stored.finding.ruleID.hasPrefix("I") }
            .sorted {
                ($0.stored.finding.ruleID, $0.stored.finding.regionCode) < (
                    $1.stored.finding.ruleID, $1.stored.finding.regionCode
                )
            }
        let indicators = indicatorFindings.map { row in
            let f = row.stored.finding
            return Model.Indicator(
                id: f.ruleID, name: RuleNames.name(f.ruleID), region: regions.name(f.regionCode),
                severity: f.severity.rawValue, severityName: f.severity.chineseName, detail: f.detail,
                href: "/findings/\(HTMLText.urlEncode(f.findingID))")
        }
        let run = try store.screeningRuns(limit: 1).first.map { run in
            Model.Run(
                id: run.id, started: Formatting.moment(run.startedAt), asOf: run.asOf.iso, raised: run.summary.raised,
                new: run.summary.new, again: run.summary.raisedAgain, noLonger: run.summary.noLongerRaised,
                notRun: run.rulesNotRun.map { "\($0.ruleID) \(RuleNames.name($0.ruleID))：\($0.reason)" },
                hasNotRun: !run.rulesNotRun.isEmpty, notRunCount: run.rulesNotRun.count)
        }
        let scopeName: String
        switch principal.scope {
        case .all: scopeName = "全省"
        case .city(let city): scopeName = regions.name(city)
        }
        let model = Model(
            scopeName: scopeName, tiles: tiles, ledgerChart: Charts.ledger(Array(ledger.suffix(36))),
            severityChart: severityChart, ruleChart: ruleChart, rules: rules, regions: regionLines,
            hasRegions: !regionLines.isEmpty, indicators: indicators, hasIndicators: !indicators.isEmpty, run: run,
            casework: try CaseworkSummary(environment: environment, principal: principal, regions: regions))
        return environment.renderer.page(
            "dashboard", model, title: "总览", active: "/dashboard", context: context,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }
}
