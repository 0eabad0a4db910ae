import FundStore

/// The console's navigation: ONE list of menus by area, each link with the roles that see it.
///
/// The header draws it as a few disclosure menus (`<details>`), so it fits one line from a phone's 390 px
/// to a desktop and works without JavaScript and from the keyboard. A new page is one line in `groups`;
/// a group that a role sees only one link of is drawn as that link, and a group it sees nothing of is left out.
enum Navigation {
    /// Who sees a link.
    enum Audience: Sendable {
        case everyone
        /// Those who may import data (`Role.mayImport`).
        case importers
        /// Those who may read the audit log (`Role.mayReadAuditLog`).
        case auditors
        /// Those who administer users (`Role.mayAdministerUsers`).
        case administrators
        /// Those whose work is the province's, not one city's (not a city handler): the year-end report.
        case province

        func includes(_ role: Role) -> Bool {
            switch self {
            case .everyone: true
            case .importers: role.mayImport
            case .auditors: role.mayReadAuditLog
            case .administrators: role.mayAdministerUsers
            case .province: role != .cityHandler
            }
        }
    }

    /// One page of the console.
    struct Entry: Sendable {
        var href: String
        var label: String
        var audience: Audience

        init(_ href: String, _ label: String, _ audience: Audience = .everyone) {
            self.href = href
            self.label = label
            self.audience = audience
        }
    }

    /// A menu: an area of the work.
    struct Group: Sendable {
        var label: String
        var entries: [Entry]
    }

    /// Every page the header links to, by area. Add a page here and every role that may see it gets it.
    static let groups: [Group] = [
        Group(
            label: "监测",
            entries: [
                Entry("/dashboard", "总览"),
                Entry("/findings", "预警与疑点"),
                Entry("/indicators", "指标监测"),
                Entry("/evaluation", "评价考核"),
                Entry("/casework/risk-points", "风险点清单"),
                Entry("/rules", "规则与阈值"),
                Entry("/reports/year-end", "年终报告", .province),
            ]),
        Group(
            label: "经办",
            entries: [
                Entry("/casework/determinations", "工伤认定"),
                Entry("/casework/assessments", "劳动能力鉴定"),
                Entry("/casework/experts", "专家抽取"),
                Entry("/casework/due", "办理时限"),
            ]),
        Group(
            label: "机构",
            entries: [
                Entry("/casework/institutions", "协议机构"),
                Entry("/casework/campaigns", "专项检查"),
                Entry("/settlement/review", "结算审核"),
            ]),
        Group(
            label: "系统",
            entries: [
                Entry("/imports", "数据导入", .importers),
                Entry("/audit", "审计日志", .auditors),
                Entry("/users", "用户管理", .administrators),
                Entry("/account", "我的账户"),
            ]),
    ]

    /// A link as the layout draws it.
    struct Link {
        var href: String
        var label: String
        var active: Bool
    }

    /// A menu as the layout draws it: `single` when the role sees one link only (drawn as that link).
    struct Menu {
        var label: String
        var links: [Link]
        var active: Bool
        var single: Link?
        var isMenu: Bool
    }

    /// The menus a role sees, the one holding `active` (the current page's href) marked.
    static func menus(for role: Role?, active: String, groups: [Group] = groups) -> [Menu] {
        guard let role else { return [] }
        return groups.compactMap { group in
            let links = group.entries.filter { $0.audience.includes(role) }
                .map { Link(href: $0.href, label: $0.label, active: $0.href == active) }
            guard !links.isEmpty else { return nil }
            let single = links.count == 1 ? links[0] : nil
            return Menu(
                label: group.label, links: links, active: links.contains(where: \.active), single: single,
                isMenu: single == nil)
        }
    }
}
