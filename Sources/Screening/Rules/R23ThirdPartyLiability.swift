import FundModel
import FundRules

/// R23 第三人责任未核实: a traffic accident of the worker (`ext_traffic_accidents`) within 3 days
/// of the accident with liability other than `full`, and MED paid without `advance` (yellow, on
/// the case).
///
/// A third party who bears any part of the liability owes the medical costs;
/// the fund pays them only in advance (先行支付) and then claims them back
/// (社会保险法 42). So a MED payment on such a case that is not an advance
/// payment needs checking.
///
/// - "Within 3 days" is either side of the accident, both ends included
///   (|traffic date − accident date| ≤ 3).
/// - The case's `third_party` flag is not required: the rule is there to
///   catch the case where the third party was not looked into.
/// - The amount at risk is the net sum of the case's non-advance MED
///   payments (reversals included); the case fires only when it is above
///   zero. The evidence lists those payments.
public struct R23ThirdPartyLiability: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R23", name: "第三人责任未核实", subject: .case,
        tables: [.injuryCases, .payments, .trafficAccidents],
        fields: [.level(), .params([FieldSpec("days", .days, "days between the two accidents")])])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        guard let med = snapshot.itemCodes.id(ItemCode.med) else { return RuleOutput() }
        let columns = snapshot.payments
        var thresholds = RegionMemo(context) { (level: $0.level, days: $0.count("params", "days")) }
        var findings: [Finding] = []
        for (row, record) in snapshot.cases.enumerated() where isFirst(row, record, snapshot) {
            let caseKey = snapshot.caseIDs.id(record.caseID) ?? -1
            var paid = Money.zero
            var evidence: [String] = []
            for payment in snapshot.paymentsByCase.rows(for: caseKey)
            where columns.item[Int(payment)] == med && columns.flags[Int(payment)] & 1 == 0 {  // bit 0: advance
                paid += Money(fen: columns.amount[Int(payment)])
                evidence.append(columns.paymentID[Int(payment)])
            }
            guard paid > .zero else { continue }
            let (level, days) = thresholds(record.regionCode)
            let accident = record.accidentDate
            let traffic = snapshot.trafficAccidentsByPerson.rows(for: snapshot.caseWorker[row]).lazy
                .map { snapshot.trafficAccidents[Int($0)] }
                .first { $0.liability != .full && abs(accident.distance(to: $0.accidentDate)) <= days }
            guard let traffic else { continue }
            findings.append(
                Finding(
                    ruleID: spec.id, severity: level, regionCode: record.regionCode, subjectType: .case,
                    subjectID: record.caseID, amount: paid,
                    detail:
                        "职工于事故（\(accident)）前后 \(days) 天内有交通事故记录（\(traffic.accidentDate)，本人\(traffic.liability.chineseName)），第三人应负担医疗费，但基金已非先行支付 MED \(paid) 元（认定记录第三人责任：\(record.thirdParty ? "是" : "否")），请核实第三人赔偿情况（社会保险法 42）",
                    evidence: evidence))
        }
        return RuleOutput(findings: findings)
    }
}
