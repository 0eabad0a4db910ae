import FundModel
import FundRules

/// R27 本人工资申报不实 (rev. 2): the declared `own_wage` of a case exceeds the levels' multiple (orange
/// 1.2, red 2) of the mean of the worker's `wages.csv` months among the `months` calendar months before the
/// accident month, with at least `min_months` of them present.
///
/// The own wage is the base of every benefit the case pays, so an inflated
/// declaration inflates them all. The amount at risk is the fund's one-off
/// payments of the case computed on the own wage (DISABILITY_LUMP,
/// MEDICAL_LUMP; reversals netted) times the share of the own wage above
/// that mean, both bounded as the own wage is (条例 64: [60 %, 300 %] of the
/// accident year's `avg_monthly_wage`): payments × (B(own) − B(mean)) /
/// B(own), rounded half up once. Without the average wage the two are
/// compared unbounded. Of two wage rows of one month the later counts;
/// repeated case rows are judged once.
public struct R27DeclaredWageInflated: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R27", name: "本人工资申报不实", subject: .case, tables: [.injuryCases, .wages],
        fields: [
            .graded([.orange, .red], .number, "multiples of the mean wage before the accident; fires above"),
            .params([
                FieldSpec("months", .count, "calendar months before the accident month"),
                FieldSpec("min_months", .count, "wage months that must be present"),
            ]),
        ], levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        var thresholds = RegionMemo(context) { settings in
            (
                levels: settings.gradedLevels, months: settings.count("params", "months"),
                minimum: settings.count("params", "min_months")
            )
        }
        let lumpItems = Set(
            [ItemCode.disabilityLump, ItemCode.medicalLump].compactMap { snapshot.itemCodes.id($0) })
        var months: [(month: YearMonth, fen: Int64)] = []
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            guard let declared = record.ownWage, declared > .zero else { continue }
            let (levels, window, minimum) = thresholds(record.regionCode)
            let accidentMonth = record.accidentDate.yearMonth
            let start = accidentMonth.adding(months: -window)
            months.removeAll(keepingCapacity: true)
            for wageRow in snapshot.wagesByWorker.rows(for: snapshot.caseWorker[row]) {
                let wage = snapshot.wages[Int(wageRow)]
                if wage.month >= start && wage.month < accidentMonth { R25WageSurge.keepLast(&months, wage) }
            }
            guard months.count >= max(1, minimum) else { continue }
            let sum = months.reduce(0) { $0 + $1.fen }
            let k = Int64(months.count)
            // own > multiple × sum / k  ⇔  own · k · 10 000 > multiple (1/10 000) · sum.
            guard sum > 0,
                let level = levels.first(where: {
                    Exact.exceeds(
                        [Exact.factor(declared.fen), Exact.factor(k), 10_000],
                        [Exact.factor($0.figure.tenThousandths), Exact.factor(sum)])
                })
            else { continue }
            let caseID = snapshot.caseIDs.idOrNone(record.caseID)
            let paid = snapshot.paymentsByCase.rows(for: caseID).reduce(Int64(0)) { total, payment in
                lumpItems.contains(snapshot.payments.item[Int(payment)])
                    ? total + snapshot.payments.amount[Int(payment)] : total
            }
            let average = snapshot.calculator.parameters.value(
                ParameterName.avgMonthlyWage, region: record.regionCode, year: record.accidentDate.year)
            let atRisk = Self.amountAtRisk(
                paid: Money(fen: paid), declared: declared, wageSum: sum, months: k, average: average)
            let mean = Money(fen: sum).scaled(by: 1, over: k)
            let multiple = Exact.decimal4(declared.fen * k, over: sum).map { $0.rounded(places: 2) } ?? "-"
            findings.append(
                Finding(
                    ruleID: spec.id, severity: level.severity, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: atRisk,
                    detail:
                        "申报本人工资 \(declared) 元，为事故前 \(window) 个月中 \(k) 个月缴费工资平均数 \(mean) 元的 \(multiple) 倍（阈值 \(level.figure) 倍），按本人工资计发的一次性待遇 \(Money(fen: paid)) 元中 \(atRisk) 元存疑，请核实工资申报",
                    evidence: [record.workerID.raw]))
        }
        return RuleOutput(findings: findings)
    }

    /// payments × (B(own) − B(mean)) / B(own), with B the bounds of 条例 64 of the accident year's average
    /// wage; computed in 1/10 000 fen, scaled by the month count so the mean stays whole.
    static func amountAtRisk(paid: Money, declared: Money, wageSum: Int64, months k: Int64, average: Decimal4?)
        -> Money
    {
        guard paid > .zero else { return .zero }
        // In units of 1/10 000 fen × k: own = fen·10 000·k, mean = sum·10 000, avg (1/10 000 yuan) = ·100·k.
        var own = declared.fen * 10_000 * k
        var mean = wageSum * 10_000
        if let average {
            let floor = average.tenThousandths * 100 * k * StatutoryRates.ownWageFloorPercent / 100
            let cap = average.tenThousandths * 100 * k * StatutoryRates.ownWageCapPercent / 100
            own = min(max(own, floor), cap)
            mean = min(max(mean, floor), cap)
        }
        guard own > mean, own > 0 else { return .zero }
        return paid.scaled(by: own - mean, over: own)
    }
}
