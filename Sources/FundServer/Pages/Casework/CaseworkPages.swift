import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird

/// What the casework pages share: the layout call, select options, history rows, the banner after a form post (`CaseworkFormPost` runs the post).
enum CaseworkPages {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct HistoryRow {
        var day: String
        var action: String
        var states: String
        var actor: String
        var reason: String
        var detail: String
        var recorded: String
    }

    static func options<C: CodedValue>(_ type: C.Type, selected: String?, all: String? = nil) -> [Option] {
        (all.map { [Option(value: "", label: $0, selected: selected == nil)] } ?? [])
            + C.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: $0.rawValue == selected) }
    }

    static func history(_ entries: [CaseworkHistoryEntry], stateName: (String) -> String = { $0 }) -> [HistoryRow] {
        entries.reversed().map { entry in
            let e = entry.event
            return HistoryRow(
                day: e.act.day.iso, action: e.chineseAction,
                states: [e.fromState, e.toState].compactMap { $0 }.map(stateName).joined(separator: " → "),
                actor: e.act.actor, reason: e.act.reason ?? "", detail: Masking.maskIDs(in: e.detail),
                recorded: Formatting.moment(entry.recordedAt))
        }
    }

    /// A register's page in the layout. After a refused post (`refusal`) the page shows its message at its status;
    /// otherwise, when `request` is given, the banner of the `done` key its address carries (pages that a
    /// successful post leads back to).
    static func render(
        _ environment: ServerEnvironment, _ template: String, _ model: Any, title: String, active: String,
        context: FundRequestContext, doneOf request: Request? = nil, refusal: CaseworkRefusal? = nil
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let regions = try RegionNames(store: environment.store)
        return environment.renderer.page(
            template, model, title: title, active: active, context: context,
            flash: refusal == nil ? request.flatMap(flash) : nil, flashError: refusal?.message,
            status: refusal?.status ?? .ok, regionName: principal.user.regionCode.map { regions.name($0) })
    }

    /// The banner of a redirect after a successful post: the fixed text of its `done` key; nothing for an unknown
    /// key (the address is not trusted for words).
    static func flash(_ request: Request) -> String? {
        CaseworkDone.text(ofKey: request.uri.queryParameters["done"].map { String($0) })
    }
}
