import FundModel

/// The statutory amounts of 条例 34–39 and 64 for one case (rules.md §1 and §5).
///
/// Every parameter of a case is that of the case's region (city, falling back
/// to its province; the province's alone under provincial pooling). Rev. 2
/// (rules.md §5): the own wage's bounds, the lump sums and the monthly bases
/// use the accident year; NURSING, the minimum-wage top-up and the 条例 40
/// adjustments the year of the month paid; FUNERAL and 一次性工亡补助金 the
/// year of death. Each amount is computed as one exact fraction and rounded
/// half up to the fen once (the yearly adjustments round each year).
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

    /// Every item the worker or dependants are entitled to (rules.md §1 + §5 conventions), with the monthly
    /// items at the figures of the month of `day` and the dependants eligible on that month's first day.
    ///
    /// Without a day, the month is the case's `firstMonth` (the month of death, else the accident month).
    /// Checked in this order: the grade is within 1–10; a non-fatal case has a concluded assessment; the
    /// case has a declared own wage; then each parameter as an item needs it. Items the case is entitled to
    /// nothing of (an amount of 0, rev. 2) are left out, so a 未达级 case gets an empty list.
    public func schedule(for facts: CaseFacts, on day: Day? = nil) throws(EntitlementError) -> EntitlementSchedule {
        try validateGrade(facts)
        if !facts.fatal && !facts.hasConcludedAssessment { throw .missingAssessment(caseID: facts.caseID) }
        let wage = try ownWage(facts)
        let month = day?.yearMonth ?? facts.firstMonth
        var rows: [EntitlementItem] = []
        for item in ItemList.nationalItems where ItemCode.withStatutoryAmount.contains(item.code) {
            rows += try entitlements(item.code, facts, month: month, knownWage: wage).filter { $0.amount > .zero }
        }
        return EntitlementSchedule(caseID: facts.caseID, boundedOwnWage: wage.rounded, items: rows, month: month)
    }

    /// The statutory amount of ONE item for rule R10: the whole amount for a one-off item, the amount of
    /// `month` for a monthly item (the case's `firstMonth` when not given), per dependant for DEPENDANT.
    ///
    /// `Money.zero` means the case is **entitled to nothing** of the item (rules.md §1 rev. 2): DEATH_LUMP
    /// on a case that is not fatal or under 条例 39(3); FUNERAL and DEPENDANT on a case that is neither
    /// fatal nor 39(3); DISABILITY_MONTHLY for grades 5–10; MEDICAL_LUMP and EMPLOYMENT_LUMP for grades 1–4;
    /// PENSION_TOPUP before the pension start; DEPENDANT for a month the dependant is not eligible in.
    /// `nil` means "cannot judge" or "no statutory amount": items without one (MED, REHAB, …, provincial
    /// items) and grade-based items of a case without a grade or nursing level (R12 reports that payment).
    /// A DEPENDANT request without a dependant id, or for a person who is not a dependant of the case,
    /// throws: R15 reports the payment.
    public func statutoryAmount(
        itemCode: String, facts: CaseFacts, dependentID: PersonID?, month: YearMonth? = nil
    ) throws(EntitlementError) -> Money? {
        guard ItemCode.withStatutoryAmount.contains(itemCode) else { return nil }
        try validateGrade(facts)
        let month = month ?? facts.firstMonth
        guard itemCode == ItemCode.dependant else {
            return try entitlements(itemCode, facts, month: month, knownWage: nil).first?.amount
        }
        guard let dependentID else { throw .missingDependentID(caseID: facts.caseID) }
        guard facts.dependents.contains(where: { $0.dependentID == dependentID }) else {
            throw .unknownDependent(caseID: facts.caseID, dependentID: dependentID)
        }
        guard facts.entitlesSurvivorBenefits else { return .zero }
        let rows = try dependantRows(facts, month: month, knownWage: nil, only: dependentID)
        return rows.first { $0.dependentID == dependentID }?.amount ?? .zero
    }

    /// The sum of a monthly item's statutory amounts over the calendar months `first...last` (rules.md R10
    /// rev. 2: each month at its own figures); `nil` when a month cannot be judged.
    public func statutoryAmount(
        itemCode: String, facts: CaseFacts, dependentID: PersonID?, months first: YearMonth, through last: YearMonth
    ) throws(EntitlementError) -> Money? {
        var total = Money.zero
        var month = first
        repeat {
            guard
                let amount = try statutoryAmount(
                    itemCode: itemCode, facts: facts, dependentID: dependentID, month: month)
            else { return nil }
            total += amount
            month = month.adding(months: 1)
        } while month <= last
        return total
    }

    /// The finest period over which an item's statutory amount of a case can change: callers that memoize
    /// amounts (R10, for millions of monthly payments) key them by it. NURSING and the disability allowances
    /// change only with the year (the year's wages, the 条例 40 adjustments); DEPENDANT (who is eligible)
    /// and PENSION_TOPUP (the pension in force) with the month; a one-off amount never.
    public enum AmountPeriod: Sendable {
        case once, year, month

        /// The memo key of a month: 0, the year, or the month's index.
        public func key(_ month: YearMonth) -> Int32 {
            switch self {
            case .once: 0
            case .year: Int32(month.year)
            case .month: month.index
            }
        }
    }

    public static func amountPeriod(itemCode: String) -> AmountPeriod {
        switch itemCode {
        case ItemCode.dependant, ItemCode.pensionTopup: .month
        case ItemCode.nursing, ItemCode.disabilityMonthly, ItemCode.disabilityMonthly56: .year
        default: .once
        }
    }

    // MARK: - The items

    /// The rows of one statutory item for the case in `month`: none when the item cannot be judged (no
    /// grade), one row of amount 0 when the case is entitled to nothing of it.
    private func entitlements(
        _ code: String, _ facts: CaseFacts, month: YearMonth, knownWage: ExactAmount?
    ) throws(EntitlementError) -> [EntitlementItem] {
        let grade = facts.grade ?? 0  // 0: no grade, matches no range below
        switch code {
        case ItemCode.nursing:
            // 条例 34: once a grade is assessed and care is confirmed; a share of the average monthly wage of
            // the month's year (rev. 2: the 上年度 figure applied in the year the month is paid).
            guard facts.grade != nil, let level = facts.nursing, let percent = StatutoryRates.nursingPercent(level)
            else { return [] }
            let average = ExactAmount(yuan: try figure(.avgMonthlyWage, facts, year: month.year))
            return [row(code, average.times(percent, over: 100), "条例 34")]

        case ItemCode.disabilityLump:
            // 条例 35–37: months of the bounded own wage, for every grade.
            guard let months = StatutoryRates.disabilityLumpMonths(grade: grade) else { return [] }
            let wage = try ownWage(facts, known: knownWage)
            return [row(code, wage.times(months, over: 1), StatutoryRates.article(grade: grade))]

        case ItemCode.disabilityMonthly:
            guard let amount = try disabilityMonthly(facts, month: month, knownWage: knownWage) else { return [] }
            return [row(code, amount, StatutoryRates.article(grade: grade))]

        case ItemCode.disabilityMonthly56:
            // 条例 36: grades 5–6, paid by the employer, topped up to the minimum wage.
            guard (5...6).contains(grade), let percent = StatutoryRates.disabilityMonthlyPercent(grade: grade)
            else { return [] }
            let wage = try ownWage(facts, known: knownWage)
            let minimum = ExactAmount(yuan: try parameter(ParameterName.minMonthlyWage, facts))
            return [
                row(
                    code, ExactAmount.max(wage.times(percent, over: 100), minimum), StatutoryRates.article(grade: grade)
                )
            ]

        case ItemCode.pensionTopup:
            // 条例 35(3) (rev. 2): the month's 伤残津贴 minus the month's pension, from the pension's start.
            guard let allowance = try disabilityMonthly(facts, month: month, knownWage: knownWage) else { return [] }
            guard let pension = facts.pension(in: month) else { return [row(code, .zero, "条例 35")] }
            // A pension row without its amount: the top-up cannot be judged.
            guard let amount = pension.monthlyAmount else { return [] }
            let topup = allowance.rounded - amount
            return [row(code, topup > .zero ? ExactAmount(topup) : .zero, "条例 35")]

        case ItemCode.medicalLump, ItemCode.employmentLump:
            // 条例 36–37: on ending the labour relationship, the province's months of own wage (grades 5–10);
            // grades 1–4 are entitled to nothing of them (rev. 2).
            guard facts.grade != nil, StatutoryRates.grades.contains(grade) else { return [] }
            guard (5...10).contains(grade) else { return [row(code, .zero, StatutoryRates.article(grade: grade))] }
            let name =
                code == ItemCode.medicalLump
                ? ParameterName.medicalSubsidyMonths(grade: grade)
                : ParameterName.employmentSubsidyMonths(grade: grade)
            let months = try parameter(name, facts)
            let wage = try ownWage(facts, known: knownWage)
            return [row(code, wage.times(months.tenThousandths, over: 10_000), StatutoryRates.article(grade: grade))]

        case ItemCode.funeral:
            // 条例 39(1)(1): 6 months of the average monthly wage of the year of death (rev. 2); also for a
            // grade 1–4 worker who died later (39(3)).
            guard facts.entitlesSurvivorBenefits, let death = facts.dateOfDeath else {
                return [row(code, .zero, "条例 39")]
            }
            let average = ExactAmount(yuan: try parameter(ParameterName.avgMonthlyWage, facts, year: death.year))
            return [row(code, average.times(StatutoryRates.funeralMonths, over: 1), "条例 39")]

        case ItemCode.deathLump:
            // 条例 39(1)(3): 20 × the national urban disposable income of the year of death's row (rev. 2);
            // 39(3): a grade 1–4 worker who died later gets only (1) and (2).
            guard facts.entitlesDeathLump, let death = facts.dateOfDeath else { return [row(code, .zero, "条例 39")] }
            let name = ParameterName.urbanDisposableIncome
            guard let income = parameters.value(name, region: .national, year: death.year) else {
                throw .missingParameter(name: name, region: .national, year: death.year)
            }
            return [row(code, ExactAmount(yuan: income).times(StatutoryRates.deathLumpMultiple, over: 1), "条例 39")]

        case ItemCode.dependant:
            guard facts.entitlesSurvivorBenefits else { return [] }
            return try dependantRows(facts, month: month, knownWage: knownWage)

        default:
            return []
        }
    }

    /// 伤残津贴 of grades 1–4 for a month (条例 35, 40; rules.md §5 rev. 2): the base (own wage, bounded ×
    /// 90/85/80/75 %) of the accident year, adjusted by each later year's `adjust_ratio`/`adjust_amount` up to
    /// the month's year, then topped up to the `min_monthly_wage` of the month's year. 0 for grades 5–10;
    /// `nil` without a grade.
    private func disabilityMonthly(
        _ facts: CaseFacts, month: YearMonth, knownWage: ExactAmount?
    ) throws(EntitlementError) -> ExactAmount? {
        guard let grade = facts.grade, StatutoryRates.grades.contains(grade) else { return nil }
        guard (1...4).contains(grade), let percent = StatutoryRates.disabilityMonthlyPercent(grade: grade) else {
            return .zero
        }
        let wage = try ownWage(facts, known: knownWage)
        let base = wage.times(percent, over: 100).rounded
        let adjusted = parameters.adjusted(base, region: facts.regionCode, from: facts.accidentYear, to: month.year)
        let minimumYear = max(month.year, facts.accidentYear)
        let minimum = ExactAmount(yuan: try figure(.minMonthlyWage, facts, year: minimumYear))
        return ExactAmount.max(ExactAmount(adjusted), minimum)
    }

    /// 条例 39(1)(2): 40 % of the own wage for the spouse, 30 % for each other dependant, ten points more for
    /// a lone elder or an orphan; when the shares add up to more than 100 %, each is scaled by 100 / sum
    /// (rules.md §5), and each dependant's amount is rounded separately.
    ///
    /// Rev. 2: the dependants are those eligible in the month (供养亲属范围规定 art. 3, judged on its first
    /// day), each person once; the cap is applied over them on the bases, and each capped base is then
    /// adjusted from the year of death to the month's year (条例 40). A dependant of the case who is not
    /// eligible in the month gets a row of 0.
    ///
    /// With `only`, just that dependant's row is computed (the cap still counts every eligible dependant):
    /// R10 asks for one dependant a month.
    private func dependantRows(
        _ facts: CaseFacts, month: YearMonth, knownWage: ExactAmount?, only: PersonID? = nil
    ) throws(EntitlementError) -> [EntitlementItem] {
        var seen: Set<PersonID> = []
        let people = facts.dependents.filter { seen.insert($0.dependentID).inserted }
        guard !people.isEmpty else { return [] }
        let eligible = people.filter { DependantEligibility.isEligible($0, in: month) }
        let wage = try ownWage(facts, known: knownWage)
        let percents = eligible.map(StatutoryRates.dependantPercent)
        let sum = percents.reduce(0, +)
        let over = sum > StatutoryRates.dependantsCapPercent ? sum : 100
        let baseYear = facts.dateOfDeath?.year ?? facts.accidentYear
        var amounts: [PersonID: Money] = [:]
        for (dependent, percent) in zip(eligible, percents) where only == nil || dependent.dependentID == only {
            let base = wage.times(percent, over: over).rounded
            amounts[dependent.dependentID] = parameters.adjusted(
                base, region: facts.regionCode, from: baseYear, to: month.year)
        }
        return people.filter { only == nil || $0.dependentID == only }.map { dependent in
            var item = row(ItemCode.dependant, ExactAmount(amounts[dependent.dependentID] ?? .zero), "条例 39")
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
        guard let averageValue = parameters.figure(.avgMonthlyWage, region: region, year: year) else {
            throw .missingParameter(name: ParameterName.avgMonthlyWage, region: region, year: year)
        }
        let average = ExactAmount(yuan: averageValue)
        let floor = average.times(StatutoryRates.ownWageFloorPercent, over: 100)
        let cap = average.times(StatutoryRates.ownWageCapPercent, over: 100)
        let wage = ExactAmount(declared)
        if ExactAmount.compare(wage, floor) < 0 { return floor }
        if ExactAmount.compare(wage, cap) > 0 { return cap }
        return wage
    }

    /// A figure read once a month paid, of the case's region and `year` (see `ParameterTable.MonthlyFigure`).
    private func figure(
        _ figure: ParameterTable.MonthlyFigure, _ facts: CaseFacts, year: Int
    ) throws(EntitlementError) -> Decimal4 {
        guard let value = parameters.figure(figure, region: facts.regionCode, year: year) else {
            throw .missingParameter(name: figure.name, region: facts.regionCode, year: year)
        }
        return value
    }

    /// A parameter of the case's region, for the accident year unless another year is given (rules.md §5).
    private func parameter(_ name: String, _ facts: CaseFacts, year: Int? = nil) throws(EntitlementError) -> Decimal4 {
        try parameter(name, region: facts.regionCode, year: year ?? facts.accidentYear)
    }

    private func parameter(_ name: String, region: RegionCode, year: Int) throws(EntitlementError) -> Decimal4 {
        guard let value = parameters.value(name, region: region, year: year) else {
            throw .missingParameter(name: name, region: region, year: year)
        }
        return value
    }
}
