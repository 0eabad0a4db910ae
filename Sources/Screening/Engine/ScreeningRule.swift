import FundModel

/// A monitoring rule or indicator: reads the snapshot and its configuration, yields findings.
///
/// No rule touches a database: everything it needs is in the `Snapshot`, and
/// every threshold comes from its `RuleSettings` (never a literal in rule
/// code). Rules are values (`Sendable`) so the engine runs them in parallel.
public protocol ScreeningRule: Sendable {
    /// The rule's entry in `RuleCatalog`: id, Chinese name, subject, tables, configuration keys. Declared once,
    /// here on the rule type; the catalogue (and so the configuration's schema) is derived from these.
    static var spec: RuleSpec { get }

    /// The batch run over the whole snapshot.
    func run(_ context: RuleContext) -> RuleOutput
}

extension ScreeningRule {
    /// The type's spec (`Self.spec`), for a rule held as `any ScreeningRule`.
    public var spec: RuleSpec { Self.spec }
    public var id: String { spec.id }
    public var name: String { spec.name }
    /// The tables without which the rule is "not run (no data)".
    public var requiredTables: [Table] { spec.tables }
    /// ⚡: also checked in real time when a payment is settled.
    public var isRealTime: Bool { spec.isRealTime }
}

/// A ⚡ rule: it can check one new payment against the snapshot, at settlement.
///
/// The batch run and the real-time call share the per-payment code, so the
/// two can never disagree on the same payment.
public protocol RealTimeRule: ScreeningRule {
    /// The findings raised by one payment (`payment.row` is -1 when it is not in the snapshot).
    func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding]
}

/// A rule that looks at each payment on its own (with the snapshot's indexes), e.g. R03, R05.
///
/// The batch run is the loop over every payment row, with the thresholds
/// resolved once per region; the real-time check is the same `check` on one
/// payment.
public protocol PaymentRule: ScreeningRule {
    /// The typed thresholds of one region.
    associatedtype Parameters: Sendable

    /// Reads the thresholds from a region's settings (once per region and run).
    func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters

    /// The finding of one payment, or `nil`.
    func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding?

    /// The item codes the rule can fire on with these parameters, or `nil` for any item.
    ///
    /// The batch loop skips the payments of other items without reading their
    /// other columns: most rules look at a few items of ten million payments.
    func watchedItems(_ parameters: Parameters) -> Set<String>?

    /// A test of a snapshot row, false only for rows that `check` cannot fire on whatever the
    /// parameters, or `nil` to check every row.
    ///
    /// The batch loop asks it before building a row's `PaymentFacts` (fifteen columns): most rules
    /// fire on a person who died, draws a pension or had a medical-insurance stay, which a lookup in
    /// one column tells. It must only restate a condition that `check` itself requires, so that the
    /// batch run and the real-time check stay the same rule.
    func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)?
}

extension PaymentRule {
    public func watchedItems(_ parameters: Parameters) -> Set<String>? { nil }

    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? { nil }

    public func run(_ context: RuleContext) -> RuleOutput { run(context, usingCandidateRows: true) }

    /// The batch loop; without `candidateRows` it checks every row (tests compare the two).
    func run(_ context: RuleContext, usingCandidateRows: Bool) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { parameters($0, in: snapshot) }
        let columns = snapshot.payments
        // Items watched in any region (all when one region watches every item).
        var watched: [Bool]?
        var codes: Set<String> = []
        for parameters in table.values {
            guard let items = watchedItems(parameters) else {
                codes = []
                watched = nil
                break
            }
            codes.formUnion(items)
            watched = []
        }
        let filtering = watched != nil
        let watchedItem = filtering ? snapshot.itemCodes.names.map { codes.contains($0) } : []
        let candidate = usingCandidateRows ? candidateRows(in: snapshot) : nil
        var findings: [Finding] = []
        for row in 0..<Int32(columns.count) {
            if filtering, !watchedItem[Int(columns.item[Int(row)])] { continue }
            if let candidate, !candidate(Int(row)) { continue }
            let payment = columns.facts(row)
            if let finding = check(payment, table[payment.region], in: context) { findings.append(finding) }
        }
        return RuleOutput(findings: findings)
    }

    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        let settings = context.settings(regionID: payment.region)
        return check(payment, parameters(settings, in: context.snapshot), in: context).map { [$0] } ?? []
    }
}

/// What a rule's batch run yields.
public struct RuleOutput: Sendable {
    public var findings: [Finding]
    /// An indicator's figures per region and period (empty for a rule).
    public var indicatorValues: [IndicatorValue]
    /// What the rule could not judge and why (e.g. payments whose statutory amount cannot be computed),
    /// so that nothing passes silently; shown in the run's summary.
    public var notes: [String]

    public init(findings: [Finding] = [], indicatorValues: [IndicatorValue] = [], notes: [String] = []) {
        self.findings = findings
        self.indicatorValues = indicatorValues
        self.notes = notes
    }
}
