import FundModel

/// Why a rule was not run. Never silent: the summary lists each one.
public enum NotRunReason: Sendable, Hashable, CustomStringConvertible {
    /// A table the rule needs was not in the data set.
    case noData(missing: [Table])
    /// Switched off in the configuration (in the province and every city).
    case disabled
    /// In the catalogue, but no implementation is registered with the engine.
    case notImplemented
    /// The registers it reads (the findings' verification) were not given to the run (`RegisterFacts`).
    case noRegisters

    public var description: String {
        switch self {
        case .noData(let missing): "无数据 no data: " + missing.map(\.fileName).joined(separator: ", ")
        case .disabled: "已停用 disabled in the configuration"
        case .notImplemented: "未实现 not implemented"
        case .noRegisters: "无数据 no data: 疑点核查台账 the findings' verification register"
        }
    }
}

/// The outcome of one rule in a run: its findings by level, the amount at risk and the time taken, or why it did not run.
public struct RuleReport: Sendable, Hashable {
    public var ruleID: String
    public var name: String
    /// `nil` when the rule ran.
    public var notRun: NotRunReason?
    public var red: Int = 0
    public var orange: Int = 0
    public var yellow: Int = 0
    /// Sum of the findings' amounts at risk.
    public var amountAtRisk: Money = .zero
    public var duration: Duration = .zero
    /// What the rule could not judge and why (`RuleOutput.notes`).
    public var notes: [String] = []

    public init(ruleID: String, name: String, notRun: NotRunReason? = nil) {
        self.ruleID = ruleID
        self.name = name
        self.notRun = notRun
    }

    public var ran: Bool { notRun == nil }
    public var findingCount: Int { red + orange + yellow }

    /// The number of findings of a level.
    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .red: red
        case .orange: orange
        case .yellow: yellow
        }
    }

    mutating func add(_ finding: Finding) {
        switch finding.severity {
        case .red: red += 1
        case .orange: orange += 1
        case .yellow: yellow += 1
        }
        amountAtRisk += finding.amount
    }
}

/// The result of a screening run.
public struct ScreeningReport: Sendable {
    /// The screening date.
    public var asOf: Day
    /// Every finding, in interchange order (severity, amount descending, finding id).
    public var findings: [Finding]
    /// The indicators' figures, by indicator, region and period.
    public var indicatorValues: [IndicatorValue]
    /// One line per selected rule and indicator, in catalogue order.
    public var rules: [RuleReport]
    /// Wall time of the whole run (the rules run in parallel).
    public var duration: Duration

    public init(
        asOf: Day, findings: [Finding], indicatorValues: [IndicatorValue], rules: [RuleReport], duration: Duration
    ) {
        self.asOf = asOf
        self.findings = findings
        self.indicatorValues = indicatorValues
        self.rules = rules
        self.duration = duration
    }

    /// The report line of a rule.
    public func rule(_ id: String) -> RuleReport? { rules.first { $0.ruleID == id } }

    /// The findings of one rule.
    public func findings(of ruleID: String) -> [Finding] { findings.filter { $0.ruleID == ruleID } }
}
