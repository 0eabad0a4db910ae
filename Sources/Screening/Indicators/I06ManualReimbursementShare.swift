import FundColumns
import FundModel
import FundRules

/// I06 手工报销占比: share of MED paid by manual reimbursement (手工报销, channel
/// `reimbursement`) rather than direct settlement, in percent: > 30 % yellow.
///
/// By amount: the MED amounts paid in the period (by `paid_date`, net of
/// reversals) through `reimbursement` over all MED amounts paid in it
/// (whatever the channel, a payment without one included), in the paying
/// region. Undefined when the MED total is zero or less.
public struct I06ManualReimbursementShare: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I06", name: "手工报销占比", kind: .indicator, subject: .region, tables: [.payments],
        fields: [.graded([.yellow])], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let regions = IndicatorRegions(snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        var tally = RatioTally(regions: regions, periods: periods)
        if let med = snapshot.itemCodes.id(ItemCode.med) {
            let columns = snapshot.payments
            let reimbursement = PaymentTable.flags(advance: false, channel: .reimbursement)
            for row in 0..<columns.count where columns.item[row] == med {
                let amount = columns.amount[row]
                let manual = columns.flags[row] & 0b110 == reimbursement  // bits 1–2: the channel
                tally.add(
                    regionID: columns.region[row], month: Day(ordinal: columns.paidDate[row]).yearMonth,
                    numerator: manual ? amount : 0, denominator: amount)
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: tally.figures(scale: 100), test: .figure,
            judged: [RollingPeriods.current, RollingPeriods.previous], findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            return
                "\(w.regionName)近 12 个月（\(w.period)）MED 支出 \(Money(fen: tally.denominator[w.slot][p])) 元中手工报销 \(Money(fen: tally.numerator[w.slot][p])) 元，占 \(Decimal4.text(w.value))%（阈值 \(w.figure)%，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请推进直接结算并核查手工报销票据"
        }
    }
}
