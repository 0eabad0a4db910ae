import FundModel
import FundRules

/// R10 ⚡ 超标准支付: a payment above the statutory amount of rules.md §1 by more than the tolerance
/// (1 yuan); the amount at risk is the excess.
///
/// The statutory amount comes from FundRules' `EntitlementCalculator` for the
/// payment's case, with the grade and nursing level of the latest assessment
/// concluded strictly before the service date (rules.md §5). Monthly items
/// compare per calendar month of their period (months = (y2·12+m2) −
/// (y1·12+m1) + 1; one month without a period). Reversals, items without a
/// statutory amount, payments without a case or a grade to compare (R12's),
/// and cases whose amount cannot be computed (a missing own wage or parameter)
/// are not judged here; the last are counted in the run's notes, by reason.
///
/// The batch run walks each case's payments in service-date order and builds
/// the case facts once per assessment, not once per payment.
public struct R10AboveStatutoryAmount: RealTimeRule {
    public let spec = RuleCatalog.spec("R10")!

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let tolerance = context.regionTable { $0.amount("params", "tolerance") }
        let levels = context.regionTable { $0.level }
        let checked = snapshot.itemCodes.names.map { ItemCode.withStatutoryAmount.contains($0) }
        let monthly = snapshot.itemCodes.names.map { snapshot.itemList.item($0)?.paidAs == .monthly }
        var findings: [Finding] = []
        var unjudged: [String: Int] = [:]
        for caseID in 0..<Int32(snapshot.paymentsByCase.keyCount) {
            guard let record = snapshot.caseRecord(caseID) else { continue }
            let rows = snapshot.paymentsByCase.rows(for: caseID)
            guard rows.contains(where: { checked[Int(columns.item[Int($0)])] }) else { continue }
            let dependents = snapshot.dependents(caseID: caseID)
            var facts: CaseFacts?
            var factsAssessment: Int32 = -2
            // A case pays a handful of items: a short list beats hashing a key for every payment.
            var amounts: [(key: AmountKey, result: Result<Money?, EntitlementError>)] = []
            for row in rows where checked[Int(columns.item[Int(row)])] && columns.amount[Int(row)] >= 0 {
                let payment = columns.facts(row)
                let assessment = snapshot.latestConcludedAssessmentRow(
                    caseID: caseID, before: payment.serviceDate.ordinal)
                if facts == nil || assessment != factsAssessment {
                    facts = CaseFacts(
                        case: record, latestAssessment: assessment >= 0 ? snapshot.assessments[Int(assessment)] : nil,
                        dependents: dependents)
                    factsAssessment = assessment
                    amounts.removeAll(keepingCapacity: true)
                }
                let key = AmountKey(item: payment.item, dependent: payment.dependent)
                let result: Result<Money?, EntitlementError>
                if let cached = amounts.first(where: { $0.key == key }) {
                    result = cached.result
                } else {
                    result = computeStatutoryAmount(payment, facts!, context)
                    amounts.append((key, result))
                }
                let statutory: Money?
                switch result {
                case .success(let amount): statutory = amount
                case .failure(let error):
                    statutory = nil
                    unjudged[Self.reason(error), default: 0] += 1
                }
                if let finding = judge(
                    payment, statutory: statutory, tolerance: tolerance[payment.region], level: levels[payment.region],
                    monthly: monthly[Int(payment.item)], context)
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
            let record = snapshot.caseRecord(payment.caseID)
        else { return [] }
        let facts = CaseFacts(
            case: record,
            latestAssessment: snapshot.latestConcludedAssessment(caseID: payment.caseID, before: payment.serviceDate),
            dependents: snapshot.dependents(caseID: payment.caseID))
        let settings = context.settings(regionID: payment.region)
        return judge(
            payment, statutory: statutoryAmount(payment, facts, context),
            tolerance: settings.amount("params", "tolerance"), level: settings.level, context
        ).map { [$0] } ?? []
    }

    struct AmountKey: Hashable {
        var item: Int32
        var dependent: Int32
    }

    /// The statutory amount of the payment's item for the facts (per month for a monthly item), or `nil`.
    func statutoryAmount(_ payment: PaymentFacts, _ facts: CaseFacts, _ context: RuleContext) -> Money? {
        try? computeStatutoryAmount(payment, facts, context).get()
    }

    func computeStatutoryAmount(_ payment: PaymentFacts, _ facts: CaseFacts, _ context: RuleContext) -> Result<
        Money?, EntitlementError
    > {
        let dependent = payment.dependent >= 0 ? PersonID(context.snapshot.persons.name(payment.dependent)) : nil
        let dependentID = payment.row >= 0 ? dependent : context.candidate?.dependentID
        do {
            return .success(
                try context.snapshot.calculator.statutoryAmount(
                    itemCode: context.itemCode(payment), facts: facts, dependentID: dependentID))
        } catch {
            return .failure(error)
        }
    }

    /// Shared by the batch run and the real-time check.
    ///
    /// - Parameter knownMonthly: whether the item is paid monthly, when the caller has it at hand (the
    ///   batch run, which would otherwise look the item up by its code for every payment).
    func judge(
        _ payment: PaymentFacts, statutory: Money?, tolerance: Money, level: Severity,
        monthly knownMonthly: Bool? = nil,
        _ context: RuleContext
    ) -> Finding? {
        guard let statutory else { return nil }
        let monthly =
            knownMonthly ?? (context.snapshot.itemList.item(context.itemCode(payment))?.paidAs == .monthly)
        var months = 1
        if monthly, let start = payment.periodStart {
            months = max(1, start.yearMonth.monthsInclusive(to: (payment.periodEnd ?? start).yearMonth))
        }
        let allowed = statutory * Int64(months)
        guard payment.amount > allowed + tolerance else { return nil }
        let code = context.itemCode(payment)
        let excess = payment.amount - allowed
        let basis =
            monthly
            ? "按月标准 \(statutory) 元 × \(months) 个月 = \(allowed) 元" : "法定标准 \(allowed) 元"
        return context.finding(
            on: payment, severity: level, amount: excess,
            detail: "\(context.itemLabel(code))支付 \(payment.amount) 元，超过\(basis)，超出 \(excess) 元，请核实并追回",
            evidence: [context.record(payment).caseID ?? ""])
    }
}
