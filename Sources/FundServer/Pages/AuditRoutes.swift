import Foundation
import FundModel
import FundStore
import Hummingbird

/// 审计日志: who did what, when, from where; filterable; read by administrators and auditors only.
struct AuditRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/audit") { request, context in try page(request, context) }
    }

    struct Row {
        var id: Int64
        var at: String
        var user: String
        var role: String
        var action: String
        var target: String
        var outcome: String
        var outcomeName: String
        var failed: Bool
        var detail: String
        var address: String
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Model {
        var outcomes: [Option]
        var user: String
        var action: String
        var target: String
        var outcome: String
        var from: String
        var to: String
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var errors: [String]
        var hasErrors: Bool
        var previous: String?
        var next: String?
        var csvHref: String
        var xlsxHref: String
    }

    static let pageSize = 100

    /// The audit query of a query string, and the problems with it by field.
    static func query(_ form: RequestForm) -> (AuditQuery, [String: String]) {
        var query = AuditQuery(limit: pageSize)
        var errors: [String: String] = [:]
        query.userName = form["user"]
        query.action = form["action"]
        if let target = form["target"] {
            let parts = target.split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                query.targetType = String(parts[0])
                query.targetID = PersonID(parts[1]).map(\.raw) ?? String(parts[1])
            } else {
                query.targetID = PersonID(target).map(\.raw) ?? target
            }
        }
        if let outcome = form["outcome"] {
            if ["ok", "failed", "denied"].contains(outcome) {
                query.outcome = outcome
            } else {
                errors["outcome"] = "结果须为 ok、failed 或 denied"
            }
        }
        if let from = form["from"] {
            if let day = Day(iso: from) {
                query.from = Formatting.startOf(day)
            } else {
                errors["from"] = "起始日期须为 YYYY-MM-DD"
            }
        }
        if let to = form["to"] {
            if let day = Day(iso: to) {
                query.to = Formatting.startOf(day.adding(days: 1)).addingTimeInterval(-0.001)
            } else {
                errors["to"] = "截止日期须为 YYYY-MM-DD"
            }
        }
        if let page = form["page"] {
            if let n = RequestNumbers.page(page), let offset = RequestNumbers.offset(page: n, size: pageSize) {
                query.offset = offset
            } else {
                errors["page"] = "页码须为 1–\(RequestNumbers.maxPage) 的整数"
            }
        }
        return (query, errors)
    }

    func page(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.role.mayReadAuditLog else { throw AppError.forbidden }
        let form = RequestForm.query(request.uri.query)
        let (query, errors) = Self.query(form)
        if let format = try ExportFormat.requested(request) {
            return try export(query, errors: errors, form: form, format: format, context)
        }
        var entries: [AuditEntry] = []
        var total = 0
        if errors.isEmpty {
            entries = try environment.store.auditEntries(query)
            total = try environment.store.auditCount(query)
        }
        // Reading the log is itself recorded (issue 11): who looked, with which filter, how many lines.
        try environment.audit(
            context, "view.audit", targetType: "audit_log", outcome: errors.isEmpty ? "ok" : "failed",
            detail: Self.readDetail(form, shown: entries.count, total: total))
        let page = query.offset / Self.pageSize + 1
        func link(_ page: Int) -> String {
            var pairs = form.fields.compactMap { key, values in
                key == "page" ? nil : values.first.map { "\(key)=\(HTMLText.urlEncode($0))" }
            }.sorted()
            pairs.append("page=\(page)")
            return "/audit?" + pairs.joined(separator: "&")
        }
        let chosen = form["outcome"] ?? ""
        let model = Model(
            outcomes: [("", "全部"), ("ok", "成功"), ("failed", "失败"), ("denied", "拒绝")].map {
                Option(value: $0.0, label: $0.1, selected: $0.0 == chosen)
            },
            user: form["user"] ?? "", action: form["action"] ?? "", target: form["target"] ?? "",
            outcome: form["outcome"] ?? "", from: form["from"] ?? "", to: form["to"] ?? "",
            rows: entries.map { entry in
                Row(
                    id: entry.id, at: Formatting.moment(entry.at), user: entry.userName,
                    role: Role(rawValue: entry.role)?.chineseName ?? entry.role,
                    action: AuditActions.label(entry.action),
                    target: entry.targetType.isEmpty
                        ? ""
                        : entry.targetID.isEmpty ? entry.targetType : "\(entry.targetType):\(Self.targetText(entry))",
                    outcome: entry.outcome,
                    outcomeName: ["ok": "成功", "failed": "失败", "denied": "拒绝"][entry.outcome] ?? entry.outcome,
                    failed: entry.outcome != "ok", detail: entry.detail,
                    address: entry.remoteAddress)
            }, hasRows: !entries.isEmpty, total: total,
            errors: errors.sorted { $0.key < $1.key }.map(\.value), hasErrors: !errors.isEmpty,
            previous: page > 1 ? link(page - 1) : nil,
            next: page * Self.pageSize < total ? link(page + 1) : nil, csvHref: link(page) + "&format=csv",
            xlsxHref: link(page) + "&format=xlsx")
        return environment.renderer.page(
            "audit", model, title: "审计日志", active: "/audit", context: context,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Lines a download holds at most (the newest first, as the page).
    static let exportLimit = 100_000

    /// The filtered log as CSV or .xlsx: every line the filter matches (up to `exportLimit`), the moment as
    /// a date-time; the download is itself a read of the log, recorded like one.
    func export(
        _ query: AuditQuery, errors: [String: String], form: RequestForm, format: ExportFormat,
        _ context: FundRequestContext
    ) throws -> Response {
        guard errors.isEmpty else { throw AppError.invalid("筛选条件有误", fields: errors) }
        var all = query
        all.limit = Self.exportLimit
        all.offset = 0
        let entries = try environment.store.auditEntries(all)
        let total = try environment.store.auditCount(all)
        try environment.audit(
            context, "export.audit", targetType: "audit_log",
            detail: "\(format.rawValue)；" + Self.readDetail(form, shown: entries.count, total: total))
        return try ExportResponse.answer(Self.sheet(entries), format: format, filename: "audit-log")
    }

    static func sheet(_ entries: [AuditEntry]) -> ExportSheet {
        var sheet = ExportSheet(
            title: "审计日志", headers: ["序号", "时间", "用户", "角色", "操作", "操作代码", "对象类型", "对象编号", "结果", "详情", "来源地址"])
        for entry in entries {
            sheet.append([
                .integer(entry.id), .moment(entry.at), .text(entry.userName),
                .text(Role(rawValue: entry.role)?.chineseName ?? entry.role), .text(AuditActions.label(entry.action)),
                .text(entry.action), .text(entry.targetType), .text(entry.targetType.isEmpty ? "" : targetText(entry)),
                .text(["ok": "成功", "failed": "失败", "denied": "拒绝"][entry.outcome] ?? entry.outcome),
                .text(entry.detail), .text(entry.remoteAddress),
            ])
        }
        return sheet
    }

    /// The filter of a read of the log, for its own audit line: the fields given (an id number in the target
    /// masked, as the log shows it), the page, and how many lines were shown of how many.
    static func readDetail(_ form: RequestForm, shown: Int, total: Int) -> String {
        let filter = ["user", "action", "target", "outcome", "from", "to", "page"].compactMap { key in
            form[key].map { "\(key)=\(Masking.maskIDs(in: String($0.prefix(100))))" }
        }
        return (filter.isEmpty ? "全部" : filter.joined(separator: " ")) + "；显示 \(shown) / \(total) 条"
    }

    /// The auditor reads the log without seeing id numbers in full (`Role.maySeeIdentity`).
    static func targetText(_ entry: AuditEntry) -> String {
        // A finding recorded under its legacy id carries an id number too.
        entry.targetType == "worker" ? Masking.personID(entry.targetID) : Masking.maskIDs(in: entry.targetID)
    }
}

/// The audit actions in Chinese.
enum AuditActions {
    static let labels: [String: String] = [
        "login": "登录", "logout": "退出", "account.password": "修改密码", "account.api_key": "创建 API 密钥",
        "account.api_key.revoke": "吊销 API 密钥",
        "user.create": "创建用户", "user.activate": "启用用户", "user.deactivate": "停用用户",
        "view.finding": "查看疑点", "view.worker": "查看职工", "view.case": "查看认定案件",
        "export.findings": "导出疑点", "download.evidence": "下载证据材料",
        "verification.assign": "分派", "verification.start": "开始核查", "verification.clear": "核查正常",
        "verification.irregular": "认定违规", "verification.fraud": "认定欺诈骗保", "verification.recover": "登记追回",
        "verification.close": "办结", "verification.note": "补充说明/上传证据", "verification.upload": "上传证据",
        "view.audit": "查看审计日志", "rules.change": "修改规则配置", "rules.trial": "试算", "import": "数据导入", "screening": "筛查比对",
    ]

    static func label(_ action: String) -> String { labels[action].map { "\($0)（\(action)）" } ?? action }
}
