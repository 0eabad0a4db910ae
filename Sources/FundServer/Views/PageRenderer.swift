import Foundation
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
                try library.register(Self.scrollingTables(text), named: name)
            } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// Every table of a template inside its own horizontal scroller (`.table-wrap`), so a wide register scrolls
    /// in its card on a phone instead of the whole page scrolling sideways. Done once here rather than in each
    /// template, so the tables of pages added later get it too.
    static func scrollingTables(_ template: String) -> String {
        template.replacingOccurrences(of: "<table", with: "<div class=\"table-wrap\"><table")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
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
            nav: Navigation.menus(for: context.principal?.role, active: active), csrf: context.csrfToken ?? "",
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
    var nav: [Navigation.Menu]
    var csrf: String
    var flash: String?
    var flashError: String?
    var body: String
}

/// Every template, by name.
enum Templates {
    static var all: [(String, String)] {
        [
            ("layout", layout), ("login", login), ("error", error), ("dashboard", dashboard),
            ("findings", findings), ("finding", finding), ("worker", worker), ("case", caseTemplate),
            ("audit", audit), ("yearEndReport", yearEndReport), ("rules", rules), ("rulesTrial", rulesTrial),
            ("ruleEdit", ruleEdit),
            ("imports", imports),
            ("account", account), ("password", password), ("users", users), ("job", job),
            ("indicators", indicators), ("evaluation", evaluation),
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
