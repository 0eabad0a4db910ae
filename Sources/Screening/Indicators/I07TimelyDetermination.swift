import FundModel

/// I07 认定按时办结率: determinations decided within 60 days (`days`) of acceptance, in
/// percent: < 90 % yellow.
///
/// The cases decided in the period (by `decided_date`) that have an
/// `accepted_date`, in the region where the determination is made; the share
/// decided at most `days` calendar days after acceptance (as R21, whose
/// "more than 60 days" is the complement). A city's figure uses the city's
/// `days`, the province's figure the province's. Each `case_id` once.
public struct I07TimelyDetermination: ScreeningRule {
    public let spec = RuleCatalog.spec("I07")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let regions = IndicatorRegions(snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        let limits = regions.codes.map { context.settings(region: $0).count("params", "days") }
        var tally = RatioTally(regions: regions, periods: periods)
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let accepted = record.acceptedDate, let decided = record.decidedDate else { continue }
            let days = accepted.distance(to: decided)
            let city = regions.citySlot(record.regionCode, in: snapshot)
            guard city != -2 else { continue }
            for slot in city >= 0 ? [city, regions.provinceSlot] : [regions.provinceSlot] {
                tally.add(
                    slot: slot, month: decided.yearMonth, numerator: days <= limits[slot] ? 1 : 0, denominator: 1)
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: tally.figures(scale: 100), test: .figure,
            judged: [RollingPeriods.current, RollingPeriods.previous], findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            return
                "\(w.regionName)近 12 个月（\(w.period)）作出认定决定 \(tally.denominator[w.slot][p]) 件，受理后 \(limits[w.slot]) 天内办结 \(tally.numerator[w.slot][p]) 件，按时办结率 \(Decimal4.text(w.value))%（阈值 \(w.figure)%，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请核查认定办理时限"
        }
    }
}
