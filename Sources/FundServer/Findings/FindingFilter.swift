import FundModel
import FundStore
import Screening

/// The filters, sort and page of the findings list, read from a query string (pages, CSV export and API alike).
struct FindingFilter {
    var rule: String = ""
    var level: String = ""
    var region: String = ""
    var status: String = ""
    var minAmount: String = ""
    var maxAmount: String = ""
    var from: String = ""
    var to: String = ""
    var still: String = ""
    var subject: String = ""
    /// `1`: only the findings still open past their due date (issue 14 #7).
    var overdue: String = ""
    var sort: String = "severity"
    var direction: String = "asc"
    var page: Int = 1
    var pageSize: Int = 50

    /// Problems with the filters, by field.
    var errors: [String: String] = [:]
    /// The store query; only meaningful when `errors` is empty.
    var query: FindingListQuery

    static let pageSizes = [20, 50, 100, 200]

    init(_ form: RequestForm, scope: RegionScope, deadlines: FindingDeadlines) {
        query = FindingListQuery(scope: scope)
        query.dueDays = deadlines.dueDays
        rule = form["rule"]?.uppercased() ?? ""
        level = form["level"] ?? ""
        region = form["region"] ?? ""
        status = form["status"] ?? ""
        minAmount = form["min"] ?? ""
        maxAmount = form["max"] ?? ""
        from = form["from"] ?? ""
        to = form["to"] ?? ""
        still = form["still"] ?? ""
        subject = form["subject"] ?? ""
        overdue = form["overdue"] ?? ""
        sort = form["sort"] ?? "severity"
        direction = form["dir"] ?? "asc"

        if !rule.isEmpty {
            if RuleCatalog.spec(rule) == nil { errors["rule"] = "未知规则：\(rule)" } else { query.ruleID = rule }
        }
        if !level.isEmpty {
            if let severity = Severity(rawValue: level) {
                query.severity = severity
            } else {
                errors["level"] = "预警等级须为 red、orange 或 yellow"
            }
        }
        if !region.isEmpty {
            if let code = RegionCode(region) { query.regionCode = code } else { errors["region"] = "地区代码须为 6 位数字" }
        }
        if !status.isEmpty {
            if let value = FindingStatus(rawValue: status) {
                query.status = value
            } else {
                errors["status"] = "核查状态无效：\(status)"
            }
        }
        if !minAmount.isEmpty {
            if let money = Formatting.parseYuan(minAmount), money.fen >= 0 {
                query.minAmount = money
            } else {
                errors["min"] = "最低金额须为不小于 0 的金额（元，最多两位小数）"
            }
        }
        if !maxAmount.isEmpty {
            if let money = Formatting.parseYuan(maxAmount), money.fen >= 0 {
                query.maxAmount = money
            } else {
                errors["max"] = "最高金额须为不小于 0 的金额（元，最多两位小数）"
            }
        }
        if let min = query.minAmount, let max = query.maxAmount, min > max {
            errors["max"] = "最高金额不能小于最低金额"
        }
        if !from.isEmpty {
            if let day = Day(iso: from) { query.firstSeenFrom = day } else { errors["from"] = "起始日期须为 YYYY-MM-DD" }
        }
        if !to.isEmpty {
            if let day = Day(iso: to) { query.firstSeenTo = day } else { errors["to"] = "截止日期须为 YYYY-MM-DD" }
        }
        if let a = query.firstSeenFrom, let b = query.firstSeenTo, a > b { errors["to"] = "截止日期不能早于起始日期" }
        switch still {
        case "": query.stillRaised = nil
        case "1": query.stillRaised = true
        case "0": query.stillRaised = false
        default: errors["still"] = "“仍被发现”须为 1 或 0"
        }
        switch overdue {
        case "": break
        case "1": query.overdueOn = deadlines.today
        default: errors["overdue"] = "“逾期”须为 1"
        }
        if !subject.isEmpty { query.subjectID = PersonID(subject)?.raw ?? subject }
        if let key = FindingListQuery.SortKey(rawValue: sort) {
            query.sort = key
        } else {
            errors["sort"] = "排序字段无效：\(sort)"
        }
        switch direction {
        case "asc": query.descending = false
        case "desc": query.descending = true
        default: errors["dir"] = "排序方向须为 asc 或 desc"
        }
        if let text = form["page"] {
            if let n = RequestNumbers.page(text) {
                page = n
            } else {
                errors["page"] = "页码须为 1–\(RequestNumbers.maxPage) 的整数"
            }
        }
        if let text = form["size"] {
            if let n = Int(text), Self.pageSizes.contains(n) {
                pageSize = n
            } else {
                errors["size"] = "每页条数须为 20、50、100 或 200"
            }
        }
        query.limit = pageSize
        query.offset = RequestNumbers.offset(page: page, size: pageSize) ?? 0
    }

    /// The query string of these filters, with some values replaced (for sort links and paging).
    func queryString(_ overrides: [String: String] = [:]) -> String {
        var pairs: [(String, String)] = [
            ("rule", rule), ("level", level), ("region", region), ("status", status), ("min", minAmount),
            ("max", maxAmount), ("from", from), ("to", to), ("still", still), ("subject", subject),
            ("overdue", overdue), ("sort", sort),
            ("dir", direction), ("size", pageSize == 50 ? "" : String(pageSize)),
        ]
        for (key, value) in overrides {
            if let index = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[index].1 = value
            } else {
                pairs.append((key, value))
            }
        }
        return pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\(HTMLText.urlEncode($0.1))" }.joined(separator: "&")
    }
}
