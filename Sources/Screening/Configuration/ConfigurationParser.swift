import FundModel
import Yams

/// Reads a rules configuration from YAML, checking every value against the
/// catalogue and collecting every problem with its path (never stopping at
/// the first).
struct ConfigurationParser {
    /// The problems found so far.
    var issues: [ConfigurationIssue] = []
    /// Whether every rule, indicator and key must be present (the built-in
    /// default); a province's own file may leave out what it does not change.
    let requireComplete: Bool

    struct Parsed {
        var province: RegionCode?
        var base: [String: ConfigValue] = [:]
        var cities: [RegionCode: [String: ConfigValue]] = [:]
        /// The levels `verification.due_days` sets (a province's file may set some only).
        var dueDays: [Severity: Int] = [:]
        /// What `evaluation:` sets (issue 14 #2).
        var evaluation = ParsedEvaluation()
    }

    static let topKeys = ["version", "province", "rules", "indicators", "verification", "evaluation", "cities"]
    static let supportedVersion = 1

    mutating func parse(_ text: String) -> Parsed {
        var parsed = Parsed()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            issues.append(Self.syntaxIssue(error))
            return parsed
        } catch {
            issues.append(ConfigurationIssue(path: "", message: "not valid YAML: \(error)"))
            return parsed
        }
        guard let root else {
            if requireComplete { issues.append(ConfigurationIssue(path: "", message: "the file is empty")) }
            return parsed
        }
        guard let mapping = root.mapping else {
            issues.append(
                ConfigurationIssue(path: "", message: "must be a mapping (version, rules, …)", line: root.line))
            return parsed
        }
        var sawVersion = false
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalarText else {
                issues.append(ConfigurationIssue(path: "", message: "keys must be text", line: keyNode.line))
                continue
            }
            switch key {
            case "version":
                sawVersion = true
                if valueNode.scalarText != String(Self.supportedVersion) {
                    issue(
                        "version",
                        "unsupported version \(valueNode.scalarText ?? "?") (expected \(Self.supportedVersion))",
                        valueNode)
                }
            case "province":
                if valueNode.isNull { continue }
                if let text = valueNode.scalarText, let code = RegionCode(text), code.impliedLevel == .province {
                    parsed.province = code
                } else {
                    issue("province", "must be a province code (6 digits ending in 0000), or null", valueNode)
                }
            case "rules", "indicators":
                let kind: RuleSpec.Kind = key == "rules" ? .rule : .indicator
                parsed.base.merge(section(valueNode, kind: kind, path: key, complete: requireComplete)) { $1 }
            case "verification":
                parsed.dueDays = verification(valueNode, complete: requireComplete)
            case "evaluation":
                parsed.evaluation = evaluation(valueNode, complete: requireComplete)
            case "cities":
                parsed.cities = cities(valueNode, province: parsed.province)
            default:
                issue(key, "unknown key (expected one of: \(Self.topKeys.joined(separator: ", ")))", keyNode)
            }
        }
        if requireComplete {
            if !sawVersion { issues.append(ConfigurationIssue(path: "version", message: "missing")) }
            for kind in [RuleSpec.Kind.rule, .indicator] where mapping[kind.section] == nil {
                issues.append(ConfigurationIssue(path: kind.section, message: "missing"))
            }
            for key in ["verification", "evaluation"] where mapping[key] == nil {
                issues.append(ConfigurationIssue(path: key, message: "missing"))
            }
        }
        // The province must be read before the cities are checked against it.
        if let province = parsed.province {
            for code in parsed.cities.keys where code.province != province {
                issues.append(
                    ConfigurationIssue(path: "cities.\(code.raw)", message: "not a city of province \(province.raw)"))
            }
        }
        return parsed
    }

    // MARK: Sections

    /// `verification: { due_days: { red: 15, orange: 30, yellow: 60 } }`: whole days, 1–366.
    mutating func verification(_ node: Node, complete: Bool) -> [Severity: Int] {
        var result: [Severity: Int] = [:]
        if node.isNull { return result }
        guard let mapping = node.mapping else {
            issue("verification", "must be a mapping (due_days)", node)
            return result
        }
        for (keyNode, valueNode) in mapping {
            guard keyNode.scalarText == "due_days" else {
                issue("verification.\(keyNode.scalarText ?? "?")", "unknown key (expected: due_days)", keyNode)
                continue
            }
            guard let days = valueNode.mapping else {
                issue("verification.due_days", "must be a mapping from levels (red, orange, yellow) to days", valueNode)
                continue
            }
            for (levelNode, dayNode) in days {
                let here = "verification.due_days.\(levelNode.scalarText ?? "?")"
                guard let level = levelNode.scalarText.flatMap(Severity.init(rawValue:)) else {
                    issue(here, "unknown level (expected: red, orange, yellow)", levelNode)
                    continue
                }
                guard let text = dayNode.scalarText, text.utf8.count <= 4, let n = Int(text),
                    FindingDueDays.allowed.contains(n)
                else {
                    issue(
                        here,
                        "must be a whole number of days, \(FindingDueDays.allowed.lowerBound)–\(FindingDueDays.allowed.upperBound)",
                        dayNode)
                    continue
                }
                result[level] = n
            }
            if complete {
                for level in Severity.allCases where days[level.rawValue] == nil {
                    issues.append(
                        ConfigurationIssue(path: "verification.due_days.\(level.rawValue)", message: "missing"))
                }
            }
        }
        if complete && mapping["due_days"] == nil {
            issues.append(ConfigurationIssue(path: "verification.due_days", message: "missing"))
        }
        return result
    }

    mutating func section(_ node: Node, kind: RuleSpec.Kind, path: String, complete: Bool) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        if node.isNull { return result }
        guard let mapping = node.mapping else {
            issue(path, "must be a mapping from \(kind == .rule ? "rule" : "indicator") ids", node)
            return result
        }
        for (keyNode, valueNode) in mapping {
            guard let id = keyNode.scalarText else {
                issue(path, "keys must be ids", keyNode)
                continue
            }
            let here = "\(path).\(id)"
            guard let spec = RuleCatalog.spec(id) else {
                issue(here, "unknown \(kind == .rule ? "rule" : "indicator") id", keyNode)
                continue
            }
            guard spec.kind == kind else {
                issue(
                    here,
                    "\(id) is \(spec.kind == .rule ? "a rule" : "an indicator"): put it under \(spec.kind.section)",
                    keyNode)
                continue
            }
            if let value = value(valueNode, kind: spec.record, path: here, complete: complete) {
                result[id] = value
            }
        }
        if complete {
            for spec in RuleCatalog.all where spec.kind == kind && mapping[spec.id] == nil {
                issues.append(ConfigurationIssue(path: "\(path).\(spec.id)", message: "missing (\(spec.name))"))
            }
        }
        return result
    }

    mutating func cities(_ node: Node, province: RegionCode?) -> [RegionCode: [String: ConfigValue]] {
        var result: [RegionCode: [String: ConfigValue]] = [:]
        if node.isNull { return result }
        guard let mapping = node.mapping else {
            issue("cities", "must be a mapping from city codes", node)
            return result
        }
        for (keyNode, valueNode) in mapping {
            let text = keyNode.scalarText ?? "?"
            let here = "cities.\(text)"
            guard let code = RegionCode(text), code.impliedLevel == .city else {
                issue(here, "not a city code (6 digits ending in 00, not 0000)", keyNode)
                continue
            }
            var overrides: [String: ConfigValue] = [:]
            if !valueNode.isNull {
                guard let cityMapping = valueNode.mapping else {
                    issue(here, "must be a mapping with rules and/or indicators", valueNode)
                    continue
                }
                for (sectionKey, sectionNode) in cityMapping {
                    switch sectionKey.scalarText {
                    case "rules":
                        overrides.merge(section(sectionNode, kind: .rule, path: "\(here).rules", complete: false)) {
                            $1
                        }
                    case "indicators":
                        overrides.merge(
                            section(sectionNode, kind: .indicator, path: "\(here).indicators", complete: false)
                        ) { $1 }
                    default:
                        issue(
                            "\(here).\(sectionKey.scalarText ?? "?")",
                            "unknown key (expected one of: rules, indicators)", sectionKey)
                    }
                }
            }
            result[code] = overrides
        }
        return result
    }

    // MARK: Values

    /// The value of `node` if it is a valid `kind`; records an issue (and returns `nil`) otherwise.
    mutating func value(_ node: Node, kind: ValueKind, path: String, complete: Bool) -> ConfigValue? {
        switch kind {
        case .optional(let inner):
            if node.isNull { return .null }
            if let text = node.scalarText, let v = Self.scalar(text, kind: inner) { return v }
            if node.scalarText != nil { return fail(path, kind, node) }  // says "…, or null"
            return value(node, kind: inner, path: path, complete: complete)
        case .record(let fields):
            guard let mapping = node.mapping else { return fail(path, kind, node) }
            var entries: [String: ConfigValue] = [:]
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalarText ?? "?"
                guard let field = fields.first(where: { $0.name == key }) else {
                    let expected = fields.map(\.name).joined(separator: ", ")
                    issue("\(path).\(key)", "unknown key (expected one of: \(expected))", keyNode)
                    continue
                }
                if let v = value(valueNode, kind: field.kind, path: "\(path).\(key)", complete: complete) {
                    entries[key] = v
                }
            }
            if complete {
                for field in fields where mapping[field.name] == nil {
                    issues.append(
                        ConfigurationIssue(path: "\(path).\(field.name)", message: "missing", line: node.line))
                }
            }
            return .map(entries)
        case .itemMap(let inner):
            guard let mapping = node.mapping else { return fail(path, kind, node) }
            var entries: [String: ConfigValue] = [:]
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalarText ?? "?"
                guard Self.isItemCode(key) else {
                    issue("\(path).\(key)", "not an item code (capital letters, digits and _, e.g. MED)", keyNode)
                    continue
                }
                if valueNode.isNull {
                    entries[key] = .null
                } else if let v = value(valueNode, kind: inner, path: "\(path).\(key)", complete: complete) {
                    entries[key] = v
                }
            }
            return .map(entries)
        case .itemList:
            guard let sequence = node.sequence else { return fail(path, kind, node) }
            var items: [String] = []
            for (index, element) in sequence.enumerated() {
                guard let code = element.scalarText, Self.isItemCode(code) else {
                    issue("\(path)[\(index)]", "not an item code (capital letters, digits and _, e.g. MED)", element)
                    continue
                }
                items.append(code)
            }
            return .list(items)
        case .bool, .count, .days, .amount, .amountOrZero, .number, .severity, .service:
            guard let text = node.scalarText, !node.isNull, let v = Self.scalar(text, kind: kind) else {
                return fail(path, kind, node)
            }
            return v
        }
    }

    static func scalar(_ text: String, kind: ValueKind) -> ConfigValue? {
        switch kind {
        case .bool:
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return nil
            }
        case .count, .days:
            guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(text), n >= 1 else { return nil }
            return .integer(n)
        case .amount, .amountOrZero:
            guard let m = try? Money(yuan: text), m.fen > 0 || (m.fen == 0 && kind.allowsZero) else { return nil }
            return .amount(m)
        case .number:
            guard let d = Decimal4(text), d.tenThousandths > 0 else { return nil }
            return .number(d)
        case .severity:
            return Severity(rawValue: text).map(ConfigValue.severity)
        case .service:
            return InstitutionKind(rawValue: text).map { .text($0.rawValue) }
        default:
            return nil
        }
    }

    static func isItemCode(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 65, first <= 90 else { return false }
        return text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    // MARK: Issues

    mutating func fail(_ path: String, _ kind: ValueKind, _ node: Node) -> ConfigValue? {
        issue(path, kind.expectation, node)
        return nil
    }

    mutating func issue(_ path: String, _ message: String, _ node: Node) {
        issues.append(ConfigurationIssue(path: path, message: message, line: node.line))
    }

    static func syntaxIssue(_ error: YamlError) -> ConfigurationIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationIssue(path: "", message: "YAML syntax error: \(problem)", line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, _):
            return ConfigurationIssue(
                path: "", message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigurationIssue(path: "", message: "not valid YAML: \(error)")
        }
    }
}

extension ValueKind {
    fileprivate var allowsZero: Bool {
        if case .amountOrZero = self { return true }
        return false
    }
}

extension Node {
    /// The text of a scalar (whatever YAML would resolve it to), `nil` for a mapping or sequence.
    var scalarText: String? { scalar?.string }

    /// A plain `null`, `~` or empty scalar.
    var isNull: Bool {
        guard let scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var line: Int? { mark?.line }
}
