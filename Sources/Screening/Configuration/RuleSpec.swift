import FundModel

/// The description of a rule or indicator: what the catalogue, the
/// configuration and the reports know about it, independent of its code.
///
/// The configuration is validated against the specs, so a rule's thresholds
/// can be checked (and a province's file accepted) even before the rule's
/// implementation exists.
public struct RuleSpec: Sendable {
    public enum Kind: String, Sendable {
        case rule, indicator
        /// The section of the configuration file: `rules` or `indicators`.
        public var section: String { self == .rule ? "rules" : "indicators" }
    }

    /// How the figures of graded `levels` must be ordered from yellow to red.
    public enum LevelOrder: Sendable {
        /// A more severe level needs a larger figure (yellow < orange < red).
        case ascending
        /// A more severe level needs a smaller figure (yellow > orange > red), e.g. months of balance.
        case descending
    }

    public var id: String
    /// The Chinese name (rules.md).
    public var name: String
    public var kind: Kind
    /// What a finding is about (screening conventions).
    public var subject: SubjectType
    /// ⚡: also checked in real time when a payment is settled.
    public var isRealTime: Bool
    /// The tables the rule cannot run without.
    public var tables: [Table]
    /// The configuration keys besides `enabled`.
    public var fields: [FieldSpec]
    public var levelOrder: LevelOrder?

    public init(
        id: String, name: String, kind: Kind = .rule, subject: SubjectType, isRealTime: Bool = false,
        tables: [Table], fields: [FieldSpec], levelOrder: LevelOrder? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.subject = subject
        self.isRealTime = isRealTime
        self.tables = tables
        self.fields = fields
        self.levelOrder = levelOrder
    }

    /// The whole configuration record of the rule: `enabled` and its fields.
    public var record: ValueKind { .record([FieldSpec("enabled", .bool)] + fields) }
}
