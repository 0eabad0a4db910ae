import FundModel

/// The statutory amounts of 条例 34–39 and 64 for one case (rules.md §1 and §5).
///
/// Every parameter of a case is that of the case's region (city, falling back
/// to its province) for the accident year; 一次性工亡补助金 uses the national
/// `urban_disposable_income` of the accident year. Each amount is computed as
/// one exact fraction and rounded half up to the fen once.
public struct EntitlementCalculator: Sendable {
    public let parameters: ParameterTable
    public let items: ItemList

    public init(parameters: ParameterTable, items: ItemList = ItemList()) {
        self.parameters = parameters
        self.items = items
    }

    /// 本人工资 bounded to [60 %, 300 %] of the region's `avg_monthly_wage` of the year (条例 64),
    /// rounded half up to the fen.
    public func boundedOwnWage(declared: Money, region: RegionCode, year: Int) throws(EntitlementError) -> Money {
        try exactBoundedWage(declared: declared, region: region, year: year).rounded
    }

    /// Every item the worker or dependants are entitled to (rules.md §1 + §5 conventions).
    ///
    /// Checked in this order: the grade is within 1–10; a non-fatal case has a
    /// concluded assessment; the case has a declared own wage; then each
    /// parameter as an item needs it. A 未达级 case (assessed, no grade) gets
    /// an empty list. A fatal case gets the death benefits of 条例 39 and, when
    /// it has a grade, the disability benefits that grade gave while the worker
    /// lived; see docs/decisions.md.
    public func schedule(for facts: CaseFacts) throws(EntitlementError) -> EntitlementSchedule {
        try validateGrade(facts)
        if !facts.fatal && !facts.hasConcludedAssessment { throw .missingAssessment(caseID: facts.caseID) }
        let wage = try ownWage(facts)
        var rows: [EntitlementItem] = []
        for item in ItemList.nationalItems where ItemCode.withStatutoryAmount.contains(item.code) {
            rows += try entitlements(item.code, facts, knownWage: wage)
        }
        return EntitlementSchedule(caseID: facts.caseID, boundedOwnWage: wage.rounded, items: rows)
    }

    /// The statutory amount of ONE item for rule R10: the whole amount for a one-off item, the amount per month
    /// for a monthly item, per dependant for DEPENDANT (dependentID required), nil for items without a statutory
    /// amount (MED, REHAB, MEAL, TRAVEL, DEVICE, ASSESSMENT_FEE, PENSION_TOPUP, WAGE_CONTINUATION, provincial items)
    /// or when the facts do not entitle it (e.g. DISABILITY_MONTHLY for grade 7).
    ///
    /// Only what the item needs is required: FUNERAL needs no own wage, NURSING
    /// none either. A grade-based item of a case without a grade is `nil` (R12
    /// reports that payment, not R10), and so is DEPENDANT for a dependant with
    /// an `end_date` (R15 reports it). A DEPENDANT request without a dependant
    /// id, or for a person who is not a dependant of the case, throws.
    public func statutoryAmount(
        itemCode: String, facts: CaseFacts, dependentID: PersonID?
    ) throws(EntitlementError) -> Money? {
        guard ItemCode.withStatutoryAmount.contains(itemCode) else { return nil }
        try validateGrade(facts)
        guard itemCode == ItemCode.dependant else {
            return try entitlements(itemCode, facts, knownWage: nil).first?.amount
        }
        guard facts.fatal else { return nil }
        guard let dependentID else { throw .missingDependentID(caseID: facts.caseID) }
        guard facts.dependents.contains(where: { $0.dependentID == dependentID }) else {
            throw .unknownDependent(caseID: facts.caseID, dependentID: dependentID)
        }
        return try entitlements(itemCode, facts, knownWage: nil).first { $0.dependentID == dependentID }?.amount
    }

    // MARK: - The items

    /// The rows of one statutory item for the case: none when the facts do not entitle it.
    private func entitlements(
        _ code: String, _ facts: CaseFacts, knownWage: ExactAmount?
    ) throws(EntitlementError) -> [EntitlementItem] {
        let grade = facts.grade ?? 0  // 0: no grade, matches no range below
        switch code {
        case ItemCode.nursing:
            // 条例 34: once a grade is assessed and care is confirmed; a share of the average monthly wage.
            guard facts.grade != nil, let level = facts.nursing, let percent = StatutoryRates.nursingPercent(level)
            else { return [] }
            let average = try averageWage(facts)
            return [row(code, average.times(percent, over: 100), "条例 34")]

        case ItemCode.disabilityLump:
            // 条例 35–37: months of the bounded own wage, for every grade.
            guard let months = StatutoryRates.disabilityLumpMonths(grade: grade) else { return [] }
            let wage = try ownWage(facts, known: knownWage)
            return [row(code, wage.times(months, over: 1), StatutoryRates.article(grade: grade))]

        case ItemCode.disabilityMonthly, ItemCode.disabilityMonthly56:
            // 条例 35 (grades 1–4, the fund tops up to the minimum wage) and 36 (grades 5–6, the employer does).
            let grades = code == ItemCode.disabilityMonthly ? 1...4 : 5...6
            guard grades.contains(grade), let percent = StatutoryRates.disabilityMonthlyPercent(grade: grade)
            else { return [] }
            let wage = try ownWage(facts, known: knownWage)
            let minimum = ExactAmount(yuan: try parameter(ParameterName.minMonthlyWage, facts))
            let amount = ExactAmount.max(wage.times(percent, over: 100), minimum)
            return [row(code, amount, StatutoryRates.article(grade: grade))]

        case ItemCode.medicalLump, ItemCode.employmentLump:
            // 条例 36–37: on ending the labour relationship, the province's months of own wage (grades 5–10).
            // Not for a fatal case: death ends the relationship, and 条例 39 replaces these (docs/decisions.md).
            guard (5...10).contains(grade), !facts.fatal else { return [] }
            let name =
                code == ItemCode.medicalLump
                ? ParameterName.medicalSubsidyMonths(grade: grade)
                : ParameterName.employmentSubsidyMonths(grade: grade)
            let months = try parameter(name, facts)
            let wage = try ownWage(facts, known: knownWage)
            return [row(code, wage.times(months.tenThousandths, over: 10_000), StatutoryRates.article(grade: grade))]

        case ItemCode.funeral:
            // 条例 39(1)(1): 6 months of the average monthly wage.
            guard facts.fatal else { return [] }
            let average = try averageWage(facts)
            return [row(code, average.times(StatutoryRates.funeralMonths, over: 1), "条例 39")]

        case ItemCode.deathLump:
            // 条例 39(1)(3): 20 × the national urban disposable income of the accident year's row.
            // 条例 39(3): a grade 1–4 worker who dies after 停工留薪期 gets only (1) and (2).
            guard facts.fatal, !(1...4).contains(grade) else { return [] }
            let name = ParameterName.urbanDisposableIncome
            guard let income = parameters.value(name, region: .national, year: facts.accidentYear) else {
                throw .missingParameter(name: name, region: .national, year: facts.accidentYear)
            }
            return [row(code, ExactAmount(yuan: income).times(StatutoryRates.deathLumpMultiple, over: 1), "条例 39")]

        case ItemCode.dependant:
            guard facts.fatal else { return [] }
            return try dependantRows(facts, knownWage: knownWage)

        default:
            return []
        }
    }

    /// 条例 39(1)(2): 40 % of the own wage for the spouse, 30 % for each other dependant, ten points more for
    /// a lone elder or an orphan; when the shares add up to more than 100 %, each is scaled by 100 / sum
    /// (rules.md §5), and each dependant's amount is rounded separately.
    ///
    /// The dependants listed are those without an `end_date` (an end date means the pension has stopped,
    /// 供养亲属范围规定 art. 4), each person once.
    private func dependantRows(
        _ facts: CaseFacts, knownWage: ExactAmount?
    ) throws(EntitlementError) -> [EntitlementItem] {
        var seen: Set<PersonID> = []
        let listed = facts.dependents.filter { $0.endDate == nil && seen.insert($0.dependentID).inserted }
        guard !listed.isEmpty else { return [] }
        let wage = try ownWage(facts, known: knownWage)
        let percents = listed.map(StatutoryRates.dependantPercent)
        let sum = percents.reduce(0, +)
        let over = sum > StatutoryRates.dependantsCapPercent ? sum : 100
        return zip(listed, percents).map { dependent, percent in
            var item = row(ItemCode.dependant, wage.times(percent, over: over), "条例 39")
            item.dependentID = dependent.dependentID
            return item
        }
    }

    private func row(_ code: String, _ amount: ExactAmount, _ basis: String) -> EntitlementItem {
        let item = items.item(code) ?? ItemList.nationalItem(code)!
        return EntitlementItem(
            itemCode: code, name: item.name, payer: item.payer, paidAs: item.paidAs, amount: amount.rounded,
            basis: basis)
    }

    // MARK: - Inputs

    private func validateGrade(_ facts: CaseFacts) throws(EntitlementError) {
        if let grade = facts.grade, !StatutoryRates.grades.contains(grade) { throw .invalidGrade(grade) }
    }

    private func ownWage(_ facts: CaseFacts, known: ExactAmount? = nil) throws(EntitlementError) -> ExactAmount {
        if let known { return known }
        guard let declared = facts.declaredOwnWage else { throw .missingOwnWage(caseID: facts.caseID) }
        return try exactBoundedWage(declared: declared, region: facts.regionCode, year: facts.accidentYear)
    }

    private func exactBoundedWage(
        declared: Money, region: RegionCode, year: Int
    ) throws(EntitlementError) -> ExactAmount {
        let average = ExactAmount(yuan: try parameter(ParameterName.avgMonthlyWage, region: region, year: year))
        let floor = average.times(StatutoryRates.ownWageFloorPercent, over: 100)
        let cap = average.times(StatutoryRates.ownWageCapPercent, over: 100)
        let wage = ExactAmount(declared)
        if ExactAmount.compare(wage, floor) < 0 { return floor }
        if ExactAmount.compare(wage, cap) > 0 { return cap }
        return wage
    }

    private func averageWage(_ facts: CaseFacts) throws(EntitlementError) -> ExactAmount {
        ExactAmount(yuan: try parameter(ParameterName.avgMonthlyWage, facts))
    }

    private func parameter(_ name: String, _ facts: CaseFacts) throws(EntitlementError) -> Decimal4 {
        try parameter(name, region: facts.regionCode, year: facts.accidentYear)
    }

    private func parameter(_ name: String, region: RegionCode, year: Int) throws(EntitlementError) -> Decimal4 {
        guard let value = parameters.value(name, region: region, year: year) else {
            throw .missingParameter(name: name, region: region, year: year)
        }
        return value
    }
}
