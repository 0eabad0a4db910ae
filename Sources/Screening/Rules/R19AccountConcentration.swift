import FundModel

/// R19 收款账户集中: one payee account receives non-institution payments (no `institution_id`,
/// rules.md §5) for 3 or more distinct workers (orange; red at 6).
///
/// The region is the one with most of those payments (the smallest code of
/// equals); the amount at risk is their sum; the evidence lists the workers.
public struct R19AccountConcentration: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R19", name: "收款账户集中", subject: .account, tables: [.payments],
        fields: [.graded([.orange, .red], .count, "distinct workers paid into one account")],
        levelOrder: .ascending)

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let index = snapshot.paymentsByAccount
        let table = context.regionTable { $0.gradedLevels }
        var workers: [Int32] = []
        var regions: [Int32] = []
        var findings: [Finding] = []
        for account in 0..<Int32(index.keyCount) where index.count(for: account) >= 2 {
            workers.removeAll(keepingCapacity: true)
            regions.removeAll(keepingCapacity: true)
            var amount = Money.zero
            for row in index.rows(for: account) where columns.institution[Int(row)] < 0 {
                workers.append(columns.worker[Int(row)])
                regions.append(columns.region[Int(row)])
                amount += Money(fen: columns.amount[Int(row)])
            }
            guard workers.count >= 2 else { continue }
            workers.sort()
            var distinct = 1
            for i in 1..<workers.count where workers[i] != workers[i - 1] { distinct += 1 }
            let region = Self.mostFrequent(&regions, snapshot)
            guard let level = table[region].first(where: { Decimal4(Int64(distinct)) >= $0.figure }) else { continue }
            var ids: [String] = []
            for i in workers.indices where i == 0 || workers[i] != workers[i - 1] {
                ids.append(snapshot.persons.name(workers[i]))
            }
            let name = snapshot.accounts.name(account)
            findings.append(
                Finding(
                    ruleID: spec.id, severity: level.severity, regionCode: snapshot.regionCode(region),
                    subjectType: .account, subjectID: name, amount: amount,
                    detail:
                        "收款账户 \(name) 收到 \(distinct) 名不同职工的待遇（阈值 \(level.figure) 名，\(level.severity.chineseName)），请核实是否为代领或冒领",
                    evidence: ids.sorted()))
        }
        return RuleOutput(findings: findings)
    }

    /// The most frequent region id (the smallest region code among equals). Sorts `regions` in place.
    static func mostFrequent(_ regions: inout [Int32], _ snapshot: Snapshot) -> Int32 {
        regions.sort()
        var best = regions[0]
        var bestCount = 0
        var start = 0
        for i in 1...regions.count where i == regions.count || regions[i] != regions[start] {
            let count = i - start
            let candidate = regions[start]
            if count > bestCount
                || (count == bestCount && snapshot.regionCodes.name(candidate) < snapshot.regionCodes.name(best))
            {
                best = candidate
                bestCount = count
            }
            start = i
        }
        return best
    }
}
