import FundModel

/// What the payment rules that count repeats share (R08, R26): which payment came first, and which
/// payments stand once the reversals have cancelled theirs.
enum ReversalNetting {
    /// rules.md §5's "the first": the earlier `paid_date`, then the smaller `payment_id`.
    static func precedes(_ a: PaymentFacts, _ b: PaymentFacts, _ context: RuleContext) -> Bool {
        if a.paidDate != b.paidDate { return a.paidDate < b.paidDate }
        return context.paymentID(a) < context.paymentID(b)
    }

    /// The payments of `ordered` (in "first" order) that are not reversals and not cancelled by one: each
    /// reversal cancels the earliest payment not yet cancelled that has the opposite amount and that
    /// `matches` it (rules.md rev. 2, R08 and R26).
    static func standing(
        _ ordered: [PaymentFacts],
        matches: (_ payment: PaymentFacts, _ reversal: PaymentFacts) -> Bool = { _, _ in true }
    ) -> [PaymentFacts] {
        var cancelled = [Bool](repeating: false, count: ordered.count)
        for reversal in ordered where reversal.isReversal {
            if let match = ordered.indices.first(where: {
                let p = ordered[$0]
                return !cancelled[$0] && !p.isReversal && p.amount == -reversal.amount && matches(p, reversal)
            }) {
                cancelled[match] = true
            }
        }
        return ordered.indices.filter { !cancelled[$0] && !ordered[$0].isReversal }.map { ordered[$0] }
    }
}
