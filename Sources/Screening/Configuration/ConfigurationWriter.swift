import FundModel

extension RulesConfiguration {
    /// The configuration as YAML: complete, in catalogue order, item codes sorted.
    ///
    /// Reading it back gives an equal configuration; the store keeps it with each run
    /// so a finding can always be traced to the thresholds in force.
    public func yaml() -> String {
        var out = "# FundGuard 监控规则与阈值配置 — the configuration in force (written by FundGuard)\n"
        out += "version: \(ConfigurationParser.supportedVersion)\n"
        out += "province: \(province.map { "\"\($0.raw)\"" } ?? "null")\n"
        for kind in [RuleSpec.Kind.rule, .indicator] {
            out += "\(kind.section):\n"
            for spec in RuleCatalog.all where spec.kind == kind {
                guard let value = base[spec.id] else { continue }
                Self.write(value, kind: spec.record, key: spec.id, indent: 1, into: &out)
            }
        }
        out += "verification:\n  due_days:\n"
        for level in Severity.allCases { out += "    \(level.rawValue): \(dueDays.days(level))\n" }
        out += evaluation.yaml()
        if cities.isEmpty {
            out += "cities: {}\n"
        } else {
            out += "cities:\n"
            for city in cities.keys.sorted() {
                let overrides = cities[city] ?? [:]
                out += "  \"\(city.raw)\":" + (overrides.isEmpty ? " {}\n" : "\n")
                for kind in [RuleSpec.Kind.rule, .indicator] {
                    let specs = RuleCatalog.all.filter { $0.kind == kind && overrides[$0.id] != nil }
                    guard !specs.isEmpty else { continue }
                    out += "    \(kind.section):\n"
                    for spec in specs {
                        Self.write(overrides[spec.id]!, kind: spec.record, key: spec.id, indent: 3, into: &out)
                    }
                }
            }
        }
        return out
    }

    private static func write(_ value: ConfigValue, kind: ValueKind, key: String, indent: Int, into out: inout String) {
        if case .optional(let inner) = kind {
            write(value, kind: inner, key: key, indent: indent, into: &out)
            return
        }
        let pad = String(repeating: "  ", count: indent)
        guard case .map(let entries) = value else {
            out += "\(pad)\(key): \(scalarText(value))\n"
            return
        }
        if entries.isEmpty {
            out += "\(pad)\(key): {}\n"
            return
        }
        out += "\(pad)\(key):\n"
        switch kind {
        case .record(let fields):
            for field in fields {
                if let child = entries[field.name] {
                    write(child, kind: field.kind, key: field.name, indent: indent + 1, into: &out)
                }
            }
        case .itemMap(let inner):
            for code in entries.keys.sorted() {
                write(entries[code]!, kind: inner, key: code, indent: indent + 1, into: &out)
            }
        default:
            break
        }
    }

    private static func scalarText(_ value: ConfigValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .integer(let n): String(n)
        case .number(let d): d.description
        case .amount(let m): m.fen % 100 == 0 ? String(m.fen / 100) : m.yuanString
        case .severity(let s): s.rawValue
        case .text(let t): t
        case .list(let items): "[" + items.joined(separator: ", ") + "]"
        case .map: "{}"
        }
    }
}
