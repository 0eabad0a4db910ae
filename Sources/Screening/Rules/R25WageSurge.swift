import FundModel

/// R25 缴费基数突增: the mean wage of the 3 months before the accident exceeds 1.5 × the median
/// of the 12 months before those (orange, on the case).
///
/// A contribution base raised just before an accident inflates the own wage
/// (本人工资) on which every benefit of the case is computed.
///
/// - "The months before the accident" are whole calendar months before the
///   accident's month: for an accident in June 2025, the recent months are
///   March–May 2025 and the baseline March 2024–February 2025.
/// - Each window uses the months present in wages.csv; a case is judged
///   only when both windows have at least one. Of two rows for the same
///   worker and month, the later one counts (as a re-import would replace it).
/// - The median of an even number of months is the mean of the two middle
///   wages; the comparison is exact: 2·Σrecent·10 000 > ratio·k·(low + high)
///   with k the recent months present.
public struct R25WageSurge: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R25", name: "缴费基数突增", subject: .case, tables: [.injuryCases, .wages],
        fields: [
            .level(),
            .params([
                FieldSpec("ratio", .number, "recent mean over the baseline median"),
                FieldSpec("recent_months", .count), FieldSpec("baseline_months", .count),
            ]),
        ])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        var thresholds = RegionMemo(context) { settings in
            (
                level: settings.level, recent: settings.count("params", "recent_months"),
                baseline: settings.count("params", "baseline_months"), ratio: settings.number("params", "ratio")
            )
        }
        // The worker's wages are in month order, so a repeated month follows its first row.
        var recent: [(month: YearMonth, fen: Int64)] = []
        var baseline: [(month: YearMonth, fen: Int64)] = []
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            let (level, recentMonths, baselineMonths, ratio) = thresholds(record.regionCode)
            let accidentMonth = record.accidentDate.yearMonth
            let recentStart = accidentMonth.adding(months: -recentMonths)
            let baselineStart = recentStart.adding(months: -baselineMonths)
            recent.removeAll(keepingCapacity: true)
            baseline.removeAll(keepingCapacity: true)
            for wageRow in snapshot.wagesByWorker.rows(for: snapshot.caseWorker[row]) {
                let wage = snapshot.wages[Int(wageRow)]
                if wage.month >= recentStart && wage.month < accidentMonth {
                    Self.keepLast(&recent, wage)
                } else if wage.month >= baselineStart && wage.month < recentStart {
                    Self.keepLast(&baseline, wage)
                }
            }
            guard !recent.isEmpty, !baseline.isEmpty else { continue }
            let sum = recent.reduce(0) { $0 + $1.fen }
            let k = Int64(recent.count)
            let median = Exact.middle(baseline.map(\.fen).sorted())
            let twiceMedian = median.low + median.high
            guard sum > 0,
                Exact.exceeds(
                    [Exact.factor(sum), 20_000],
                    [Exact.factor(ratio.tenThousandths), Exact.factor(k), Exact.factor(twiceMedian)])
            else { continue }
            let mean = Money(fen: sum).scaled(by: 1, over: k)
            let medianYuan = Decimal4(tenThousandths: twiceMedian * 50).rounded(places: 2)
            let multiple =
                twiceMedian > 0 ? (Exact.decimal4(sum * 2, over: k * twiceMedian)?.rounded(places: 2) ?? "-") : "∞"
            findings.append(
                Finding(
                    ruleID: spec.id, severity: level, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: .zero,
                    detail:
                        "事故（\(record.accidentDate)）前 \(recentMonths) 个月（\(recentStart)–\(accidentMonth.adding(months: -1))）平均缴费工资 \(mean) 元，为此前 \(baselineMonths) 个月中位数 \(medianYuan) 元的 \(multiple) 倍（阈值 \(ratio) 倍），请核查是否出险前后虚增缴费基数",
                    evidence: [record.workerID.raw]))
        }
        return RuleOutput(findings: findings)
    }

    /// Appends a month's wage, or replaces the previous row of the same month (the later row counts).
    static func keepLast(_ months: inout [(month: YearMonth, fen: Int64)], _ wage: Wage) {
        if months.last?.month == wage.month {
            months[months.count - 1].fen = wage.wage.fen
        } else {
            months.append((wage.month, wage.wage.fen))
        }
    }
}
