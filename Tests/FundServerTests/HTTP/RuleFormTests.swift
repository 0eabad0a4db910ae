import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening
import Testing

@testable import FundServer

@Suite("A rule's parameters as a form (Chinese labels, units, the rules check validation)")
struct RuleFormTests {
    /// The form's fields as a browser would submit them, read from the page: every input's value and every
    /// select's selected option (the reason is left to the caller).
    static func submitted(_ page: Client.Page) -> [(String, String)] {
        let form = page.from(id: "rule-form")
        var fields: [(String, String)] = []
        for match in form.matches(of: /<input (?:class="short" )?name="([^"]+)" value="([^"]*)"/)
        where match.1 != "reason" {
            fields.append((String(match.1), String(match.2).replacingOccurrences(of: "&amp;", with: "&")))
        }
        for match in form.matches(of: /<select name="([^"]+)">(.*?)<\/select>/) {
            let selected = match.2.firstMatch(of: /<option value="([^"]*)" selected>/)?.1 ?? ""
            fields.append((String(match.1), String(selected)))
        }
        return fields
    }

    static func replacing(_ fields: [(String, String)], _ name: String, with value: String) -> [(String, String)] {
        fields.map { $0.0 == name ? ($0.0, value) : $0 }
    }

    /// The row of the per-item table `path` that holds `code`.
    static func row(of code: String, in fields: [(String, String)], table path: String) -> Int? {
        fields.first { $0.0.hasPrefix("m:\(path):") && $0.0.hasSuffix(":code") && $0.1 == code }
            .flatMap { Int($0.0.split(separator: ":")[2]) }
    }

    @Test func formShowsChineseLabelsAndUnitsNotYAMLKeys() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let r01 = try await client.get("/rules/R01", session: session)
            #expect(r01.status == .ok)
            #expect(r01.from(id: "rule-form").contains("预警分级 · 清单外项目"))
            #expect(!r01.from(id: "rule-form").contains(">off_list"))
            let r04 = try await client.get("/rules/R04", session: session)
            let form = r04.from(id: "rule-form")
            #expect(form.contains("<legend>参数 · 统计窗口</legend>") && form.contains("<th>次数 N</th>"))
            #expect(form.contains("<th>天数</th>") && form.contains("倍（次数 N 的倍数）"))
            let r03 = try await client.get("/rules/R03", session: session)
            #expect(r03.contains("大额阈值 T") && r03.contains("<span class=\"unit\">元</span>"))
            // The rules page links each rule to its form.
            #expect(try await client.get("/rules", session: session).contains("<a href=\"/rules/R03\">R03</a>"))
            #expect(try await client.get("/rules/R99", session: session).status == .notFound)
        }
    }

    @Test func validChangeIsSavedWithWhoWhenWhy() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let fields = Self.submitted(try await client.get("/rules/R03", session: session))
            let med = try #require(Self.row(of: "MED", in: fields, table: "params.threshold"))
            var changed = Self.replacing(fields, "m:params.threshold:\(med):value", with: "150000.50")
            changed = Self.replacing(changed, "v:levels.yellow", with: "")  // the yellow level no longer used
            let saved = try await client.post("/rules/R03", changed + [("reason", "医疗费上涨，调整大额阈值")], session: session)
            #expect(saved.status == .seeOther && saved.location == "/rules/R03?done=saved")
            let page = try await client.get("/rules/R03?done=saved", session: session)
            #expect(page.contains("R03 的参数已保存并生效") && page.contains("value=\"150000.50\""))
        }
        let change = try #require(try world.store.currentRulesConfiguration())
        #expect(change.userName == "省监督" && change.reason == "R03 大额支出：医疗费上涨，调整大额阈值")
        #expect(change.oldYAML == RulesConfiguration.default.yaml())
        let saved = try RulesConfiguration(yaml: change.newYAML)
        let settings = saved.settings("R03", region: nil)
        #expect(settings.amount("params", "threshold", "MED") == Money(fen: 15_000_050))
        #expect(settings.value["levels"]?["yellow"] == .null)
        // Every other rule is as it was.
        for spec in RuleCatalog.all where spec.id != "R03" {
            #expect(saved.base[spec.id] == RulesConfiguration.default.base[spec.id])
        }
        #expect(RulesConfiguration.validate(yaml: change.newYAML).isEmpty)
        #expect(try world.auditEntries(action: "rules.change").first?.detail == "R03：医疗费上涨，调整大额阈值")
    }

    @Test func itemsAreAddedAndRemovedThroughTheTable() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("admin")
            let fields = Self.submitted(try await client.get("/rules/R04", session: session))
            let med = try #require(Self.row(of: "MED", in: fields, table: "params.windows"))
            let blank = try #require(Self.row(of: "", in: fields, table: "params.windows"))
            var changed = Self.replacing(fields, "m:params.windows:\(med):count", with: "")
            changed = Self.replacing(changed, "m:params.windows:\(med):days", with: "")
            changed = Self.replacing(changed, "m:params.windows:\(blank):code", with: "NEWITEM")
            changed = Self.replacing(changed, "m:params.windows:\(blank):count", with: "3")
            changed = Self.replacing(changed, "m:params.windows:\(blank):days", with: "10")
            let saved = try await client.post("/rules/R04", changed + [("reason", "调整统计窗口")], session: session)
            #expect(saved.status == .seeOther)
        }
        let change = try #require(try world.store.currentRulesConfiguration())
        let windows = try RulesConfiguration(yaml: change.newYAML).settings("R04", region: nil).value["params"]?[
            "windows"]
        #expect(windows?["MED"] == .null)  // removed (laid over the default, an item left out would come back)
        #expect(windows?["NEWITEM"] == .map(["count": .integer(3), "days": .integer(10)]))
    }

    static let invalidCases: [(String, String, [String])] = [
        ("R03", "m:params.threshold:MED:value=abc", ["大额支出 · 参数 · 大额阈值 T · MED：须为大于零的金额"]),
        ("R03", "v:levels.orange=1", ["大额支出 · 预警分级 · 橙色：须大于较低一级预警的数值"]),
        ("R04", "m:params.windows:MED:days=0", ["高频支出 · 参数 · 统计窗口 · MED · 天数：须为不小于 1 的整数天数"]),
        ("R05", "v:params.dependant_items=MED, bad code", ["死亡后支出 · 参数 · 按供养亲属核对的项目：第 2 项不是项目代码"]),
        ("R10", "v:params.tolerance=-5", ["超标准支付 · 参数 · 容差：须为不小于零的金额"]),
        // Typed text cannot change the file's structure: it is one (bad) value.
        ("R21", "v:params.days=5\\n    enabled: false", ["认定办理超时 · 参数 · 天数：须为不小于 1 的整数天数"]),
        ("R03", "m:params.threshold:MED:code=", ["第", "行缺少项目代码"]),
    ]

    @Test(arguments: invalidCases)
    func invalidValueIsRefusedNamingTheParameterInChinese(rule: String, edit: String, messages: [String]) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let fields = Self.submitted(try await client.get("/rules/\(rule)", session: session))
            // `name=value`, where a table's row is named by its item code (`m:path:CODE:key`).
            let parts = edit.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var name = parts[0]
            let pieces = name.split(separator: ":").map(String.init)
            if pieces[0] == "m", let row = Self.row(of: pieces[2], in: fields, table: pieces[1]) {
                name = "m:\(pieces[1]):\(row):\(pieces[3])"
            }
            #expect(fields.contains { $0.0 == name })
            let value = parts[1].replacingOccurrences(of: "\\n", with: "\n")
            let page = try await client.post(
                "/rules/\(rule)", Self.replacing(fields, name, with: value) + [("reason", "试")], session: session)
            #expect(page.status == .unprocessableContent)
            let errors = page.from(id: "rule-errors")
            for message in messages { #expect(errors.contains(message)) }
            // The refused value stays in the form to correct.
            if !value.contains("\n") { #expect(page.from(id: "rule-form").contains("value=\"\(value)\"")) }
        }
        #expect(try world.store.currentRulesConfiguration() == nil)
        #expect(try world.auditEntries(action: "rules.change").first?.outcome == "failed")
    }

    @Test func unchangedRuleIsNotSaved() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            for rule in ["R03", "R04", "R05", "R09", "R13", "I02"] {
                let fields = Self.submitted(try await client.get("/rules/\(rule)", session: session))
                let page = try await client.post("/rules/\(rule)", fields + [("reason", "无变化")], session: session)
                #expect(page.status == .unprocessableContent)
                #expect(page.from(id: "rule-errors").contains("的参数没有变化"))
                #expect(!page.from(id: "rule-errors").contains("："))  // nothing else is wrong: the form round-trips
            }
            let noReason = Self.submitted(try await client.get("/rules/R21", session: session))
            let refused = try await client.post(
                "/rules/R21", Self.replacing(noReason, "v:params.days", with: "90"), session: session)
            #expect(refused.status == .unprocessableContent && refused.contains("请填写修改理由"))
        }
        #expect(try world.store.currentRulesConfiguration() == nil)
    }

    @Test func onlyEditorsSave() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let nj = try await client.login("nj")
            let page = try await client.get("/rules/R21", session: nj)
            #expect(page.status == .ok && page.contains("disabled") && !page.contains("name=\"reason\""))
            let fields = Self.submitted(page)
            let post = try await client.post(
                "/rules/R21", Self.replacing(fields, "v:params.days", with: "90") + [("reason", "x")], session: nj)
            #expect(post.status == .forbidden)
        }
        #expect(try world.store.currentRulesConfiguration() == nil)
    }
}
