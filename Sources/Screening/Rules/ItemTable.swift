import FundModel

/// A rule's per-item thresholds, addressed by the snapshot's item ids in the hot loop.
///
/// The configuration is keyed by item code; this turns it into an array by
/// item id once per region, and keeps the codes for a real-time payment whose
/// item the snapshot never saw (id -1).
public struct ItemTable<Value: Sendable>: Sendable {
    @usableFromInline let byID: [Value?]
    @usableFromInline let byCode: [String: Value]

    public init(_ byCode: [String: Value], in snapshot: Snapshot) {
        var byID = [Value?](repeating: nil, count: snapshot.itemCodes.count)
        for (code, value) in byCode {
            if let id = snapshot.itemCodes.id(code) { byID[Int(id)] = value }
        }
        self.byID = byID
        self.byCode = byCode
    }

    /// The value for a payment's item, if the configuration has one.
    @inlinable
    public func value(for payment: PaymentFacts, in context: RuleContext) -> Value? {
        payment.item >= 0 ? byIDValue(payment.item) : byCode[context.itemCode(payment)]
    }

    @usableFromInline
    func byIDValue(_ item: Int32) -> Value? { Int(item) < byID.count ? byID[Int(item)] : nil }

    /// Whether any item has a value (a region where the rule has nothing to check can skip its payments).
    public var isEmpty: Bool { byCode.isEmpty }
}

/// A set of item codes, as item ids of the snapshot (with the codes for unknown ids).
public struct ItemSet: Sendable {
    @usableFromInline let members: [Bool]
    @usableFromInline let codes: Set<String>

    public init(_ codes: some Sequence<String>, in snapshot: Snapshot) {
        let codes = Set(codes)
        var members = [Bool](repeating: false, count: snapshot.itemCodes.count)
        for code in codes {
            if let id = snapshot.itemCodes.id(code) { members[Int(id)] = true }
        }
        self.members = members
        self.codes = codes
    }

    @inlinable
    public func contains(_ payment: PaymentFacts, in context: RuleContext) -> Bool {
        payment.item >= 0 ? containsID(payment.item) : codes.contains(context.itemCode(payment))
    }

    @usableFromInline
    func containsID(_ item: Int32) -> Bool { Int(item) < members.count && members[Int(item)] }
}
