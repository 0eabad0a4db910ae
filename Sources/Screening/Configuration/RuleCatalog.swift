import FundModel

/// Every rule and indicator of rules.md §2–3, in report order.
///
/// The catalogue is the schema of the configuration file: its keys, the kind
/// of each value, and which tables a rule needs. The values themselves (the
/// thresholds) live only in the configuration (`rules.yaml`, whose default is
/// `DefaultRulesConfiguration.yaml`), never in rule code.
public enum RuleCatalog {
    /// All specs: DQ01, R01–R27, then I01–I09, each declared once, on its rule type (`ScreeningRule.spec`).
    public static let all: [RuleSpec] = ScreeningRules.all.map(\.spec).sorted { reportKey($0) < reportKey($1) }

    /// The rules (DQ01, R01–R27), in report order.
    public static let rules: [RuleSpec] = all.filter { $0.kind == .rule }

    /// The indicators (I01–I09), in report order.
    public static let indicators: [RuleSpec] = all.filter { $0.kind == .indicator }

    /// The spec of an id, or `nil`.
    public static func spec(_ id: String) -> RuleSpec? { byID[id] }

    private static let byID: [String: RuleSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The ids in report order, for sorting.
    public static let order: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

    /// Report order: data quality first, then the rules, then the indicators, each by number.
    private static func reportKey(_ spec: RuleSpec) -> (Int, String) {
        (spec.kind == .indicator ? 2 : spec.id.hasPrefix("DQ") ? 0 : 1, spec.id)
    }
}
