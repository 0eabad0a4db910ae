import FundModel
import FundRules

/// I07 认定按时办结率: determinations decided within 60 days (`days`) of acceptance, in
/// percent: < 90 % yellow.
///
/// The cases decided in the period (by `decided_date`) that have an
/// `accepted_date`, in the region where the determination is made; the share
/// decided at most `days` calendar days after acceptance (as R21, whose
/// "more than 60 days" is the complement), the last day moved off a day that
/// is not a working day in the case's region (民法典 203, rev. 2; the
/// snapshot's calendar). A city's figure uses the city's `days`, the
/// province's figure the province's. Each `case_id` once.
///
/// When the run is given the determination register (`RuleContext.registers`),
/// a case in the register counts from the register, as its own on-time rate
/// does (`DeterminationRegister.onTimeRates`): the days its clock stood
/// suspended are added to `days`, and a case still undecided whose `days` ran
/// out in the period before the screening date counts against the rate
/// (unless suspended now). An imported case the register does not hold counts
/// as above; an imported case it holds is not counted again. Each file is
/// classified by FundRules' `DeterminationTimeliness`, as the register's rate is.
public struct I07TimelyDetermination: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I07", name: "认定按时办结率", kind: .indicator, subject: .region, tables: [.injuryCases],
        fields: [.graded([.yellow]), .params([FieldSpec("days", .days, "days from acceptance")])],
        levelOrder: .descending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let regions = IndicatorRegions(snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        let limits = regions.codes.map { context.settings(region: $0).count("params", "days") }
        var tally = RatioTally(regions: regions, periods: periods)
        func slots(_ city: Int) -> [Int] { city >= 0 ? [city, regions.provinceSlot] : [regions.provinceSlot] }

        // The register first: its cases are not counted again from the imported data.
        var registered = Set<String>()
        var fromRegister = RatioTally(regions: regions, periods: periods)  // overdue undecided / register cases
        for row in context.registers?.determinations ?? [] where registered.insert(row.caseID).inserted {
            let city = regions.citySlot(code: row.regionCode)
            guard row.acceptedDate != nil, city != -2 else { continue }
            for slot in slots(city) {
                let timeliness = DeterminationTimeliness(
                    row, limitDays: limits[slot], asOf: context.asOf, calendar: snapshot.calendar)
                guard let day = timeliness.countedOn else { continue }
                let overdue: Int64 = if case .overduePending = timeliness { 1 } else { 0 }
                tally.add(slot: slot, month: day.yearMonth, numerator: timeliness.isOnTime ? 1 : 0, denominator: 1)
                fromRegister.add(slot: slot, month: day.yearMonth, numerator: overdue, denominator: 1)
            }
        }

        // An imported case counts once decided: the interchange files do not say whether its clock stands
        // suspended, so an undecided one is not judged.
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard !registered.contains(record.caseID) else { continue }
            guard record.acceptedDate != nil, record.decidedDate != nil else { continue }
            let city = regions.citySlot(record.regionCode, in: snapshot)
            guard city != -2 else { continue }
            let timing = DeterminationTimingRow(
                caseID: record.caseID, regionCode: record.regionCode, acceptedDate: record.acceptedDate,
                decidedDate: record.decidedDate)
            for slot in slots(city) {
                let timeliness = DeterminationTimeliness(
                    timing, limitDays: limits[slot], asOf: context.asOf, calendar: snapshot.calendar)
                guard let day = timeliness.countedOn else { continue }
                tally.add(slot: slot, month: day.yearMonth, numerator: timeliness.isOnTime ? 1 : 0, denominator: 1)
            }
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: tally.figures(scale: 100), test: .figure,
            judged: [RollingPeriods.current, RollingPeriods.previous], findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            let counted =
                context.registers == nil
                ? "作出认定决定 \(tally.denominator[w.slot][p]) 件"
                : "作出认定决定及逾期未决 \(tally.denominator[w.slot][p]) 件（其中认定台账 \(fromRegister.denominator[w.slot][p]) 件，扣除中止时间计算，逾期未决 \(fromRegister.numerator[w.slot][p]) 件计为未按时）"
            return
                "\(w.regionName)近 12 个月（\(w.period)）\(counted)，受理后 \(limits[w.slot]) 天内办结 \(tally.numerator[w.slot][p]) 件，按时办结率 \(Decimal4.text(w.value))%（阈值 \(w.figure)%，\(w.severity.chineseName)；全省 \(Decimal4.text(w.provinceValue))%），请核查认定办理时限"
        }
    }
}
