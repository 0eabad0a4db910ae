import FundModel
import FundRules

/// R14 住院时间重叠: two MED payments of one worker at different institutions, each with a period of
/// at least `min_nights` nights, overlapping by `min_overlap_nights` or more; the later payment fires.
///
/// Stays overlap by min(ends) − max(starts) nights (rules.md §5). "The later"
/// is the later period start, then the later paid date, then the larger
/// payment id. A payment without an institution is not compared. The
/// evidence lists every earlier stay it overlaps.
public struct R14OverlappingStays: ScreeningRule {
    public let spec = RuleCatalog.spec("R14")!

    public init() {}

    struct Parameters: Sendable {
        var level: Severity
        var minNights: Int
        var minOverlap: Int
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        guard let med = snapshot.itemCodes.id(ItemCode.med) else { return RuleOutput() }
        let table = context.regionTable {
            Parameters(
                level: $0.level, minNights: $0.count("params", "min_nights"),
                minOverlap: $0.count("params", "min_overlap_nights"))
        }
        let index = snapshot.paymentsByWorker
        let (periodStart, paidDate, paymentIDs) = (columns.periodStart, columns.paidDate, columns.paymentID)
        var stays: [Int32] = []
        var earlier: [Int32] = []
        var overlapping: [Int32] = []
        var findings: [Finding] = []
        for worker in 0..<Int32(index.keyCount) {
            stays.removeAll(keepingCapacity: true)
            for row in index.rows(for: worker) {
                let i = Int(row)
                guard columns.item[i] == med, columns.institution[i] >= 0, columns.periodStart[i] != Day.noneOrdinal,
                    columns.periodEnd[i] != Day.noneOrdinal,
                    Int(columns.periodEnd[i]) - Int(columns.periodStart[i]) >= table[columns.region[i]].minNights
                else { continue }
                stays.append(row)
            }
            guard stays.count > 1 else { continue }
            // Straight from the columns (every stay has a period start): building each row's facts in
            // the comparison copied the fifteen columns' references twice a comparison.
            stays.sort { a, b in
                let (x, y) = (Int(a), Int(b))
                if periodStart[x] != periodStart[y] { return periodStart[x] < periodStart[y] }
                if paidDate[x] != paidDate[y] { return paidDate[x] < paidDate[y] }
                return paymentIDs[x] < paymentIDs[y]
            }
            earlier.removeAll(keepingCapacity: true)
            for row in stays {
                let i = Int(row)
                let parameters = table[columns.region[i]]
                let start = Int(columns.periodStart[i])
                let end = Int(columns.periodEnd[i])
                overlapping.removeAll(keepingCapacity: true)
                for other in earlier where columns.institution[Int(other)] != columns.institution[i] {
                    let nights = min(end, Int(columns.periodEnd[Int(other)])) - start
                    if nights >= parameters.minOverlap { overlapping.append(other) }
                }
                if !overlapping.isEmpty {
                    findings.append(finding(row, overlapping: overlapping, parameters, context))
                }
                earlier.append(row)
            }
        }
        return RuleOutput(findings: findings)
    }

    func finding(_ row: Int32, overlapping: [Int32], _ parameters: Parameters, _ context: RuleContext) -> Finding {
        let payment = context.snapshot.payments.facts(row)
        let record = context.record(payment)
        let others = overlapping.map { context.snapshot.paymentRecord($0) }
        let first = others[0]
        return context.finding(
            on: payment, severity: parameters.level,
            detail:
                "同一职工在机构 \(record.institutionID ?? "") 的住院 \(payment.periodStart!)–\(payment.periodEnd!) 与机构 \(first.institutionID ?? "") 的住院 \(first.periodStart!)–\(first.periodEnd!)（支付 \(first.paymentID)）重叠，请核实是否重复住院",
            evidence: others.map(\.paymentID))
    }
}
