import FundModel

/// Runs the selected rules over a snapshot, in parallel, and merges their findings deterministically.
///
/// The same engine checks one new payment in real time with the ⚡ rules
/// (`check(payment:in:asOf:)`), through the very code the batch run uses.
public struct ScreeningEngine: Sendable {
    public var configuration: RulesConfiguration
    /// The implementations, by id.
    public let rules: [String: any ScreeningRule]

    public init(configuration: RulesConfiguration = .default, rules: [any ScreeningRule] = ScreeningRules.all) {
        self.configuration = configuration
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Screens the snapshot as of `asOf`.
    ///
    /// - Parameter only: the rule and indicator ids to run (default: the whole catalogue).
    ///   A selected rule without data, switched off or not implemented is reported as not run, with why.
    /// - Parameter registers: the verification and determination registers as of `asOf` (I07–I09); without
    ///   them I08 and I09 are not run (no data).
    public func run(
        _ snapshot: Snapshot, asOf: Day, only: Set<String>? = nil, registers: RegisterFacts? = nil
    ) async -> ScreeningReport {
        let clock = ContinuousClock()
        let start = clock.now
        let specs = RuleCatalog.all.filter { only?.contains($0.id) ?? true }
        var reports = specs.map { RuleReport(ruleID: $0.id, name: $0.name) }
        var runnable: [(index: Int, rule: any ScreeningRule, context: RuleContext)] = []
        for (index, spec) in specs.enumerated() {
            if let reason = notRunReason(spec, snapshot) {
                reports[index].notRun = reason
            } else if registers == nil && RegisterFacts.requiredBy.contains(spec.id) {
                reports[index].notRun = .noRegisters
            } else if let rule = rules[spec.id] {
                let context = RuleContext(
                    snapshot: snapshot, asOf: asOf, configuration: configuration, spec: spec, registers: registers)
                runnable.append((index, rule, context))
            }
        }

        let outputs = await withTaskGroup(of: (Int, RuleOutput, Duration).self) { group in
            for item in runnable {
                group.addTask {
                    let clock = ContinuousClock()
                    let started = clock.now
                    let output = item.rule.run(item.context)
                    return (item.index, output, clock.now - started)
                }
            }
            var results: [(Int, RuleOutput, Duration)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }

        var findings: [Finding] = []
        var indicatorValues: [IndicatorValue] = []
        for (index, output, duration) in outputs {
            let kept = enabledOnly(output.findings, ruleID: specs[index].id)
            for finding in kept { reports[index].add(finding) }
            reports[index].duration = duration
            reports[index].notes = output.notes
            findings.append(contentsOf: kept)
            indicatorValues.append(contentsOf: output.indicatorValues)
        }
        findings.sort(by: Self.deterministicOrder)
        return ScreeningReport(
            asOf: asOf, findings: findings, indicatorValues: indicatorValues, rules: reports,
            duration: clock.now - start)
    }

    /// Checks ONE new payment (not yet in the snapshot) with the ⚡ rules, as at settlement.
    ///
    /// Returns its findings in interchange order. Rules whose data is missing or that are switched
    /// off for the payment's region are skipped (see `checkReport` for which and why).
    public func check(payment: Payment, in snapshot: Snapshot, asOf: Day) -> [Finding] {
        checkReport(payment: payment, in: snapshot, asOf: asOf).findings
    }

    /// `check(payment:in:asOf:)` with the ⚡ rules that could not be applied and why.
    public func checkReport(payment: Payment, in snapshot: Snapshot, asOf: Day) -> (
        findings: [Finding], notRun: [(ruleID: String, reason: NotRunReason)]
    ) {
        let facts = snapshot.facts(for: payment)
        var findings: [Finding] = []
        var notRun: [(ruleID: String, reason: NotRunReason)] = []
        for spec in RuleCatalog.all where spec.isRealTime {
            if let reason = notRunReason(spec, snapshot) {
                notRun.append((spec.id, reason))
                continue
            }
            guard let rule = rules[spec.id] as? any RealTimeRule else {
                notRun.append((spec.id, .notImplemented))
                continue
            }
            guard configuration.settings(spec.id, region: payment.regionCode).enabled else {
                notRun.append((spec.id, .disabled))
                continue
            }
            let context = RuleContext(
                snapshot: snapshot, asOf: asOf, configuration: configuration, spec: spec, candidate: payment)
            findings.append(contentsOf: enabledOnly(rule.check(facts, in: context), ruleID: spec.id))
        }
        findings.sort(by: Self.deterministicOrder)
        return (findings, notRun)
    }

    // MARK: Helpers

    func notRunReason(_ spec: RuleSpec, _ snapshot: Snapshot) -> NotRunReason? {
        if !configuration.isEnabledAnywhere(spec.id) { return .disabled }
        let missing = snapshot.missing(spec.tables)
        if !missing.isEmpty { return .noData(missing: missing) }
        if rules[spec.id] == nil { return .notImplemented }
        return nil
    }

    /// Drops the findings of regions where a city switched the rule off (or the province did, and the city did not switch it back on).
    func enabledOnly(_ findings: [Finding], ruleID: String) -> [Finding] {
        var cache: [RegionCode: Bool] = [:]
        return findings.filter { finding in
            if let known = cache[finding.regionCode] { return known }
            let enabled = configuration.settings(ruleID, region: finding.regionCode).enabled
            cache[finding.regionCode] = enabled
            return enabled
        }
    }

    /// interchange.md order, then rule and detail so that even a tie never depends on thread timing.
    static func deterministicOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.findingID == b.findingID, a.severity == b.severity, a.amount == b.amount {
            return (a.ruleID, a.detail) < (b.ruleID, b.detail)
        }
        return Finding.interchangeOrder(a, b)
    }
}
