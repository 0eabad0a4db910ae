import FundStore
import Hummingbird
import Mustache

/// The templates of the console, compiled once into a Mustache library.
///
/// Templates are Swift string constants (`Templates`), not resource files, so
/// no bundle lookup can fail at run time; Mustache escapes every `{{value}}`,
/// and only server-built HTML (SVG charts, the page body) goes through `{{{…}}}`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Renders a template with a model (a struct, read through Mirror).
    func render(_ template: String, _ model: Any) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return text
    }

    /// A whole page: the body template inside the layout, as an HTML response.
    func page(
        _ template: String, _ model: Any, title: String, active: String, context: FundRequestContext,
        flash: String? = nil, flashError: String? = nil, status: HTTPResponse.Status = .ok,
        regionName: String? = nil
    ) -> Response {
        let body = render(template, model)
        let layout = LayoutModel(
            title: title, signedIn: context.principal != nil,
            userDisplay: context.principal.map { "\($0.user.displayName) \($0.user.name)" } ?? "",
            roleName: context.principal?.role.chineseName ?? "", regionName: regionName,
            nav: Navigation.items(for: context.principal?.role, active: active), csrf: context.csrfToken ?? "",
            flash: flash, flashError: flashError, body: body)
        return Self.html(render("layout", layout), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        // Pages show personal data: never kept in a shared cache or the browser's disk cache.
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

struct LayoutModel {
    var title: String
    var signedIn: Bool
    var userDisplay: String
    var roleName: String
    var regionName: String?
    var nav: [Navigation.Item]
    var csrf: String
    var flash: String?
    var flashError: String?
    var body: String
}

/// The top navigation, by role.
enum Navigation {
    struct Item {
        var href: String
        var label: String
        var active: Bool
    }

    static func items(for role: Role?, active: String) -> [Item] {
        guard let role else { return [] }
        var entries: [(String, String)] = [
            ("/dashboard", "总览"), ("/findings", "预警与疑点"), ("/casework/determinations", "工伤认定"),
            ("/casework/assessments", "劳动能力鉴定"), ("/casework/experts", "专家抽取"), ("/casework/institutions", "协议机构"),
            ("/casework/campaigns", "专项检查"), ("/casework/risk-points", "风险点清单"), ("/rules", "规则与阈值"),
        ]
        if role.mayImport { entries.append(("/imports", "数据导入")) }
        if role.mayReadAuditLog { entries.append(("/audit", "审计日志")) }
        if role.mayAdministerUsers { entries.append(("/users", "用户管理")) }
        entries.append(("/account", "我的账户"))
        return entries.map { Item(href: $0.0, label: $0.1, active: $0.0 == active) }
    }
}

/// Every template, by name.
enum Templates {
    static var all: [(String, String)] {
        [
            ("layout", layout), ("login", login), ("error", error), ("dashboard", dashboard),
            ("findings", findings), ("finding", finding), ("worker", worker), ("case", caseTemplate),
            ("audit", audit), ("rules", rules), ("rulesTrial", rulesTrial), ("imports", imports),
            ("account", account), ("password", password), ("users", users), ("job", job),
        ] + casework + settlement
    }

    /// The casework registers' pages.
    static var casework: [(String, String)] {
        [
            ("determinations", determinations), ("determination", determination), ("caseworkDue", caseworkDue),
            ("assessments", assessments), ("assessment", assessment), ("experts", experts),
            ("institutions", institutions), ("campaigns", campaigns), ("campaign", campaign),
            ("campaignReport", campaignReport), ("riskPoints", riskPoints),
        ]
    }
}
