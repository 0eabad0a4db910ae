import FundModel

/// Everything a rule reads: the snapshot, the screening date and its configuration.
public struct RuleContext: Sendable {
    public let snapshot: Snapshot
    /// The screening date (`--as-of`).
    public let asOf: Day
    public let configuration: RulesConfiguration
    public let spec: RuleSpec
    /// The payment checked in real time, which is not in the snapshot (`PaymentFacts.row == -1`).
    public let candidate: Payment?
    /// The verification and determination registers as of `asOf`, when the run was given them (I07–I09).
    public let registers: RegisterFacts?

    public init(
        snapshot: Snapshot, asOf: Day, configuration: RulesConfiguration, spec: RuleSpec, candidate: Payment? = nil,
        registers: RegisterFacts? = nil
    ) {
        self.snapshot = snapshot
        self.asOf = asOf
        self.configuration = configuration
        self.spec = spec
        self.candidate = candidate
        self.registers = registers
    }

    // MARK: Settings

    /// The rule's settings in a region (the city's override over the province).
    public func settings(region: RegionCode?) -> RuleSettings {
        configuration.settings(spec.id, region: region)
    }

    /// The rule's settings in a region of the snapshot; -1 is the real-time candidate's region
    /// (or the province's settings).
    public func settings(regionID: Int32) -> RuleSettings {
        settings(region: regionCode(regionID))
    }

    /// The region code of a region id; -1 is the candidate's region, or `nil`.
    public func regionCode(_ regionID: Int32) -> RegionCode? {
        regionID >= 0 ? snapshot.regionCode(regionID) : candidate?.regionCode
    }

    /// Typed thresholds for every region of the snapshot, resolved once (the batch runs' lookup table).
    public func regionTable<P: Sendable>(_ make: (RuleSettings) -> P) -> RegionTable<P> {
        var values: [P] = []
        values.reserveCapacity(snapshot.regionCodes.count + 1)
        for id in 0..<Int32(snapshot.regionCodes.count) { values.append(make(settings(regionID: id))) }
        values.append(make(settings(regionID: -1)))
        return RegionTable(values: values)
    }

    /// The region id of a code (-1 for a code the snapshot never saw), to index a `RegionTable`.
    public func regionID(_ code: RegionCode) -> Int32 { snapshot.regionCodes.idOrNone(code.raw) }

    // MARK: Records of a payment

    /// The full record of a payment: the snapshot's row, or the real-time candidate.
    public func record(_ payment: PaymentFacts) -> Payment {
        if payment.row >= 0 { return snapshot.paymentRecord(payment.row) }
        guard let candidate else { preconditionFailure("a payment outside the snapshot needs the candidate") }
        return candidate
    }

    /// The payment id of a payment.
    public func paymentID(_ payment: PaymentFacts) -> String {
        payment.row >= 0 ? snapshot.payments.paymentID[Int(payment.row)] : record(payment).paymentID
    }

    /// The payment's item code (also for a code the snapshot never saw).
    public func itemCode(_ payment: PaymentFacts) -> String {
        payment.item >= 0 ? snapshot.itemCodes.name(payment.item) : record(payment).itemCode
    }

    /// The item as people read it: `工伤医疗费（MED）`, or the bare code when it is not on the list.
    public func itemLabel(_ payment: PaymentFacts) -> String { itemLabel(itemCode(payment)) }

    /// `工伤医疗费（MED）` for a code.
    public func itemLabel(_ code: String) -> String {
        snapshot.itemList.item(code).map { "\($0.name)（\(code)）" } ?? code
    }

    /// A finding on a payment (subject `payment`, id `RULE-payment-PAYMENTID`, region the paying region),
    /// with the payment amount at risk unless another is given.
    public func finding(
        on payment: PaymentFacts, severity: Severity, amount: Money? = nil, detail: String, evidence: [String] = []
    ) -> Finding {
        let record = record(payment)
        return Finding(
            ruleID: spec.id, severity: severity, regionCode: record.regionCode, subjectType: .payment,
            subjectID: record.paymentID, amount: amount ?? record.amount, detail: detail, evidence: evidence)
    }
}

/// A rule's typed thresholds by region id (the last slot is for -1: the candidate's or the province's).
public struct RegionTable<Value: Sendable>: Sendable {
    @usableFromInline let values: [Value]

    @inlinable
    public subscript(regionID: Int32) -> Value {
        regionID >= 0 ? values[Int(regionID)] : values[values.count - 1]
    }
}
