import FundModel

/// R08 ⚡ 重复票据: another payment has the same institution and the same non-empty invoice number;
/// every payment after the first fires, with the first as evidence.
///
/// "The first" is the earliest `paid_date`, then the smallest `payment_id`
/// (rules.md §5). Payments without an institution are never compared, and
/// reversals (which carry their original's invoice) are left out entirely.
public struct R08DuplicateInvoice: RealTimeRule {
    public let spec = RuleCatalog.spec("R08")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let index = snapshot.paymentsByInvoice
        var group: [Int32] = []
        var findings: [Finding] = []
        for invoice in 0..<Int32(index.keyCount) where index.count(for: invoice) > 1 {
            group.removeAll(keepingCapacity: true)
            for row in index.rows(for: invoice)
            where columns.institution[Int(row)] >= 0 && columns.amount[Int(row)] >= 0 {
                group.append(row)
            }
            guard group.count > 1 else { continue }
            // By institution, then in "first" order: each run's head is the first, the rest fire.
            group.sort { a, b in
                let ia = columns.institution[Int(a)]
                let ib = columns.institution[Int(b)]
                if ia != ib { return ia < ib }
                return precedes(columns.facts(a), columns.facts(b), context: context)
            }
            var head = 0
            for position in 1..<group.count {
                let row = group[position]
                if columns.institution[Int(row)] != columns.institution[Int(group[head])] {
                    head = position
                    continue
                }
                let settings = context.settings(regionID: columns.region[Int(row)])
                findings.append(finding(columns.facts(row), first: columns.facts(group[head]), settings, context))
            }
        }
        return RuleOutput(findings: findings)
    }

    /// Real time: the new payment fires if an earlier payment of the snapshot has its institution and invoice.
    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        guard !payment.isReversal, payment.institution >= 0, payment.invoice >= 0 else { return [] }
        let columns = context.snapshot.payments
        var first: PaymentFacts?
        for row in context.snapshot.paymentsByInvoice.rows(for: payment.invoice) where row != payment.row {
            let other = columns.facts(row)
            guard other.institution == payment.institution, !other.isReversal else { continue }
            if first.map({ precedes(other, $0, context: context) }) ?? true { first = other }
        }
        guard let first, precedes(first, payment, context: context) else { return [] }
        return [finding(payment, first: first, context.settings(regionID: payment.region), context)]
    }

    /// rules.md §5: earlier `paid_date`, then smaller `payment_id`.
    func precedes(_ a: PaymentFacts, _ b: PaymentFacts, context: RuleContext) -> Bool {
        if a.paidDate != b.paidDate { return a.paidDate < b.paidDate }
        return context.paymentID(a) < context.paymentID(b)
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
