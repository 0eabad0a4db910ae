import FundModel
import FundRules

/// R16 机构费用异常: in a calendar year, an institution's mean MED amount per payment exceeds
/// k × the median of its peers (same kind and grade in the province), with at least N payments
/// (orange at 2×, red at 3×; N = 30).
///
/// - The year is the calendar year of the service date (rules.md §5).
/// - Reversals are neither counted nor summed (as in R03/R04): a correction
///   is not a payment for the service, and netting it would lower the mean
///   of an institution that corrects its bills.
/// - The peers are the institutions of institutions.csv of the same
///   province, kind and grade (an empty grade is a group of its own) with at
///   least the province's N MED payments that year, the institution itself
///   included (rules.md §5). The peer group is provincial, so a city that
///   overrides `min_payments` only changes which of its own institutions are
///   judged, not its peers.
/// - Each mean is rounded to the fen (as the detail shows it); the median of
///   an even number of peers is the mean of the two middle means.
/// - One finding per institution and year: `R16-institution-ID-YEAR`, in the
///   institution's region; no amount at risk (the mean is a pattern, not a
///   payment); the evidence lists the peers.
public struct R16InstitutionCost: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R16", name: "机构费用异常", subject: .institution, tables: [.payments, .institutions],
        fields: [
            .graded([.orange, .red], .number, "multiples of the peers' median"),
            .params([FieldSpec("min_payments", .count, "MED payments in the year")]),
        ], levelOrder: .ascending)

    public init() {}

    /// One institution's MED payments in one year.
    struct Tally: Sendable {
        var institution: Int32
        var year: Int
        var count: Int = 0
        var sum: Int64 = 0
        /// The mean per payment in fen, rounded half up.
        var mean: Int64 { Money(fen: sum).scaled(by: 1, over: Int64(count)).fen }
    }

    /// Institutions compared with each other in one year.
    struct PeerKey: Hashable {
        var province: RegionCode
        var kind: InstitutionKind
        var grade: String
        var year: Int
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let med = snapshot.itemCodes.id(ItemCode.med) else { return RuleOutput() }
        let tallies = Self.tallies(snapshot, med: med)
        let peerMinimum = context.settings(region: nil).count("params", "min_payments")

        var peers: [PeerKey: [Tally]] = [:]
        for tally in tallies where tally.count >= peerMinimum {
            peers[peerKey(tally, snapshot), default: []].append(tally)
        }
        var medians: [PeerKey: (low: Int64, high: Int64)] = [:]
        for (key, members) in peers { medians[key] = Exact.middle(members.map(\.mean).sorted()) }

        var findings: [Finding] = []
        for tally in tallies {
            let institution = snapshot.institutions[Int(snapshot.institutionRow[Int(tally.institution)])]
            let settings = context.settings(region: institution.regionCode)
            let key = peerKey(tally, snapshot)
            guard tally.count >= settings.count("params", "min_payments"), let median = medians[key] else {
                continue
            }
            let mean = tally.mean
            let twiceMedian = median.low + median.high
            guard twiceMedian > 0,
                let level = settings.gradedLevels.first(where: {
                    Exact.exceeds(
                        [Exact.factor(mean), 20_000],
                        [Exact.factor($0.figure.tenThousandths), Exact.factor(twiceMedian)])
                })
            else { continue }
            let others = (peers[key] ?? []).filter { $0.institution != tally.institution }
            let multiple = Exact.decimal4(mean * 2, over: twiceMedian).map { $0.rounded(places: 2) } ?? "-"
            let medianYuan = Decimal4(tenThousandths: twiceMedian * 50).rounded(places: 2)
            let group = institution.kind.chineseName + "·" + (key.grade.isEmpty ? "未定级" : key.grade)
            findings.append(
                Finding(
                    ruleID: spec.id, severity: level.severity, regionCode: institution.regionCode,
                    subjectType: .institution, subjectID: institution.institutionID, amount: .zero,
                    detail:
                        "机构 \(institution.institutionID)（\(institution.name)）\(tally.year) 年 MED 支付 \(tally.count) 笔，笔均 \(Money(fen: mean)) 元，为同类同级机构（\(group)，\(peers[key]?.count ?? 0) 家）笔均中位数 \(medianYuan) 元的 \(multiple) 倍（阈值 \(level.figure) 倍，\(level.severity.chineseName)），请核查是否分解收费、过度医疗或虚开费用",
                    evidence: others.map { snapshot.institutionIDs.name($0.institution) }.sorted(),
                    findingID: Finding.stableID(
                        ruleID: spec.id, subjectType: .institution, subjectID: institution.institutionID)
                        + "-\(tally.year)"))
        }
        return RuleOutput(findings: findings)
    }

    func peerKey(_ tally: Tally, _ snapshot: Snapshot) -> PeerKey {
        let institution = snapshot.institutions[Int(snapshot.institutionRow[Int(tally.institution)])]
        return PeerKey(
            province: institution.regionCode.province, kind: institution.kind, grade: institution.grade ?? "",
            year: tally.year)
    }

    /// The MED payments (no reversals) of every institution of institutions.csv, per calendar year of service.
    static func tallies(_ snapshot: Snapshot, med: Int32) -> [Tally] {
        let columns = snapshot.payments
        var tallies: [Tally] = []
        for institution in 0..<Int32(snapshot.institutionIDs.count) where snapshot.institutionRow[Int(institution)] >= 0
        {
            // The payments are in service-date order, so each year's payments are consecutive.
            var current = Tally(institution: institution, year: Int.min)
            for row in snapshot.paymentsByInstitution.rows(for: institution) {
                guard columns.item[Int(row)] == med, columns.amount[Int(row)] >= 0 else { continue }
                let year = Day(ordinal: columns.serviceDate[Int(row)]).year
                if current.year != year {
                    if current.count > 0 { tallies.append(current) }
                    current = Tally(institution: institution, year: year)
                }
                current.count += 1
                current.sum += columns.amount[Int(row)]
            }
            if current.count > 0 { tallies.append(current) }
        }
        return tallies
    }
}
