import FundModel

/// I02 可支付月数: months of expenditure the balance can pay: < 6 orange, < 3 red.
///
/// months = the `balance` at the end of the reference month ÷ the mean
/// monthly total expenditure (benefit + prevention + assessment + other) of
/// the 12 months ending with it, the mean taken over the months of that
/// window present in the ledger. Undefined (no warning) without a row for
/// the reference month or with no expenditure. A month's figure is the same
/// formula for the 12 months ending with that month, so `.month(reference)`
/// equals `.trailing12(reference)`; the one a year earlier is its own past.
public struct I02MonthsOfBalance: ScreeningRule {
    public let spec = RuleCatalog.spec("I02")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        guard let regions = IndicatorRegions(context.snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        let ledger = LedgerMonths(context.snapshot, regions: regions)
        let values: [[Decimal4?]] = (0..<regions.count).map { slot in
            periods.periods.indices.map { p in
                Self.months(ledger, slot, endingWith: periods.lastMonth(of: p))
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: values, test: .figure,
            judged: [RollingPeriods.current, RollingPeriods.previous], findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let balance = ledger.figures(w.slot, periods.reference).balance
            let spent = ledger.presentSum(w.slot, last: periods.reference, count: 12, \.total)
            let mean = Money(fen: spent.sum).scaled(by: 1, over: Int64(max(spent.months, 1)))
            return
                "\(w.regionName)\(periods.reference) 末基金余额 \(Money(fen: balance)) 元，按近 12 个月月均支出 \(mean) 元可支付 \(Decimal4.text(w.value)) 个月（阈值 \(w.figure) 个月，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue)) 个月），请关注基金支付风险"
        }
    }

    /// balance(last) × months present ÷ Σ total expenditure of the 12 months ending with `last`.
    static func months(_ ledger: LedgerMonths, _ slot: Int, endingWith last: YearMonth) -> Decimal4? {
        let end = ledger.figures(slot, last)
        guard end.present else { return nil }
        let spent = ledger.presentSum(slot, last: last, count: 12, \.total)
        guard spent.sum > 0 else { return nil }
        return Exact.decimal4(end.balance * Int64(spent.months), over: spent.sum)
    }
}
