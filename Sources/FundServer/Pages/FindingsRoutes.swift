import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening

/// 预警与疑点: the filtered, sorted, paged list of findings and its CSV export.
struct FindingsRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/findings") { request, context in try list(request, context) }
        router.get("/findings.csv") { request, context in try export(request, context) }
        router.get("/findings.xlsx") { request, context in try exportWorkbook(request, context) }
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row {
        var href: String
        var severity: String
        var severityName: String
        var rule: String
        var ruleName: String
        var region: String
        var subjectType: String
        var subject: String
        var subjectHref: String?
        var amount: String
        var status: String
        var statusName: String
        var firstSeen: String
        var due: String
        var dueNote: String
        var overdue: Bool
        var assignee: String
        var stillRaised: Bool
    }

    struct Column {
        var label: String
        var href: String?
        var marker: String
        var numeric: Bool
    }

    struct Model {
        var ruleOptions: [Option]
        var levelOptions: [Option]
        var regionOptions: [Option]
        var showRegionFilter: Bool
        var statusOptions: [Option]
        var stillOptions: [Option]
        var overdueOptions: [Option]
        var sizeOptions: [Option]
        var min: String
        var max: String
        var from: String
        var to: String
        var subject: String
        var sort: String
        var dir: String
        var errors: [String]
        var hasErrors: Bool
        var columns: [Column]
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var page: Int
        var pages: Int
        var previous: String?
        var next: String?
        var csvHref: String
        var xlsxHref: String
    }

    func list(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        let deadlines = try FindingDeadlines(environment: environment)
        let filter = FindingFilter(RequestForm.query(request.uri.query), scope: principal.scope, deadlines: deadlines)
        let regions = try RegionNames(store: environment.store)
        var rows: [FindingListRow] = []
        var total = 0
        if filter.errors.isEmpty {
            (rows, total) = try environment.store.findingPage(filter.query)
        }
        let pages = max(1, (total + filter.pageSize - 1) / filter.pageSize)
        func options(_ pairs: [(String, String)], selected: String, any: String) -> [Option] {
            [Option(value: "", label: any, selected: selected.isEmpty)]
                + pairs.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        let visibleCities = regions.cities.filter { principal.scope.contains($0.code) }
        let sortable: [(String, String, Bool)] = [
            ("severity", "等级", false), ("rule", "规则", false), ("region", "地区", false), ("", "对象", false),
            ("amount", "金额（元）", true), ("status", "核查状态", false), ("first_seen", "发现日期", false),
            ("due", "核查期限", false), ("", "经办人", false),
        ]
        let columns = sortable.map { key, label, numeric in
            guard !key.isEmpty else { return Column(label: label, href: nil, marker: "", numeric: numeric) }
            let active = filter.sort == key
            let nextDirection = active && filter.direction == "asc" ? "desc" : "asc"
            return Column(
                label: label, href: "/findings?" + filter.queryString(["sort": key, "dir": nextDirection, "page": ""]),
                marker: active ? (filter.direction == "asc" ? " ▲" : " ▼") : "", numeric: numeric)
        }
        let reveal = false  // lists always mask (architecture.md "id numbers and names are masked in lists")
        let model = Model(
            ruleOptions: options(
                RuleCatalog.all.map { ($0.id, "\($0.id) \($0.name)") }, selected: filter.rule, any: "全部规则"),
            levelOptions: options(
                Severity.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.level, any: "全部等级"),
            regionOptions: options(visibleCities.map { ($0.code.raw, $0.name) }, selected: filter.region, any: "全部地区"),
            showRegionFilter: visibleCities.count > 1,
            statusOptions: options(
                FindingStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: filter.status, any: "全部状态"),
            stillOptions: options([("1", "仍被发现"), ("0", "已不再发现")], selected: filter.still, any: "全部"),
            overdueOptions: options([("1", "仅逾期未核查")], selected: filter.overdue, any: "全部"),
            sizeOptions: FindingFilter.pageSizes.map {
                Option(value: String($0), label: "每页 \($0) 条", selected: $0 == filter.pageSize)
            },
            min: filter.minAmount, max: filter.maxAmount, from: filter.from, to: filter.to, subject: filter.subject,
            sort: filter.sort, dir: filter.direction,
            errors: filter.errors.sorted { $0.key < $1.key }.map(\.value), hasErrors: !filter.errors.isEmpty,
            columns: columns,
            rows: rows.map { row in
                let f = row.stored.finding
                return Row(
                    href: FindingPresentation.link(f), severity: f.severity.rawValue,
                    severityName: f.severity.chineseName, rule: f.ruleID, ruleName: RuleNames.name(f.ruleID),
                    region: regions.name(f.regionCode), subjectType: f.subjectType.chineseName,
                    subject: FindingPresentation.subjectText(f, revealed: reveal),
                    subjectHref: FindingPresentation.subjectLink(f), amount: Formatting.yuan(f.amount),
                    status: row.stored.status.rawValue, statusName: row.stored.status.chineseName,
                    firstSeen: row.firstSeen.iso,
                    due: deadlines.dueDate(firstSeen: row.firstSeen, severity: f.severity).iso,
                    dueNote: deadlines.note(firstSeen: row.firstSeen, severity: f.severity, status: row.stored.status),
                    overdue: deadlines.isOverdue(
                        firstSeen: row.firstSeen, severity: f.severity, status: row.stored.status),
                    assignee: row.assigneeName ?? "", stillRaised: row.stored.stillRaised)
            }, hasRows: !rows.isEmpty, total: total, page: filter.page, pages: pages,
            previous: filter.page > 1 ? "/findings?" + filter.queryString(["page": String(filter.page - 1)]) : nil,
            next: filter.page < pages ? "/findings?" + filter.queryString(["page": String(filter.page + 1)]) : nil,
            csvHref: "/findings.csv?" + filter.queryString(), xlsxHref: "/findings.xlsx?" + filter.queryString())
        return environment.renderer.page(
            "findings", model, title: "预警与疑点", active: "/findings", context: context,
            status: filter.errors.isEmpty ? .ok : .unprocessableContent,
            regionName: principal.user.regionCode.map { regions.name($0) })
    }

    /// The filtered list as an Excel workbook: Chinese headers, the amount as a number with two decimals, the
    /// first-seen day as a date. Same filter, same masking and the same audit entry as the CSV.
    func exportWorkbook(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let (filter, deadlines, regions, rows, total) = try exportRows(request, context)
        var sheet = ExportSheet(
            title: "预警与疑点",
            headers: [
                "疑点编号", "规则", "规则名称", "预警等级", "地区代码", "地区", "对象类型", "对象", "涉及金额（元）", "核查状态",
                "本次筛查仍触发", "首次发现日期", "经办人", "说明", "核查期限", "是否逾期",
            ])
        for row in rows {
            let f = row.stored.finding
            sheet.append([
                .text(f.findingID), .text(f.ruleID), .text(RuleNames.name(f.ruleID)), .text(f.severity.chineseName),
                .text(f.regionCode.raw), .text(regions.name(f.regionCode)), .text(f.subjectType.rawValue),
                .text(FindingPresentation.subjectText(f, revealed: false)), .money(f.amount),
                .text(row.stored.status.chineseName), .text(row.stored.stillRaised ? "是" : "否"), .day(row.firstSeen),
                row.assigneeName.map { .text($0) } ?? .empty, .text(FindingPresentation.detailText(f, revealed: false)),
                .day(deadlines.dueDate(firstSeen: row.firstSeen, severity: f.severity)),
                .text(
                    deadlines.isOverdue(firstSeen: row.firstSeen, severity: f.severity, status: row.stored.status)
                        ? "是" : "否"),
            ])
        }
        try environment.audit(
            context, "export.findings", targetType: "findings", targetID: "",
            detail: "\(rows.count)/\(total) 条（xlsx）；\(filter.queryString())")
        return try ExportResponse.answer(sheet, format: .xlsx, filename: "findings")
    }

    /// The filtered list as CSV (UTF-8 with a byte-order mark, so that Excel opens the Chinese text).
    func export(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let (filter, deadlines, regions, rows, total) = try exportRows(request, context)
        var csv = CSVWriter(
            header: [
                "finding_id", "rule_id", "rule_name", "severity", "region_code", "region_name", "subject_type",
                "subject_id", "amount", "status", "still_raised", "first_seen", "assignee", "detail", "due_date",
                "overdue",
            ], formulaSafe: true)
        for row in rows {
            let f = row.stored.finding
            csv.append(row: [
                f.findingID, f.ruleID, RuleNames.name(f.ruleID), f.severity.rawValue, f.regionCode.raw,
                regions.name(f.regionCode), f.subjectType.rawValue,
                FindingPresentation.subjectText(f, revealed: false), f.amount.yuanString, row.stored.status.rawValue,
                row.stored.stillRaised ? "true" : "false", row.firstSeen.iso, row.assigneeName ?? "",
                FindingPresentation.detailText(f, revealed: false),
                deadlines.dueDate(firstSeen: row.firstSeen, severity: f.severity).iso,
                deadlines.isOverdue(firstSeen: row.firstSeen, severity: f.severity, status: row.stored.status)
                    ? "true" : "false",
            ])
        }
        try environment.audit(
            context, "export.findings", targetType: "findings", targetID: "",
            detail: "\(rows.count)/\(total) 条；\(filter.queryString())")
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"findings.csv\""
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + csv.text)))
    }

    /// What both downloads (CSV and .xlsx) list: the page's filter within the viewer's scope, every matching row
    /// up to 100 000, with the due dates in force and the region names.
    private func exportRows(_ request: Request, _ context: FundRequestContext) throws -> (
        filter: FindingFilter, deadlines: FindingDeadlines, regions: RegionNames, rows: [FindingListRow], total: Int
    ) {
        let principal = try context.requirePrincipal()
        let deadlines = try FindingDeadlines(environment: environment)
        var filter = FindingFilter(RequestForm.query(request.uri.query), scope: principal.scope, deadlines: deadlines)
        guard filter.errors.isEmpty else {
            throw AppError.invalid("筛选条件有误", fields: filter.errors)
        }
        filter.query.limit = 100_000
        filter.query.offset = 0
        let regions = try RegionNames(store: environment.store)
        let (rows, total) = try environment.store.findingPage(filter.query)
        return (filter, deadlines, regions, rows, total)
    }
}
