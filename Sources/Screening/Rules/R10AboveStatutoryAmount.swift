import FundModel
import FundRules

/// R10 ⚡ 超标准支付 (rev. 2): a payment above the statutory amount of rules.md §1 by more than the
/// tolerance (1 yuan); the amount at risk is the excess.
///
/// The statutory amount comes from FundRules' `EntitlementCalculator` for the
/// payment's case, with the grade and nursing level of the latest assessment
/// concluded strictly before the service date (rules.md §5), the worker's
/// death and pensions. A monthly item is compared with the sum of each
/// calendar month's own amount over its period (the month's average and
/// minimum wages, the 条例 40 adjustments, the dependants eligible that
/// month). An item the case is **entitled to nothing** of has an amount of 0,
/// so the whole payment is at risk — unless R12 or R15 already fires on the
/// payment (a grade or dependant problem is theirs to report). Reversals,
/// items without a statutory amount, payments without a case or a grade to
/// compare (R12's), and cases whose amount cannot be computed (a missing own
/// wage or parameter) are not judged here; the last are counted in the run's
/// notes, by reason.
///
/// The batch run walks each case's payments in service-date order and builds
/// the case facts once per assessment, not once per payment.
public struct R10AboveStatutoryAmount: RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R10", name: "超标准支付", subject: .payment, isRealTime: true,
        tables: [.payments, .injuryCases, .parameters, .assessments],
        fields: [.level(), .params([FieldSpec("tolerance", .amountOrZero, "yuan above the statutory amount")])])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let tolerance = context.regionTable { $0.amount("params", "tolerance") }
        let levels = context.regionTable { $0.level }
        let checked = snapshot.itemCodes.names.map { ItemCode.withStatutoryAmount.contains($0) }
        let monthly = snapshot.itemCodes.names.map { snapshot.itemList.item($0)?.paidAs == .monthly }
        let periods = snapshot.itemCodes.names.map { EntitlementCalculator.amountPeriod(itemCode: $0) }
        let others = OtherRules(context)
        var findings: [Finding] = []
        var unjudged: [String: Int] = [:]
        var amounts: [AmountKey: Result<Money?, EntitlementError>] = [:]
        for caseID in 0..<Int32(snapshot.paymentsByCase.keyCount) {
            guard snapshot.caseRecord(caseID) != nil else { continue }
            let rows = snapshot.paymentsByCase.rows(for: caseID)
            guard rows.contains(where: { checked[Int(columns.item[Int($0)])] }) else { continue }
            var facts: CaseFacts?
            var factsAssessment: Int32 = -2
            // One amount per item, dependant and month: a monthly payment's months are each computed once.
            amounts.removeAll(keepingCapacity: true)
            for row in rows where checked[Int(columns.item[Int(row)])] && columns.amount[Int(row)] >= 0 {
                let payment = columns.facts(row)
                let assessment = snapshot.latestConcludedAssessmentRow(
                    caseID: caseID, before: payment.serviceDate.ordinal)
                if facts == nil || assessment != factsAssessment {
                    facts = snapshot.caseFacts(caseID: caseID, assessmentRow: assessment)
                    factsAssessment = assessment
                    amounts.removeAll(keepingCapacity: true)
                }
                let isMonthly = monthly[Int(payment.item)]
                let result = allowedAmount(
                    payment, code: snapshot.itemCodes.names[Int(payment.item)], monthly: isMonthly,
                    period: periods[Int(payment.item)], facts!, context
                ) { key, compute in
                    if let cached = amounts[key] { return cached }
                    let result = compute()
                    amounts[key] = result
                    return result
                }
                let allowed: Money?
                switch result {
                case .success(let amount): allowed = amount
                case .failure(let error):
                    allowed = nil
                    unjudged[Self.reason(error), default: 0] += 1
                }
                if let finding = judge(
                    payment, allowed: allowed, tolerance: tolerance[payment.region], level: levels[payment.region],
                    monthly: isMonthly, others: others, context)
                {
                    findings.append(finding)
                }
            }
        }
        let notes = unjudged.keys.sorted().map { "\(unjudged[$0]!) 笔支付无法计算法定标准，未判断：\($0)" }
        return RuleOutput(findings: findings, notes: notes)
    }

    /// The kind of problem, without the case it happened in, to group the notes.
    static func reason(_ error: EntitlementError) -> String {
        switch error {
        case .missingOwnWage: "缺少本人工资 (missing own wage)"
        case .missingParameter(let name, _, let year): "缺少参数 \(name) \(year) (missing parameter)"
        case .missingAssessment: "缺少鉴定结论 (missing assessment)"
        case .invalidGrade(let grade): "伤残等级 \(grade) 无效 (invalid grade)"
        case .missingDependentID: "供养亲属抚恤金未指明供养亲属 (DEPENDANT without dependent_id)"
        case .unknownDependent: "收款人不是该案件的供养亲属 (unknown dependant)"
        }
    }

    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        let snapshot = context.snapshot
        guard !payment.isReversal, ItemCode.withStatutoryAmount.contains(context.itemCode(payment)),
            let facts = snapshot.caseFacts(
                caseID: payment.caseID,
                assessmentRow: snapshot.latestConcludedAssessmentRow(
                    caseID: payment.caseID, before: payment.serviceDate.ordinal))
        else { return [] }
        let settings = context.settings(regionID: payment.region)
        let monthly = context.snapshot.itemList.item(context.itemCode(payment))?.paidAs == .monthly
        let code = context.itemCode(payment)
        let allowed = try? allowedAmount(
            payment, code: code, monthly: monthly, period: EntitlementCalculator.amountPeriod(itemCode: code), facts,
            context
        ) { $1() }.get()
        return judge(
            payment, allowed: allowed ?? nil, tolerance: settings.amount("params", "tolerance"), level: settings.level,
            monthly: monthly, others: OtherRules(context), context
        ).map { [$0] } ?? []
    }

    /// What one amount is keyed by within a case and an assessment.
    struct AmountKey: Hashable {
        var item: Int32
        var dependent: Int32
        /// `EntitlementCalculator.amountPeriod`: the year, the month, or 0 for a one-off item.
        var period: Int32
    }

    /// The statutory amount of the payment: the one-off amount, or the sum of each month's amount over a
    /// monthly item's period; `nil` when it cannot be judged. A DEPENDANT without a dependant of the case is
    /// entitled to nothing (R15 reports it). `amount` looks one month's figure up in the caller's cache.
    func allowedAmount(
        _ payment: PaymentFacts, code: String, monthly: Bool, period: EntitlementCalculator.AmountPeriod,
        _ facts: CaseFacts, _ context: RuleContext,
        amount: (AmountKey, () -> Result<Money?, EntitlementError>) -> Result<Money?, EntitlementError>
    ) -> Result<Money?, EntitlementError> {
        // Read only when an amount is computed, not for every payment the memo answers.
        func dependentID() -> PersonID? {
            payment.row >= 0
                ? (payment.dependent >= 0 ? PersonID(context.snapshot.persons.name(payment.dependent)) : nil)
                : context.candidate?.dependentID
        }
        let first = (payment.periodStart ?? payment.serviceDate).yearMonth
        let last =
            monthly ? max(first, (payment.periodEnd ?? payment.periodStart ?? payment.serviceDate).yearMonth) : first
        var total = Money.zero
        var month = first
        while month <= last {
            let key = AmountKey(item: payment.item, dependent: payment.dependent, period: period.key(month))
            let result = amount(key) { () -> Result<Money?, EntitlementError> in
                do throws(EntitlementError) {
                    return .success(
                        try context.snapshot.calculator.statutoryAmount(
                            itemCode: code, facts: facts, dependentID: dependentID(), month: month))
                } catch {
                    switch error {
                    case .missingDependentID, .unknownDependent: return .success(.zero)
                    default: return .failure(error)
                    }
                }
            }
            switch result {
            case .success(let value?): total += value
            case .success(nil): return .success(nil)
            case .failure: return result
            }
            month = month.adding(months: 1)
        }
        return .success(total)
    }

    /// The rules whose finding on a payment of an item the case is entitled to nothing of stands instead of
    /// R10's (rules.md R10 rev. 2).
    struct OtherRules {
        let r12: RuleContext
        let r15: RuleContext

        init(_ context: RuleContext) {
            func other(_ spec: RuleSpec) -> RuleContext {
                RuleContext(
                    snapshot: context.snapshot, asOf: context.asOf, configuration: context.configuration,
                    spec: spec, candidate: context.candidate, registers: context.registers)
            }
            r12 = other(R12AssessmentMismatch.spec)
            r15 = other(R15DependantEligibility.spec)
        }

        func fire(on payment: PaymentFacts) -> Bool {
            fires(R12AssessmentMismatch(), r12, payment) || fires(R15DependantEligibility(), r15, payment)
        }

        private func fires(_ rule: some PaymentRule, _ context: RuleContext, _ payment: PaymentFacts) -> Bool {
            let settings = context.settings(regionID: payment.region)
            guard settings.enabled else { return false }
            return rule.check(payment, rule.parameters(settings, in: context.snapshot), in: context) != nil
        }
    }

    /// Shared by the batch run and the real-time check.
    func judge(
        _ payment: PaymentFacts, allowed: Money?, tolerance: Money, level: Severity, monthly: Bool,
        others: OtherRules, _ context: RuleContext
    ) -> Finding? {
        guard let allowed, payment.amount > allowed + tolerance else { return nil }
        if allowed == .zero, others.fire(on: payment) { return nil }
        let code = context.itemCode(payment)
        let excess = payment.amount - allowed
        var months = 1
        if monthly, let start = payment.periodStart {
            months = max(1, start.yearMonth.monthsInclusive(to: (payment.periodEnd ?? start).yearMonth))
        }
        let basis: String
        if allowed == .zero {
            basis = "该案件依法不享受此项待遇（法定标准为 0）"
        } else if monthly {
            basis = "\(months) 个月逐月法定标准合计 \(allowed) 元"
        } else {
            basis = "法定标准 \(allowed) 元"
        }
        return context.finding(
            on: payment, severity: level, amount: excess,
            detail: "\(context.itemLabel(code))支付 \(payment.amount) 元，超过\(basis)，超出 \(excess) 元，请核实并追回",
            evidence: [context.record(payment).caseID ?? ""])
    }
}
