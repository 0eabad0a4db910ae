import FundModel

/// The configuration of one rule or indicator as it applies in one region
/// (the city's overrides laid over the province's settings).
///
/// The accessors trust the catalogue: a value that the schema guarantees but
/// is absent is a programming error, so they stop with a message naming the
/// key rather than let a rule run on a made-up threshold.
public struct RuleSettings: Sendable, Hashable {
    public let id: String
    public let value: ConfigValue

    public init(id: String, value: ConfigValue) {
        self.id = id
        self.value = value
    }

    /// `enabled` (true when absent).
    public var enabled: Bool {
        if case .bool(let on)? = value["enabled"] { return on }
        return true
    }

    /// The value at a path of keys, `nil` when absent.
    public func value(_ path: [String]) -> ConfigValue? {
        var current: ConfigValue? = value
        for key in path { current = current?[key] }
        return current
    }

    private func required(_ path: [String]) -> ConfigValue {
        guard let found = value(path) else {
            preconditionFailure("\(id).\(path.joined(separator: ".")) is missing from the configuration")
        }
        return found
    }

    private func mismatch(_ path: [String], _ expected: String) -> Never {
        preconditionFailure("\(id).\(path.joined(separator: ".")) is not \(expected)")
    }

    /// The severity of a single-level rule (`level:`).
    public var level: Severity { severity("level") }

    public func severity(_ path: String...) -> Severity {
        guard case .severity(let s) = required(path) else { mismatch(path, "a severity") }
        return s
    }

    public func count(_ path: String...) -> Int {
        guard case .integer(let n) = required(path) else { mismatch(path, "a whole number") }
        return n
    }

    public func bool(_ path: String...) -> Bool {
        guard case .bool(let b) = required(path) else { mismatch(path, "true or false") }
        return b
    }

    public func amount(_ path: String...) -> Money {
        guard case .amount(let m) = required(path) else { mismatch(path, "an amount") }
        return m
    }

    public func number(_ path: String...) -> Decimal4 {
        switch required(path) {
        case .number(let d): return d
        case .integer(let n): return Decimal4(Int64(n))
        default: mismatch(path, "a number")
        }
    }

    public func itemList(_ path: String...) -> [String] {
        guard case .list(let items) = required(path) else { mismatch(path, "a list") }
        return items
    }

    /// A mapping by item code, without the entries set to `null`.
    public func itemMap(_ path: String...) -> [String: ConfigValue] {
        guard case .map(let entries) = required(path) else { mismatch(path, "a mapping") }
        return entries.filter { $0.value != .null }
    }

    /// The graded `levels:` in use (not `null`), most severe first: e.g. R03 `[(red, 5), (orange, 2), (yellow, 1)]`.
    ///
    /// Figures are numbers (multiples, percentages, months) or counts, both returned as `Decimal4`.
    public var gradedLevels: [(severity: Severity, figure: Decimal4)] {
        guard case .map(let levels)? = value["levels"] else { return [] }
        var result: [(severity: Severity, figure: Decimal4)] = []
        for severity in Severity.allCases {
            switch levels[severity.rawValue] {
            case .number(let d)?: result.append((severity, d))
            case .integer(let n)?: result.append((severity, Decimal4(Int64(n))))
            default: break
            }
        }
        return result
    }
}
