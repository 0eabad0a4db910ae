import FundModel

/// I02 可支付月数: months of expenditure the balance can pay: < 6 orange, < 3 red.
///
/// months = the latest balance ÷ the mean monthly total expenditure
/// (benefit + prevention + assessment + other) of the 12 months ending with
/// the reference month. The latest balance is the `balance` of the latest
/// month of that window in the ledger (a ledger a month behind still gets its
/// figure); the mean is over the months of the window in the ledger.
/// Undefined (no warning) without any row in the window or with no
/// expenditure. A month's figure is the same formula for the 12 months ending
/// with that month, so `.month(reference)` equals `.trailing12(reference)`;
/// the one a year earlier is its own past.
public struct I02MonthsOfBalance: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I02", name: "可支付月数", kind: .indicator, subject: .region, tables: [.fundLedger],
        fields: [.graded([.orange, .red])], levelOrder: .descending)

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
            let figures = Self.figures(ledger, w.slot, endingWith: periods.reference)
            let mean = Money(fen: figures?.spent ?? 0).scaled(by: 1, over: Int64(max(figures?.months ?? 1, 1)))
            return
                "\(w.regionName)\(figures?.latest.iso ?? "-") 末基金余额 \(Money(fen: figures?.balance ?? 0)) 元，按近 12 个月月均支出 \(mean) 元可支付 \(Decimal4.text(w.value)) 个月（阈值 \(w.figure) 个月，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue)) 个月），请关注基金支付风险"
        }
    }

    /// The latest balance in the 12 months ending with `last` (and its month), the total
    /// expenditure of those months and how many are in the ledger; `nil` without any.
    static func figures(_ ledger: LedgerMonths, _ slot: Int, endingWith last: YearMonth) -> (
        latest: YearMonth, balance: Int64, spent: Int64, months: Int
    )? {
        guard
            let latest = (0..<12).lazy.map({ last.adding(months: -$0) }).first(where: {
                ledger.figures(slot, $0).present
            })
        else { return nil }
        let spent = ledger.presentSum(slot, last: last, count: 12, \.total)
        return (latest, ledger.figures(slot, latest).balance, spent.sum, spent.months)
    }

    /// latest balance × months present ÷ Σ total expenditure of the 12 months ending with `last`.
    static func months(_ ledger: LedgerMonths, _ slot: Int, endingWith last: YearMonth) -> Decimal4? {
        guard let f = figures(ledger, slot, endingWith: last), f.spent > 0 else { return nil }
        return Exact.decimal4(f.balance * Int64(f.months), over: f.spent)
    }
}
