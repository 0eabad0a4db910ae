import FundModel

/// What a configuration value may be; drives the loader's validation and its error messages.
public indirect enum ValueKind: Sendable {
    case bool
    /// A whole number, at least 1.
    case count
    /// A whole number of days, at least 1.
    case days
    /// Money in yuan, more than zero (at most two decimals).
    case amount
    /// Money in yuan, zero or more.
    case amountOrZero
    /// A decimal number, more than zero (at most four decimals): multiples, percentages, months.
    case number
    /// `red`, `orange` or `yellow`.
    case severity
    /// A service of an agreement: `medical`, `rehab` or `assistive`.
    case service
    /// A list of item codes.
    case itemList
    /// `null` allowed: the value is switched off (e.g. a level that is not used).
    case optional(ValueKind)
    /// A mapping with fixed keys.
    case record([FieldSpec])
    /// A mapping from item codes (`MED`, …, or a province's own codes) to values.
    case itemMap(ValueKind)

    /// What the value must be, for error messages.
    var expectation: String {
        switch self {
        case .bool: "must be true or false"
        case .count: "must be a whole number, at least 1"
        case .days: "must be a whole number of days, at least 1"
        case .amount: "must be a positive amount in yuan"
        case .amountOrZero: "must be an amount in yuan, zero or more"
        case .number: "must be a positive number (at most four decimals)"
        case .severity: "must be red, orange or yellow"
        case .service: "must be medical, rehab or assistive"
        case .itemList: "must be a list of item codes, e.g. [MED, REHAB]"
        case .optional(let inner): inner.expectation + ", or null"
        case .record: "must be a mapping"
        case .itemMap: "must be a mapping from item codes"
        }
    }
}

/// One key of a configuration mapping.
public struct FieldSpec: Sendable {
    public var name: String
    public var kind: ValueKind
    /// What the field means (used in generated documentation).
    public var doc: String

    public init(_ name: String, _ kind: ValueKind, _ doc: String = "") {
        self.name = name
        self.kind = kind
        self.doc = doc
    }

    /// `levels:` graded by a figure: one optional field per severity (null = that level is not used).
    public static func graded(_ severities: [Severity], _ kind: ValueKind = .number, _ doc: String = "") -> FieldSpec {
        FieldSpec("levels", .record(severities.map { FieldSpec($0.rawValue, .optional(kind)) }), doc)
    }

    /// `level:` the one severity of a rule that fires in one way.
    public static func level(_ doc: String = "") -> FieldSpec { FieldSpec("level", .severity, doc) }

    /// `levels:` one severity per named outcome of the rule.
    public static func outcomes(_ names: [String], _ doc: String = "") -> FieldSpec {
        FieldSpec("levels", .record(names.map { FieldSpec($0, .severity) }), doc)
    }

    /// `params:` the rule's parameters.
    public static func params(_ fields: [FieldSpec]) -> FieldSpec { FieldSpec("params", .record(fields)) }
}
