import FundModel

/// What the indicators fed by the registers read besides the imported data: the verification of the findings
/// (I08 疑点核查完成率, I09 违规确认与追回金额) and the determination register's timing (I07).
///
/// The interchange files carry neither: the verification workflow and the
/// determination register live in the store, and no rule touches the store.
/// So whoever screens reads them once (FundStore's `findingVerificationRows`
/// and `determinationTimingRows`, as of the screening date) and passes them to
/// `ScreeningEngine.run`. Without them I08 and I09 are "not run (no data)" and
/// I07 counts the imported cases only.
///
/// One row per finding and per register file rather than monthly sums: the
/// indicators' `days` can be changed per city in the configuration, and I07
/// must know which case ids the register holds so that none is counted twice.
public struct RegisterFacts: Sendable {
    /// Every finding of the findings register, with its verification as of the screening date.
    public var verifications: [FindingVerificationRow]
    /// Every file of the determination register, as of the screening date.
    public var determinations: [DeterminationTimingRow]

    public init(verifications: [FindingVerificationRow] = [], determinations: [DeterminationTimingRow] = []) {
        self.verifications = verifications
        self.determinations = determinations
    }

    /// The indicators that cannot run without the facts (I07 can: it falls back to the imported cases).
    static let requiredBy: Set<String> = ["I08", "I09"]
}
