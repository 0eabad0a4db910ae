import FundModel

/// I05 一至四级伤残占比: share of grades 1–4 among initial assessments, in percent: > 2 × the
/// province's orange.
///
/// The initial assessments concluded in the period (by `concluded_date`), with
/// or without a grade (as R17's denominator), in the committee's region; each
/// `assessment_id` once.
public struct I05SevereGradeShare: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I05", name: "一至四级伤残占比", kind: .indicator, subject: .region, tables: [.assessments],
        fields: [.graded([.orange])], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let regions = IndicatorRegions(snapshot) else { return RuleOutput() }
        let periods = RollingPeriods(asOf: context.asOf)
        var tally = RatioTally(regions: regions, periods: periods)
        for row in RecordRows.firstAssessments(snapshot) {
            let assessment = snapshot.assessments[row]
            guard assessment.kind == .initial, let concluded = assessment.concludedDate else { continue }
            tally.add(
                regionID: snapshot.regionCodes.id(assessment.regionCode.raw) ?? -1, month: concluded.yearMonth,
                numerator: R17GradeConcentration.isSevere(assessment.grade) ? 1 : 0, denominator: 1)
        }
        let results = IndicatorResults(
            spec: spec, regions: regions, periods: periods.periods, values: tally.figures(scale: 100),
            test: .multipleOfProvince, judged: [RollingPeriods.current, RollingPeriods.previous],
            findingPeriods: [RollingPeriods.current])
        return results.output(context) { w in
            let p = RollingPeriods.current
            return
                "\(w.regionName)近 12 个月（\(w.period)）初次鉴定 \(tally.denominator[w.slot][p]) 件中 1–4 级 \(tally.numerator[w.slot][p]) 件，占 \(Decimal4.text(w.value))%，超过全省 \(Decimal4.text(w.provinceValue))% 的 \(w.figure) 倍（\(w.severity.chineseName)），请核查鉴定等级评定"
        }
    }
}
