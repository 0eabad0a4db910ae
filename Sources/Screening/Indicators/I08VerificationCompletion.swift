import FundModel

/// I08 疑点核查完成率: of the findings older than 60 days (`days`), the share whose verification has concluded,
/// in percent: < 80 % yellow.
///
/// Read from the findings register (`RuleContext.registers`), not the
/// interchange data: without it the engine reports I08 "not run (no data)".
/// A finding's age counts from the screening date of the run that first
/// raised it; it is due once older than `days` days, i.e. from the day
/// raised + `days` + 1, and counts in the period of that day (as the
/// determination register counts an undecided case in the period its 60 days
/// ran out), provided that day is not after the screening date. It is
/// verified when concluded (cleared, irregular or fraud) on or before the
/// screening date, however late: the figure is a completion rate; how many
/// were concluded within `days` is shown beside it. Every finding counts, also
/// one a later run no longer raises (it stays on record, rules.md §4), in its
/// region's city and in the province. A city's figure uses the city's `days`,
/// the province's the province's.
public struct I08VerificationCompletion: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I08", name: "疑点核查完成率", kind: .indicator, subject: .region, tables: [],
        fields: [.graded([.yellow]), .params([FieldSpec("days", .days, "age of the findings")])],
        levelOrder: .descending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        guard let registers = context.registers, let regions = IndicatorRegions(context.snapshot) else {
            return RuleOutput()
        }
        let periods = RollingPeriods(asOf: context.asOf)
        let limits = regions.codes.map { context.settings(region: $0).count("params", "days") }
        var verified = RatioTally(regions: regions, periods: periods)  // verified / due
        var withinDays = RatioTally(regions: regions, periods: periods)  // verified within `days` / due
        for row in registers.verifications {
            let city = regions.citySlot(code: row.regionCode)
            guard city != -2 else { continue }
            let concluded = row.concludedDate.flatMap { $0 <= context.asOf ? $0 : nil }
            for slot in city >= 0 ? [city, regions.provinceSlot] : [regions.provinceSlot] {
                let due = row.raisedDate.adding(days: limits[slot] + 1)
                guard due <= context.asOf else { continue }
                let within = concluded.map { row.raisedDate.distance(to: $0) <= limits[slot] } ?? false
                verified.add(slot: slot, month: due.yearMonth, numerator: concluded == nil ? 0 : 1, denominator: 1)
                withinDays.add(slot: slot, month: due.yearMonth, numerator: within ? 1 : 0, denominator: 1)
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: verified.figures(scale: 100),
            test: .figure, judged: [RollingPeriods.current, RollingPeriods.previous],
            findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            let due = verified.denominator[w.slot][p]
            let done = verified.numerator[w.slot][p]
            let late = done - withinDays.numerator[w.slot][p]
            return
                "\(w.regionName)近 12 个月（\(w.period)）发现满 \(limits[w.slot]) 天应完成核查的疑点 \(due) 条，已核查办结 \(done) 条（其中超过 \(limits[w.slot]) 天办结 \(late) 条），尚未办结 \(due - done) 条，核查完成率 \(Decimal4.text(w.value))%（阈值 \(w.figure)%，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请督促按时核查"
        }
    }
}
