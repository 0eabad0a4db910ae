import FundModel

/// I01 待遇支出增长率: benefit expenditure (`benefit_expenditure` of fund_ledger.csv), trailing
/// 12 months year on year, in percent: > 20 % yellow, > 35 % orange, > 50 % red.
///
/// growth = (Σ the 12 months ending with the reference month − Σ the 12
/// months before them) ÷ Σ the 12 months before × 100. Both windows must have
/// all their months in the ledger (a missing month would pass for a fall or a
/// rise), and the earlier sum must be above zero. A month's figure is the
/// same ratio for that month against the same month a year earlier.
public struct I01ExpenditureGrowth: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I01", name: "待遇支出增长率", kind: .indicator, subject: .region, tables: [.fundLedger],
        fields: [.graded([.yellow, .orange, .red])], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        guard let regions = IndicatorRegions(context.snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        let ledger = LedgerMonths(context.snapshot, regions: regions)
        let values: [[Decimal4?]] = (0..<regions.count).map { slot in
            periods.periods.indices.map { p in
                Self.sums(ledger, slot, last: periods.lastMonth(of: p), count: periods.length(of: p)).flatMap {
                    Exact.decimal4($0.current - $0.previous, over: $0.previous, scale: 100)
                }
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: values, test: .figure,
            judged: [RollingPeriods.current, RollingPeriods.previous], findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let pair = Self.sums(ledger, w.slot, last: periods.reference, count: 12)
            return
                "\(w.regionName)近 12 个月（\(w.period)）待遇支出 \(Money(fen: pair?.current ?? 0)) 元，较上年同期 \(Money(fen: pair?.previous ?? 0)) 元增长 \(Decimal4.text(w.value))%（阈值 \(w.figure)%，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请分析支出增长原因，核查是否有异常支付"
        }
    }

    /// The benefit expenditure of `count` months ending with `last` and of the same months a year
    /// earlier; `nil` unless every month is present and the earlier sum is above zero.
    static func sums(_ ledger: LedgerMonths, _ slot: Int, last: YearMonth, count: Int) -> (
        current: Int64, previous: Int64
    )? {
        guard let current = ledger.completeSum(slot, last: last, count: count, \.benefit),
            let previous = ledger.completeSum(slot, last: last.adding(months: -12), count: count, \.benefit),
            previous > 0
        else { return nil }
        return (current, previous)
    }
}
