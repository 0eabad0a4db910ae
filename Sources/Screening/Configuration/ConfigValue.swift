import FundModel

/// A value of the rules configuration, as validated against its `ValueKind`.
///
/// Kept as a small tree rather than one Swift struct per rule so that the
/// loader, the city-over-province merge, the writer and the validation are
/// one generic piece of code driven by the catalogue (`RuleCatalog`); each
/// rule reads its typed values once per region through `RuleSettings`.
public indirect enum ConfigValue: Sendable, Hashable {
    /// Explicitly switched off (a level that is not used) or removed.
    case null
    case bool(Bool)
    case integer(Int)
    /// A decimal: multiples, percentages, months, z-scores.
    case number(Decimal4)
    case amount(Money)
    case severity(Severity)
    case text(String)
    case list([String])
    case map([String: ConfigValue])

    /// The value at a key of a map, or `nil`.
    public subscript(key: String) -> ConfigValue? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }

    /// `overrides` laid over `self`: maps merge key by key (recursively), anything else is replaced.
    public func merged(with overrides: ConfigValue) -> ConfigValue {
        guard case .map(var base) = self, case .map(let top) = overrides else { return overrides }
        for (key, value) in top {
            base[key] = base[key].map { $0.merged(with: value) } ?? value
        }
        return .map(base)
    }
}
