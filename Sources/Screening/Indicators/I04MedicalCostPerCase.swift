import FundModel
import FundRules

/// I04 案均医疗费: MED paid per recognized case, in yuan: > 1.5 × the province's yellow.
///
/// The MED payments (net of reversals) paid in the period (by `paid_date`:
/// money out of the fund) on cases determined `recognized` or `deemed`, over
/// the number of distinct such cases with a MED payment in the period. The
/// region is the paying region. Advance payments without a determined case
/// are left out of both sides.
public struct I04MedicalCostPerCase: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I04", name: "案均医疗费", kind: .indicator, subject: .region, tables: [.payments, .injuryCases],
        fields: [.graded([.yellow])], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let regions = IndicatorRegions(snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        var tally = RatioTally(regions: regions, periods: periods)
        var cases = [[Set<Int32>]](
            repeating: [Set<Int32>](repeating: [], count: periods.periods.count), count: regions.count)
        if let med = snapshot.itemCodes.id(ItemCode.med) {
            let entitled = (0..<Int32(snapshot.caseIDs.count)).map {
                snapshot.caseRecord($0)?.decision.entitlesBenefits ?? false
            }
            let columns = snapshot.payments
            for row in 0..<columns.count where columns.item[row] == med {
                let caseID = columns.caseID[row]
                guard caseID >= 0, entitled[Int(caseID)] else { continue }
                let month = Day(ordinal: columns.paidDate[row]).yearMonth
                let region = columns.region[row]
                tally.add(regionID: region, month: month, numerator: columns.amount[row], denominator: 0)
                let city = regions.citySlot(regionID: region)
                guard city != -2, let (first, second) = periods.indexes(of: month) else { continue }
                for slot in city >= 0 ? [city, regions.provinceSlot] : [regions.provinceSlot] {
                    cases[slot][first].insert(caseID)
                    if second >= 0 { cases[slot][second].insert(caseID) }
                }
            }
        }
        for slot in 0..<regions.count {
            for p in periods.periods.indices {
                tally.setDenominator(slot: slot, period: p, Int64(cases[slot][p].count) * 100)
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: tally.figures(scale: 1),
            test: .multipleOfProvince, judged: [RollingPeriods.current, RollingPeriods.previous],
            findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            let multiple = w.provinceValue.flatMap { Exact.decimal4(w.value.tenThousandths, over: $0.tenThousandths) }
            return
                "\(w.regionName)近 12 个月（\(w.period)）认定工伤案件案均医疗费 \(Decimal4.text(w.value)) 元（\(cases[w.slot][p].count) 件，MED 共 \(Money(fen: tally.numerator[w.slot][p])) 元），为全省 \(Decimal4.text(w.provinceValue)) 元的 \(Decimal4.text(multiple)) 倍（阈值 \(w.figure) 倍，\(w.severity.chineseName)），请核查医疗费支出是否合理"
        }
    }
}
