import Foundation
import FundModel
import Screening

/// One rule's settings as a form with Chinese labels and units, and back.
///
/// Driven by the rule's `RuleSpec` (the same catalogue the YAML parser validates against), so every rule and
/// indicator gets its form without per-rule code. The submitted form becomes a YAML fragment for the rule,
/// which `RulesConfiguration(yaml:over:)` — the parser behind `fundguard rules check` — validates; its
/// problems come back in Chinese, naming the parameter. Input names: `v:<path>` for a value,
/// `m:<path>:<row>:code` and `m:<path>:<row>:<key>` for a row of a per-item table.
struct RuleParameterForm {
    let spec: RuleSpec

    /// Blank rows under a per-item table, for adding items.
    static let blankRows = 2
    /// Rows read from a submitted per-item table at most (a bound on what a request can make us do).
    static let maxRows = 300

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Cell {
        var name: String
        var value: String
        var unit: String
    }

    struct MapRow {
        var codeName: String
        var code: String
        var cells: [Cell]
    }

    /// A field as the template draws it: a select, a text input, or a per-item table.
    struct Field {
        var label: String
        var unit: String
        var name: String
        var value: String
        var hint: String?
        var isSelect: Bool
        var isText: Bool
        var isMap: Bool
        var options: [Option]
        var columns: [String]
        var rows: [MapRow]
    }

    // MARK: Drawing

    /// The fields of the rule, filled from `current` (the province's settings) or, after a refused
    /// submission, from what was submitted.
    func fields(current: ConfigValue, submitted: RequestForm? = nil) -> [Field] {
        var out: [Field] = []
        collect(spec.record, value: current, path: [], submitted: submitted, into: &out)
        return out
    }

    private func collect(
        _ kind: ValueKind, value: ConfigValue?, path: [String], submitted: RequestForm?, into out: inout [Field]
    ) {
        switch kind {
        case .record(let fields):
            for field in fields {
                collect(
                    field.kind, value: value?[field.name], path: path + [field.name], submitted: submitted, into: &out)
            }
        case .itemMap(let inner):
            out.append(mapField(inner, value: value, path: path, submitted: submitted))
        default:
            let name = "v:" + path.joined(separator: ".")
            let text = submitted.map { $0.raw(name) ?? "" } ?? value.map(Self.text) ?? ""
            var field = Field(
                label: RuleFieldLabels.path(path), unit: RuleFieldLabels.unit(rule: spec.id, path: path, kind: kind),
                name: name, value: text, hint: Self.hint(kind), isSelect: false, isText: true, isMap: false,
                options: [], columns: [], rows: [])
            if let options = Self.options(kind) {
                field.isSelect = true
                field.isText = false
                field.options = options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == text) }
            }
            out.append(field)
        }
    }

    private func mapField(_ inner: ValueKind, value: ConfigValue?, path: [String], submitted: RequestForm?) -> Field {
        let base = "m:" + path.joined(separator: ".")
        let keys: [String]
        if case .record(let subfields) = inner { keys = subfields.map(\.name) } else { keys = ["value"] }
        func cell(_ key: String, row: Int, text: String) -> Cell {
            let unitPath = path + (key == "value" ? [] : [key])
            return Cell(
                name: "\(base):\(row):\(key)", value: text,
                unit: RuleFieldLabels.unit(rule: spec.id, path: unitPath, kind: Self.leaf(inner, key)))
        }
        var rows: [MapRow] = []
        if let submitted {
            for row in 0..<Self.maxRows {
                guard let code = submitted.raw("\(base):\(row):code") else { break }
                rows.append(
                    MapRow(
                        codeName: "\(base):\(row):code", code: code,
                        cells: keys.map { cell($0, row: row, text: submitted.raw("\(base):\(row):\($0)") ?? "") }))
            }
        } else {
            var entries: [(String, ConfigValue)] = []
            if case .map(let map) = value { entries = map.keys.sorted().map { ($0, map[$0]!) } }
            for (code, entry) in entries where entry != .null {
                let row = rows.count
                rows.append(
                    MapRow(
                        codeName: "\(base):\(row):code", code: code,
                        cells: keys.map { key in
                            cell(key, row: row, text: Self.text(key == "value" ? entry : entry[key] ?? .null))
                        }))
            }
            for _ in 0..<Self.blankRows {
                let row = rows.count
                rows.append(
                    MapRow(codeName: "\(base):\(row):code", code: "", cells: keys.map { cell($0, row: row, text: "") }))
            }
        }
        let columns = keys.map { $0 == "value" ? RuleFieldLabels.name(path.last ?? "") : RuleFieldLabels.name($0) }
        return Field(
            label: RuleFieldLabels.path(path), unit: "", name: base, value: "",
            hint: "每行一个项目代码（如 MED）；清空一行的数值即删除该项目", isSelect: false, isText: false, isMap: true,
            options: [], columns: columns, rows: rows)
    }

    // MARK: Reading

    /// The rule's YAML fragment (`rules:\n  R03:\n …`) from a submitted form, and the problems the form
    /// itself shows (a row without its item code, an item twice). Values are quoted as they were typed:
    /// whether they are valid is the parser's to say. An item of `current` (the settings in force) that the
    /// form no longer has is written `null`: removed (a configuration is laid over the built-in default, so
    /// leaving it out would bring the default's value back).
    func fragment(_ form: RequestForm, current: ConfigValue? = nil) -> (yaml: String, problems: [String]) {
        var out = "\(spec.kind.section):\n  \(spec.id):\n"
        var problems: [String] = []
        write(spec.record, path: [], current: current, indent: 2, form: form, into: &out, problems: &problems)
        return (out, problems)
    }

    private func write(
        _ kind: ValueKind, path: [String], current: ConfigValue?, indent: Int, form: RequestForm,
        into out: inout String, problems: inout [String]
    ) {
        let pad = String(repeating: "  ", count: indent)
        switch kind {
        case .record(let fields):
            for field in fields {
                switch field.kind {
                case .record, .itemMap:
                    out += "\(pad)\(field.name):\n"
                    let before = out.count
                    write(
                        field.kind, path: path + [field.name], current: current?[field.name], indent: indent + 1,
                        form: form, into: &out, problems: &problems)
                    if out.count == before {  // no entries: an empty mapping
                        out.removeLast()
                        out += " {}\n"
                    }
                default:
                    let text = form["v:" + (path + [field.name]).joined(separator: ".")] ?? ""
                    out += "\(pad)\(field.name): \(Self.yamlValue(text, kind: field.kind))\n"
                }
            }
        case .itemMap(let inner):
            let base = "m:" + path.joined(separator: ".")
            var seen: Set<String> = []
            for row in 0..<Self.maxRows {
                guard form.raw("\(base):\(row):code") != nil else { break }
                let code = form["\(base):\(row):code"] ?? ""
                let label = "\(spec.name) · \(RuleFieldLabels.path(path))"
                if case .record(let subfields) = inner {
                    let values = subfields.map {
                        (name: $0.name, kind: $0.kind, text: form["\(base):\(row):\($0.name)"] ?? "")
                    }
                    guard values.contains(where: { !$0.text.isEmpty }) else { continue }  // cleared: removed
                    guard check(code, row: row, label: label, seen: &seen, problems: &problems) else { continue }
                    out += "\(pad)\(Self.quoted(code)):\n"
                    for value in values {
                        out += "\(pad)  \(value.name): \(Self.yamlValue(value.text, kind: value.kind))\n"
                    }
                } else {
                    let text = form["\(base):\(row):value"] ?? ""
                    guard !text.isEmpty else { continue }
                    guard check(code, row: row, label: label, seen: &seen, problems: &problems) else { continue }
                    out += "\(pad)\(Self.quoted(code)): \(Self.yamlValue(text, kind: inner))\n"
                }
            }
            if case .map(let entries) = current {
                for code in entries.keys.sorted() where entries[code] != .null && !seen.contains(code) {
                    out += "\(pad)\(Self.quoted(code)): null\n"
                }
            }
        default:
            break
        }
    }

    private func check(_ code: String, row: Int, label: String, seen: inout Set<String>, problems: inout [String])
        -> Bool
    {
        if code.isEmpty {
            problems.append("\(label)：第 \(row + 1) 行缺少项目代码")
            return false
        }
        if !seen.insert(code).inserted {
            problems.append("\(label)：项目代码 \(code) 重复")
            return false
        }
        return true
    }

    // MARK: Problems in Chinese

    /// A parser issue about this rule as a sentence naming the parameter in Chinese.
    func describe(_ issue: ConfigurationIssue) -> String {
        let prefix = "\(spec.kind.section).\(spec.id)"
        var components: [String] = []
        if issue.path.hasPrefix(prefix + ".") {
            components = issue.path.dropFirst(prefix.count + 1).split(separator: ".").map(String.init)
        } else if issue.path != prefix {
            return (issue.line.map { "第 \($0) 行：" } ?? "") + issue.description  // another rule's or a city's
        }
        var listIndex: Int?
        if let last = components.last, let open = last.firstIndex(of: "[") {
            listIndex = Int(last[last.index(after: open)...].dropLast())
            components[components.count - 1] = String(last[..<open])
        }
        let place = ([spec.name] + components.map(RuleFieldLabels.name)).joined(separator: " · ")
        let message: String
        if issue.message.hasPrefix("must be greater than") {
            message = "须大于较低一级预警的数值"
        } else if issue.message.hasPrefix("must be less than") {
            message = "须小于较低一级预警的数值"
        } else if issue.message.hasPrefix("not an item code") {
            message = (listIndex.map { "第 \($0 + 1) 项" } ?? "") + "不是项目代码（大写字母、数字和下划线，如 MED）"
        } else if issue.message.hasPrefix("unknown key") {
            message = "不是该规则的参数"
        } else if issue.message == "missing" {
            message = "缺少"
        } else if let kind = Self.kind(at: components, in: spec.record) {
            message = RuleFieldLabels.expectation(kind)
        } else {
            message = issue.message
        }
        return "\(place)：\(message)"
    }

    /// The kind of the value at `path` inside `kind` (item codes step through a per-item table).
    static func kind(at path: [String], in kind: ValueKind) -> ValueKind? {
        guard let first = path.first else { return kind }
        switch kind {
        case .optional(let inner): return Self.kind(at: path, in: inner)
        case .record(let fields):
            guard let field = fields.first(where: { $0.name == first }) else { return nil }
            return Self.kind(at: Array(path.dropFirst()), in: field.kind)
        case .itemMap(let inner): return Self.kind(at: Array(path.dropFirst()), in: inner)
        default: return nil
        }
    }

    // MARK: Values

    /// A value as the form shows it (and as YAML writes it: whole yuan without decimals).
    static func text(_ value: ConfigValue) -> String {
        switch value {
        case .null, .map: ""
        case .bool(let b): b ? "true" : "false"
        case .integer(let n): String(n)
        case .number(let d): d.description
        case .amount(let m): m.fen % 100 == 0 ? String(m.fen / 100) : m.yuanString
        case .severity(let s): s.rawValue
        case .text(let t): t
        case .list(let items): items.joined(separator: ", ")
        }
    }

    /// A typed value as YAML: quoted (so nothing typed can change the file's structure); an empty optional
    /// value is `null` (that level not used); a list of item codes is split at commas, 、 and spaces.
    static func yamlValue(_ text: String, kind: ValueKind) -> String {
        if case .optional = kind, text.isEmpty { return "null" }
        if case .itemList = kind {
            let codes = text.split(whereSeparator: { ",，、; \t\n".contains($0) }).map { quoted(String($0)) }
            return "[" + codes.joined(separator: ", ") + "]"
        }
        return quoted(text)
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The choices of a value that has few (a switch, a level, a service).
    static func options(_ kind: ValueKind) -> [(String, String)]? {
        switch kind {
        case .bool: [("true", "是"), ("false", "否")]
        case .severity: Severity.allCases.map { ($0.rawValue, $0.chineseName) }
        case .service: InstitutionKind.allCases.map { ($0.rawValue, $0.chineseName) }
        case .optional(let inner): options(inner).map { [("", "不使用")] + $0 }
        default: nil
        }
    }

    static func hint(_ kind: ValueKind) -> String? {
        switch kind {
        case .optional: "留空表示不使用该等级"
        case .itemList: "项目代码，以逗号或顿号分隔"
        default: nil
        }
    }

    /// The kind of one column of a per-item table.
    static func leaf(_ inner: ValueKind, _ key: String) -> ValueKind {
        if case .record(let fields) = inner, let field = fields.first(where: { $0.name == key }) { return field.kind }
        return inner
    }
}
