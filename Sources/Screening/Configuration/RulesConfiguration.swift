import FundModel

/// The thresholds, levels and switches of every rule and indicator: a
/// province's settings with its cities' overrides (rules.md: "a province sets
/// its own, and a city may override its province").
///
/// Loaded from YAML (`rules.yaml`; the documented default is built in as
/// `DefaultRulesConfiguration.yaml`). A province's file only needs what it
/// changes: it is laid over the built-in default, key by key. Written back
/// with `yaml()` — complete and canonical — so the store can keep the
/// configuration in force for each run.
public struct RulesConfiguration: Sendable, Hashable {
    /// The province the file is for, if it names one.
    public var province: RegionCode?
    /// Every rule and indicator of the catalogue, complete, as the province sets it.
    public var base: [String: ConfigValue]
    /// Per city, the keys it overrides (partial).
    public var cities: [RegionCode: [String: ConfigValue]]
    /// The days a finding's verification has, by level (`verification.due_days`; province-wide, no city overrides).
    public var dueDays: FindingDueDays
    /// How the province scores its cities (`evaluation:`, issue 14 #2).
    public var evaluation: EvaluationScheme

    public init(
        province: RegionCode?, base: [String: ConfigValue], cities: [RegionCode: [String: ConfigValue]],
        dueDays: FindingDueDays = .standard, evaluation: EvaluationScheme = .standard
    ) {
        self.province = province
        self.base = base
        self.cities = cities
        self.dueDays = dueDays
        self.evaluation = evaluation
    }

    /// The built-in default: rules.md's thresholds (the same text as the repository's `rules.yaml`).
    public static let `default`: RulesConfiguration = {
        do {
            return try RulesConfiguration(complete: DefaultRulesConfiguration.yaml)
        } catch {
            preconditionFailure("the built-in rules configuration is invalid:\n\(error)")
        }
    }()

    /// Loads a province's configuration, laid over `base` (default: the built-in default).
    ///
    /// - Throws: `ConfigurationError` with every problem and its path, unknown keys included.
    public init(yaml text: String, over defaults: RulesConfiguration = .default) throws(ConfigurationError) {
        var parser = ConfigurationParser(requireComplete: false)
        let parsed = parser.parse(text)
        var merged = defaults
        if let province = parsed.province { merged.province = province }
        merged.dueDays.apply(parsed.dueDays)
        merged.evaluation.apply(parsed.evaluation)
        for (id, value) in parsed.base { merged.base[id] = merged.base[id].map { $0.merged(with: value) } ?? value }
        for (city, overrides) in parsed.cities {
            var existing = merged.cities[city] ?? [:]
            for (id, value) in overrides { existing[id] = existing[id].map { $0.merged(with: value) } ?? value }
            merged.cities[city] = existing
        }
        let issues =
            parser.issues
            + (parser.issues.isEmpty
                ? merged.levelOrderIssues() + merged.dueDayOrderIssues() + merged.evaluation.issues() : [])
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        self = merged
    }

    /// Loads a configuration that must name every rule, indicator and key (the built-in default).
    public init(complete text: String) throws(ConfigurationError) {
        var parser = ConfigurationParser(requireComplete: true)
        let parsed = parser.parse(text)
        var configuration = RulesConfiguration(province: parsed.province, base: parsed.base, cities: parsed.cities)
        configuration.dueDays.apply(parsed.dueDays)
        configuration.evaluation.apply(parsed.evaluation)
        let issues =
            parser.issues
            + (parser.issues.isEmpty
                ? configuration.levelOrderIssues() + configuration.dueDayOrderIssues()
                    + configuration.evaluation.issues() : [])
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        self = configuration
    }

    /// Checks a configuration text without keeping it: every problem, or none.
    public static func validate(yaml text: String) -> [ConfigurationIssue] {
        do {
            _ = try RulesConfiguration(yaml: text)
            return []
        } catch {
            return error.issues
        }
    }

    // MARK: Resolution

    /// The settings of `id` in `region`: the city's overrides win over the province.
    ///
    /// A county resolves through its city; the province itself (or `nil`) gets the province's settings.
    public func settings(_ id: String, region: RegionCode?) -> RuleSettings {
        let base = self.base[id] ?? .map([:])
        guard let region, region.impliedLevel != .province, let overrides = cities[region.city]?[id] else {
            return RuleSettings(id: id, value: base)
        }
        return RuleSettings(id: id, value: base.merged(with: overrides))
    }

    /// Whether `id` is enabled in the province or in any city (the engine runs it, then keeps
    /// only the findings of the regions where it is enabled).
    public func isEnabledAnywhere(_ id: String) -> Bool {
        if settings(id, region: nil).enabled { return true }
        return cities.keys.contains { settings(id, region: $0).enabled }
    }

    // MARK: Cross-field checks

    /// Graded levels must be ordered (e.g. R03 yellow < orange < red), in the province and in every city.
    func levelOrderIssues() -> [ConfigurationIssue] {
        var issues: [ConfigurationIssue] = []
        for spec in RuleCatalog.all {
            guard let order = spec.levelOrder else { continue }
            var places: [(path: String, region: RegionCode?)] = [("\(spec.kind.section).\(spec.id)", nil)]
            for city in cities.keys.sorted() where cities[city]?[spec.id] != nil {
                places.append(("cities.\(city.raw).\(spec.kind.section).\(spec.id)", city))
            }
            for place in places {
                let levels = settings(spec.id, region: place.region).gradedLevels.reversed()  // yellow first
                var previous: (severity: Severity, figure: Decimal4)?
                for level in levels {
                    if let previous {
                        let ok = order == .ascending ? level.figure > previous.figure : level.figure < previous.figure
                        if !ok {
                            issues.append(
                                ConfigurationIssue(
                                    path: "\(place.path).levels.\(level.severity.rawValue)",
                                    message:
                                        "must be \(order == .ascending ? "greater" : "less") than \(previous.severity.rawValue) (\(previous.figure)), found \(level.figure)"
                                ))
                        }
                    }
                    previous = level
                }
            }
        }
        return issues
    }
}
