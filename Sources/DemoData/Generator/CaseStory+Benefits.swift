import FundModel
import FundRules

extension CaseStory {
    /// Everything a recognized case receives up to as-of.
    mutating func makeBenefits() throws {
        makeTreatment()
        if shape.profile == .fatal {
            try makeDeathBenefits()
        } else if shape.assessment != nil {
            try makeAssessments()
        }
    }

    // MARK: - Assessments and disability benefits

    private mutating func makeAssessments() throws {
        guard let plan = shape.assessment, let initial = timeline.initial, initial.applied <= options.asOf else {
            return
        }
        let asOf = options.asOf
        let network = ctx.network
        if has(.severeEvidence), let plant = network.plantHospitals.severeEvidence { evidenceHospital = plant }
        if has(.evidenceWithoutVisit) {
            // Evidence from a hospital of the city the worker never went to.
            let candidates = network.cityHospitals[instance.city].filter {
                $0 != treatmentHospital && $0 != network.plantHospitals.costly
            }
            evidenceHospital = candidates[instance.template % candidates.count]
        }
        let hospitalID = network.hospitals[evidenceHospital].record.institutionID
        if !has(.evidenceWithoutVisit) {
            visit(
                hospitalID, max(instance.accident.adding(days: 1), initial.applied.adding(days: -rng.int(3...12))),
                diagnosis: "工伤鉴定前复查：" + shape.description)
        }

        // 初次鉴定 at the city's committee.
        var concluded: Day? = initial.concluded <= asOf ? initial.concluded : nil
        if has(.lumpWithoutConclusion) { concluded = nil }
        let grade = concluded == nil ? nil : plan.grade
        var forced: [Int] = []
        if has(.severeEvidence), let expert = network.plantHospitals.severeExpert { forced.append(expert) }
        if has(.panelConcentration), let expert = ctx.plantPanelExpert { forced.append(expert) }
        if has(.recusal) {
            // An expert of the evidence hospital sits on the panel (R18 recusal).
            let pool = network.cityExperts[instance.city]
            if let expert = pool.first(where: { network.experts[$0].institutionID == hospitalID }) {
                forced.append(expert)
            }
        }
        let initialRecord = makeAssessment(
            kind: .initial, dates: initial, concluded: concluded, grade: grade,
            nursing: concluded == nil ? nil : plan.nursing, committee: cityCode, pool: instance.city, size: 3,
            severe: (plan.grade ?? 99) <= 4, hospitalID: hospitalID, forced: forced)
        assessments.append(initialRecord)
        if concluded != nil {
            payments.append(
                draft(
                    ItemCode.assessmentFee, Money(yuan: Int64(plan.feeYuan)),
                    paid: timeline.day(initial.safeMonth, shape.payDays[3])))
        }
        var final: (dates: AssessmentDates, grade: Int?)? = concluded == nil ? nil : (initial, plan.grade)

        // 再次鉴定 at the province, within 15 days of the conclusion.
        if let s = plan.second, let second = timeline.second, final != nil, second.applied <= asOf {
            let concluded2 = second.concluded <= asOf ? second.concluded : nil
            assessments.append(
                makeAssessment(
                    kind: .second, dates: second, concluded: concluded2, grade: concluded2 == nil ? nil : s.grade,
                    nursing: concluded2 == nil ? nil : NursingLevel.none, committee: ProvinceBlueprint.code, pool: -1,
                    size: 5, severe: false, hospitalID: hospitalID, forced: []))
            if concluded2 != nil {
                payments.append(
                    draft(
                        ItemCode.assessmentFee, Money(yuan: Int64(plan.feeYuan)),
                        paid: timeline.day(second.safeMonth, shape.payDays[3])))
                final = (second, s.grade)
            } else {
                final = nil  // benefits wait for the province's conclusion
            }
        }
        // 复查鉴定 a year or more later, with its own visit to the evidence hospital.
        if let r = plan.review, let review = timeline.review, final != nil, review.applied <= asOf {
            if !has(.evidenceWithoutVisit) {
                visit(
                    hospitalID, review.applied.adding(days: -rng.int(4...15)), diagnosis: "复查鉴定前复诊：" + shape.description
                )
            }
            let concludedR = review.concluded <= asOf ? review.concluded : nil
            assessments.append(
                makeAssessment(
                    kind: .review, dates: review, concluded: concludedR, grade: concludedR == nil ? nil : r.grade,
                    nursing: concludedR == nil ? nil : r.nursing, committee: cityCode, pool: instance.city, size: 3,
                    severe: true, hospitalID: hospitalID, forced: []))
            if concludedR != nil {
                payments.append(
                    draft(
                        ItemCode.assessmentFee, Money(yuan: Int64(plan.feeYuan)),
                        paid: timeline.day(review.safeMonth, shape.payDays[3])))
            }
        }

        guard let final, let finalGrade = final.grade else { return }
        let benefitsMonth = max(final.dates.safeMonth, timeline.decisionSafe)
        let lumpFacts = facts(grade: finalGrade, nursing: plan.nursing)
        payments.append(
            draft(
                ItemCode.disabilityLump, try statutory(ItemCode.disabilityLump, lumpFacts),
                paid: timeline.day(benefitsMonth, shape.payDays[1])))
        if finalGrade <= 4 { try makeMonthlyAllowances(from: final.dates.concluded, firstPayMonth: benefitsMonth) }
        if finalGrade >= 5, let leave = timeline.leave, let leaveMonth = timeline.leaveMonth, leave <= asOf {
            worker.insuredUntil = leave
            payments.append(
                draft(
                    ItemCode.medicalLump, try statutory(ItemCode.medicalLump, lumpFacts),
                    paid: timeline.day(leaveMonth + 1, shape.payDays[4])))
            if let training = shape.trainingYuan {
                payments.append(
                    draft(
                        ProvinceItems.training.itemCode, Money(yuan: Int64(training)),
                        paid: timeline.day(leaveMonth + 2, shape.payDays[5])))
            }
        }
    }

    mutating func makeAssessment(
        kind: AssessmentKind, dates: AssessmentDates, concluded: Day?, grade: Int?, nursing: NursingLevel?,
        committee: RegionCode, pool: Int, size: Int, severe: Bool, hospitalID: String, forced: [Int],
        caseID: String? = nil
    ) -> Assessment {
        let experts = pool >= 0 ? ctx.network.cityExperts[pool] : ctx.network.provinceExperts
        let panel = ctx.panels.select(
            poolID: pool, pool: experts, size: size, severe: severe, hospitalID: hospitalID, employer: employerNumber,
            date: concluded ?? dates.applied, experts: ctx.network.experts, forced: forced)
        return Assessment(
            assessmentID: ctx.nextAssessmentID(committee: committee, year: dates.applied.year),
            caseID: caseID ?? caseRecord!.caseID,
            workerID: worker.workerID, kind: kind, appliedDate: dates.applied, concludedDate: concluded, grade: grade,
            nursing: nursing, hospitalID: hospitalID, expertIDs: panel.map { ctx.network.experts[$0].expertID },
            regionCode: committee)
    }

    /// 伤残津贴 (and 生活护理费) every month from the month after the conclusion, switching to the pension
    /// top-up once the worker draws a pension; the months before the first payment are paid together.
    ///
    /// Rev. 2: every month at its own statutory amount (the calculator's, for that month): nursing on the
    /// month's year's average wage, the allowance adjusted under 条例 40 and topped up to the month's minimum
    /// wage, the top-up as the month's allowance minus the month's pension.
    private mutating func makeMonthlyAllowances(from concluded: Day, firstPayMonth: Int) throws {
        if let start = pensionStart {
            let base = try statutory(ItemCode.disabilityMonthly, facts(grade: shape.assessment!.grade, nursing: nil))
            // A basic pension below the allowance: the fund tops it up (条例 35(3)).
            let pension = Money(yuan: base.fen / 100 * Int64(rng.int(55...85)) / 100)
            pensionMonthly = pension
            if start <= options.asOf {
                pensionRows.append(PensionRecord(personID: worker.workerID, startDate: start, monthlyAmount: pension))
                // Rev. 2: the pension is raised from the next January, a second row of ext_pensions (the R06
                // plant's pension starts too late in the data for one).
                let raise = Day(year: start.year + 1, month: 1, day: 1)!
                if raise <= options.asOf {
                    pensionRows.append(
                        PensionRecord(
                            personID: worker.workerID, startDate: raise,
                            monthlyAmount: Money(yuan: pension.fen / 100 * 104 / 100)))
                }
                // Written latest first: FundStore's ext_pensions still keys a person's pension on person_id
                // alone, so an import keeps the last row of a person; the first row kept, the top-up of a
                // month after the raise is below the amount computed from it, never above (no false R10).
                for row in pensionRows.reversed() { ext.append(.pension(row)) }
                worker.insuredUntil = start.adding(days: -1)
            }
        }
        let first = timeline.offset(of: concluded.yearMonth) + 1
        // The R06 plant keeps paying the allowance for three months after the pension starts.
        let overlap = has(.allowanceWithPension) ? 3 : 0
        var monthsByItem: [String: [(offset: Int, amount: Money)]] = [:]
        var m = first
        while timeline.day(max(m, firstPayMonth), 10) <= options.asOf {
            let month = timeline.month(m)
            let service = month.firstDay
            guard let inForce = assessmentInForce(before: service), let grade = inForce.grade else { break }
            let nursing = inForce.nursing
            let monthFacts = facts(grade: grade, nursing: nursing)
            if let start = pensionStart, service >= start.yearMonth.adding(months: overlap).firstDay {
                let topup = try statutory(ItemCode.pensionTopup, monthFacts, month: month)
                if topup > .zero { monthsByItem[ItemCode.pensionTopup, default: []].append((m, topup)) }
            } else {
                monthsByItem[ItemCode.disabilityMonthly, default: []].append(
                    (m, try statutory(ItemCode.disabilityMonthly, monthFacts, month: month)))
            }
            if let nursing, nursing != .none {
                monthsByItem[ItemCode.nursing, default: []].append(
                    (m, try statutory(ItemCode.nursing, monthFacts, month: month)))
            }
            m += 1
        }
        for item in [ItemCode.disabilityMonthly, ItemCode.nursing, ItemCode.pensionTopup] {
            for group in groupMonths(monthsByItem[item] ?? [], firstPayMonth: firstPayMonth) {
                payments.append(
                    draft(
                        item, group.amount, paid: timeline.day(group.payMonth, 10),
                        period: (timeline.month(group.first).firstDay, timeline.month(group.last).lastDay)))
            }
        }
    }

    /// The latest assessment of the case concluded strictly before `day` (rules.md §5).
    func assessmentInForce(before day: Day) -> Assessment? {
        assessments.filter { ($0.concludedDate.map { $0 < day } ?? false) }.max {
            ($0.concludedDate!, $0.kind.rank) < ($1.concludedDate!, $1.kind.rank)
        }
    }

    /// Consecutive months paid in the same month at the same monthly amount become one payment.
    func groupMonths(
        _ months: [(offset: Int, amount: Money)], firstPayMonth: Int
    ) -> [(first: Int, last: Int, payMonth: Int, amount: Money)] {
        var groups: [(first: Int, last: Int, payMonth: Int, amount: Money)] = []
        var monthly = Money.zero
        for entry in months {
            let pay = max(entry.offset, firstPayMonth)
            if var last = groups.last, last.payMonth == pay, last.last == entry.offset - 1, monthly == entry.amount {
                last.last = entry.offset
                last.amount += entry.amount
                groups[groups.count - 1] = last
            } else {
                groups.append((entry.offset, entry.offset, pay, entry.amount))
                monthly = entry.amount
            }
        }
        return groups
    }

    // MARK: - Death

    private mutating func makeDeathBenefits() throws {
        guard let death = timeline.death else { return }
        let asOf = options.asOf
        var people: [Dependent] = []
        var plans = shape.dependants
        if has(.dependantAdult) {
            // A child who turns 18 three months before as-of, still paid afterwards (R15).
            plans = [DependantPlan(relation: .spouse, ageAtDeath: max(25, shape.ageAtAccident), lone: false)]
        }
        if has(.dependantAfterDeath) && !plans.contains(where: { $0.relation != .child }) {
            // The R05 plant needs a dependant who is not a child: the widow(er) is added.
            plans.insert(DependantPlan(relation: .spouse, ageAtDeath: max(25, shape.ageAtAccident), lone: false), at: 0)
            for k in plans.indices { plans[k].lone = false }
        }
        var guardianAccount: String?
        for plan in plans {
            var age = plan.ageAtDeath
            // R15 rev. 2: the widow stays under 55 for the whole data window.
            if plan.relation == .spouse && has(.spouseUnderAge) { age = min(age, 40) }
            // 供养亲属范围规定 art. 3: a parent or grandparent is a dependant from 60 (a man) or 55 (a woman), or
            // when disabled; the demo's parents are 60 or older.
            if [.parent, .grandparent].contains(plan.relation) && age < 60 { age = 60 + age % 7 }
            let birth = death.adding(years: -age).adding(days: -rng.int(1...360))
            people.append(
                makeDependant(plan.relation, birth: birth, lone: plan.lone, death: death, guardian: &guardianAccount))
        }
        if has(.dependantAdult) {
            let birthday = options.asOf.yearMonth.adding(months: -3).firstDay.adding(days: 11)
            people.append(
                makeDependant(
                    .child, birth: Day(year: birthday.year - 18, month: birthday.month, day: birthday.components.day)!,
                    lone: false, death: death, guardian: &guardianAccount))
        }
        preparePlantedDependants(&people, death: death)
        dependants = people
        let decidedMonth = max(timeline.decisionSafe, timeline.offset(of: death.yearMonth) + 1)
        let lumpFacts = facts(grade: nil, nursing: nil, dependants: people)
        let recipient = people.first
        let recipientAccount = recipient.map { dependantAccounts[$0.dependentID]! }
        for item in [ItemCode.funeral, ItemCode.deathLump] {
            payments.append(
                draft(
                    item, try statutory(item, lumpFacts), paid: timeline.day(decidedMonth, shape.payDays[1]),
                    payee: recipientAccount, dependant: recipient?.dependentID))
        }
        // 供养亲属抚恤金 from the month after the death, each month at its own amount (rev. 2: adjusted under
        // 条例 40 from the year of death); amounts as if no one had left the list yet (the shares never add up
        // to more than 100 %, so one dependant leaving does not change the others').
        var amountFacts = lumpFacts
        amountFacts.dependents = people.map {
            var d = $0
            d.endDate = nil
            return d
        }
        // What an ineligible dependant is paid by a plant that pays anyway: the amount had they been eligible.
        var paidAnywayFacts = amountFacts
        paidAnywayFacts.dependents = amountFacts.dependents.map {
            var d = $0
            d.disabled = true
            return d
        }
        let start = timeline.offset(of: death.yearMonth) + 1
        for person in people {
            var months: [(offset: Int, amount: Money)] = []
            var m = start
            while timeline.day(max(m, decidedMonth), 10) <= asOf {
                let month = timeline.month(m)
                let service = month.firstDay
                if let end = person.endDate, service > end, !continuesPastEnd(person) { break }
                if person.relation == .child, let birth = person.birthDate,
                    service >= birth.birthday(age: 18).yearMonth.firstDay,
                    !has(.dependantAdult)
                {
                    break
                }
                if !isSuspended(person, on: service) {
                    var amount = try statutory(
                        ItemCode.dependant, amountFacts, dependant: person.dependentID, month: month)
                    if amount == .zero && paidWhileIneligible(person) {
                        amount = try statutory(
                            ItemCode.dependant, paidAnywayFacts, dependant: person.dependentID, month: month)
                    }
                    if amount > .zero { months.append((m, amount)) }
                }
                m += 1
            }
            for group in groupMonths(months, firstPayMonth: decidedMonth) {
                payments.append(
                    draft(
                        ItemCode.dependant, group.amount, paid: timeline.day(group.payMonth, 10),
                        period: (timeline.month(group.first).firstDay, timeline.month(group.last).lastDay),
                        payee: dependantAccounts[person.dependentID], dependant: person.dependentID))
            }
        }
    }

    /// A dependant: the spouse of the other sex than the worker, the others of either; a spouse below the
    /// age of art. 3 (60 for a man, 55 for a woman) on the first month paid is one who has completely lost
    /// the capacity to work (`disabled`), the only way such a spouse is a dependant (R15 plants aside).
    private mutating func makeDependant(
        _ relation: Relation, birth: Day, lone: Bool, death: Day, guardian: inout String?
    ) -> Dependent {
        let region = ctx.county(of: instance.city, &rng)
        let drawn = rng.chance(perMille: 500)
        let male = relation == .spouse ? worker.gender != .male : drawn
        var id = ctx.ids.make(region: region, birth: birth, male: male, &rng)
        // DQ01: the first dependant's id is written with a wrong check character.
        if has(.dependantBadCheckCharacter) && dependantAccounts.isEmpty {
            id = PersonIDFactory.corrupted(id)
        }
        var end: Day?
        if relation == .child {
            let adult = birth.birthday(age: 18)
            if adult <= options.asOf { end = adult.adding(days: -1) }
        }
        var person = Dependent(
            dependentID: id, caseID: caseRecord!.caseID, relation: relation, birthDate: birth, lone: lone,
            disabled: false,
            startDate: death.adding(days: 1), endDate: end)
        let firstMonth = death.yearMonth.adding(months: 1)
        if [.spouse, .parent, .grandparent].contains(relation),
            !DependantEligibility.isEligible(person, in: firstMonth),
            !(relation == .spouse && has(.spouseUnderAge))
        {
            person.disabled = true
        }
        let own = ctx.nextRelativeAccount()
        if relation == .spouse { guardian = own }
        dependantAccounts[id] = relation == .child ? (guardian ?? own) : own
        return person
    }

    /// Plants that pay a dependant in months they are not eligible for (R15): the amount had they been.
    private func paidWhileIneligible(_ person: Dependent) -> Bool {
        (has(.dependantAdult) && person.relation == .child) || (has(.spouseUnderAge) && person.relation == .spouse)
    }

    /// Plants that keep paying past the end of entitlement.
    private func continuesPastEnd(_ person: Dependent) -> Bool {
        has(.dependantRemarried) && person.relation == .spouse
    }

    /// A dependant in prison: the pension is suspended (供养亲属范围规定 art. 5), unless a plant pays anyway.
    private func isSuspended(_ person: Dependent, on day: Day) -> Bool {
        guard let term = dependantPrison[person.dependentID] else { return false }
        return term.covers(day) && !has(.dependantImprisoned)
    }
}

extension AssessmentKind {
    /// A later stage of the procedure outranks an earlier one concluded the same day.
    var rank: Int {
        switch self {
        case .initial: 0
        case .second: 1
        case .review: 2
        }
    }
}
