import FundModel

/// R08 ⚡ 重复票据: another payment has the same institution and the same non-empty invoice number;
/// every payment after the first fires, with the first as evidence.
///
/// "The first" is the earliest `paid_date`, then the smallest `payment_id`
/// (rules.md §5). Payments without an institution are never compared. Rev. 2:
/// a reversal (a negative payment of the same institution, invoice and the
/// opposite amount) cancels the earliest such payment it matches, and both are
/// left out first, so a bill reissued after a reversal does not fire.
public struct R08DuplicateInvoice: RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R08", name: "重复票据", subject: .payment, isRealTime: true, tables: [.payments],
        fields: [.level()])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let index = snapshot.paymentsByInvoice
        var group: [Int32] = []
        var findings: [Finding] = []
        for invoice in 0..<Int32(index.keyCount) where index.count(for: invoice) > 1 {
            group.removeAll(keepingCapacity: true)
            for row in index.rows(for: invoice) where columns.institution[Int(row)] >= 0 { group.append(row) }
            guard group.count > 1 else { continue }
            // By institution, then in "first" order.
            group.sort { a, b in
                let ia = columns.institution[Int(a)]
                let ib = columns.institution[Int(b)]
                if ia != ib { return ia < ib }
                return ReversalNetting.precedes(columns.facts(a), columns.facts(b), context)
            }
            var start = 0
            while start < group.count {
                var end = start + 1
                let institution = columns.institution[Int(group[start])]
                while end < group.count, columns.institution[Int(group[end])] == institution { end += 1 }
                let kept = ReversalNetting.standing(group[start..<end].map { columns.facts($0) })
                for payment in kept.dropFirst() {
                    let settings = context.settings(regionID: payment.region)
                    findings.append(finding(payment, first: kept[0], settings, context))
                }
                start = end
            }
        }
        return RuleOutput(findings: findings)
    }

    /// Real time: the new payment fires if an earlier payment of the snapshot, not cancelled by a reversal,
    /// has its institution and invoice.
    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        guard !payment.isReversal, payment.institution >= 0, payment.invoice >= 0 else { return [] }
        let columns = context.snapshot.payments
        var others: [PaymentFacts] = []
        for row in context.snapshot.paymentsByInvoice.rows(for: payment.invoice) where row != payment.row {
            let other = columns.facts(row)
            if other.institution == payment.institution { others.append(other) }
        }
        others.sort { ReversalNetting.precedes($0, $1, context) }
        guard let first = ReversalNetting.standing(others).first, ReversalNetting.precedes(first, payment, context)
        else { return [] }
        return [finding(payment, first: first, context.settings(regionID: payment.region), context)]
    }

    func finding(_ payment: PaymentFacts, first: PaymentFacts, _ settings: RuleSettings, _ context: RuleContext)
        -> Finding
    {
        let firstID = context.paymentID(first)
        let record = context.record(payment)
        return context.finding(
            on: payment, severity: settings.level,
            detail:
                "票据号 \(record.invoiceNo ?? "") 在机构 \(record.institutionID ?? "") 已于 \(first.paidDate) 由支付 \(firstID) 报销，本笔为重复报销，请核实并追回",
            evidence: [firstID])
    }
}
