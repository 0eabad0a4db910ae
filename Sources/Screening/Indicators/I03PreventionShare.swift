import FundModel

/// I03 工伤预防费占比: 工伤预防费 (`prevention_expenditure`) in a calendar year as a share of
/// the previous year's `revenue`, in percent: > 3 % red (the national cap).
///
/// - A year's figure is its spending to date (January to the reference month
///   for the reference month's year, else the whole year, over the months in
///   the ledger) ÷ the previous year's revenue, which must have all 12 months
///   (a part year would inflate the share) and be above zero.
/// - A month's figure is the spending of its year up to that month over the
///   same revenue: how close the year is to the cap.
/// - The years are judged; the finding is for the reference month's year
///   (to date) or the last complete year before it, whichever reaches the
///   more severe level (the later on a tie): a breach of last year is still
///   to be verified early in the new one.
/// - The amount at risk is the spending above the level's threshold
///   (spending − revenue × threshold %).
public struct I03PreventionShare: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I03", name: "工伤预防费占比", kind: .indicator, subject: .region, tables: [.fundLedger],
        fields: [.graded([.red])], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        guard let regions = IndicatorRegions(context.snapshot) else { return RuleOutput() }
        let rolling = RollingPeriods(asOf: context.asOf)
        let ledger = LedgerMonths(context.snapshot, regions: regions)
        let reference = rolling.reference
        let firstYear = ledger.isEmpty ? reference.year : YearMonth(index: ledger.firstMonth).year
        let years = Array(min(firstYear + 1, reference.year - 1)...reference.year)
        // Months of the window, then the years, oldest first.
        let ends: [YearMonth] =
            rolling.months + years.map { $0 == reference.year ? reference : YearMonth(year: $0, month: 12)! }
        let periods = rolling.months.map { IndicatorPeriod.month($0) } + years.map { IndicatorPeriod.year($0) }
        let values: [[Decimal4?]] = (0..<regions.count).map { slot in
            ends.map { end in
                Self.figures(ledger, slot, through: end).flatMap {
                    Exact.decimal4($0.prevention, over: $0.revenue, scale: 100)
                }
            }
        }
        let yearPeriods = Set(12..<periods.count)
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods, values: values, test: .figure, judged: yearPeriods,
            findingPeriods: [periods.count - 2, periods.count - 1])
        func figures(_ w: IndicatorWarning) -> (prevention: Int64, revenue: Int64, end: YearMonth) {
            guard case .year(let year) = w.period else { return (0, 0, reference) }
            let end = year == reference.year ? reference : YearMonth(year: year, month: 12)!
            let f = Self.figures(ledger, w.slot, through: end) ?? (0, 0)
            return (f.prevention, f.revenue, end)
        }
        return results.output(
            context,
            detail: { w in
                let f = figures(w)
                return
                    "\(w.regionName)\(w.period) 年（截至 \(f.end)）工伤预防费支出 \(Money(fen: f.prevention)) 元，占上年基金收入 \(Money(fen: f.revenue)) 元的 \(Decimal4.text(w.value))%，超过 \(w.figure)% 上限（\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请核查预防费的使用"
            },
            amount: { w in
                let f = figures(w)
                return Money(fen: f.prevention)
                    - Money(fen: f.revenue).scaled(by: w.figure.tenThousandths, over: 1_000_000)
            })
    }

    /// The prevention spending of `through.year` up to `through` (months present) and the whole
    /// previous year's revenue; `nil` without a complete, positive previous year or any month of spending.
    static func figures(_ ledger: LedgerMonths, _ slot: Int, through: YearMonth) -> (prevention: Int64, revenue: Int64)?
    {
        guard
            let revenue = ledger.completeSum(
                slot, last: YearMonth(year: through.year - 1, month: 12)!, count: 12, \.revenue),
            revenue > 0
        else { return nil }
        let spent = ledger.presentSum(slot, last: through, count: through.month, \.prevention)
        guard spent.months > 0 else { return nil }
        return (spent.sum, revenue)
    }
}
