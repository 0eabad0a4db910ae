import FundModel
import FundRules

extension CaseStory {
    /// The plants of the rules' revision 2 (docs/demo-province.md): duplicates (R26), inflated declared
    /// wages (R27), items the case is entitled to nothing of and a double adjustment (R10), ineligible or
    /// unnamed dependants (R15), a medical-insurance stay elsewhere (R14), a dependant's bad id (DQ01), and
    /// the look-alikes that must stay quiet (a reversed and reissued allowance and hospital bill).
    mutating func applyRevisionTwoPlant(_ plant: Plant, caseID: String) throws {
        let asOf = options.asOf
        func singleMonth(_ d: DraftPayment) -> Bool {
            d.payment.periodStart.map { $0.yearMonth == d.payment.periodEnd?.yearMonth } ?? false
        }
        switch plant {
        case .lumpPaidTwice:
            let i = try firstPayment(ItemCode.disabilityLump)
            var copy = payments[i]
            copy.payment.paidDate = copy.payment.paidDate.adding(days: 35)
            copy.truth = [("R26", "一次性伤残补助金已于 \(payments[i].payment.paidDate.iso) 支付，35 天后再次支付")]
            payments.append(copy)
        case .nursingMonthPaidTwice:
            let i = try firstPayment(ItemCode.nursing) {
                singleMonth($0) && $0.payment.paidDate.adding(days: 5) <= asOf
            }
            var copy = payments[i]
            copy.payment.paidDate = copy.payment.paidDate.adding(days: 5)
            let month = copy.payment.periodStart!.yearMonth.iso
            copy.truth = [("R26", "\(month) 的生活护理费已发放，5 天后同月再次发放")]
            payments.append(copy)
        case .allowanceUnderTwoCases:
            try addLaterCase(olderCaseID: caseID)
        case .allowanceReversedAndReissued:
            // Background: a month of allowance returned by the bank (退票), reversed and paid again.
            let i = try firstPayment(ItemCode.disabilityMonthly) {
                singleMonth($0) && $0.payment.paidDate.adding(days: 10) <= asOf
            }
            var reversal = payments[i]
            reversal.payment.amount = Money.zero - reversal.payment.amount
            reversal.payment.paidDate = reversal.payment.paidDate.adding(days: 4)
            var reissue = payments[i]
            reissue.payment.paidDate = reissue.payment.paidDate.adding(days: 8)
            payments += [reversal, reissue]
        case .wageDeclaredHigh:
            ctx.truth.add("R27", .case, caseID, "申报本人工资为事故前 12 个月缴费工资平均数的 1.5 倍，一次性伤残补助金随之多算")
        case .wageDeclaredVeryHigh:
            ctx.truth.add("R27", .case, caseID, "申报本人工资为事故前 12 个月缴费工资平均数的 2.5 倍，一次性伤残补助金随之多算")
        case .deathLumpNotFatal:
            let day = options.windowStart.adding(days: 17)
            guard let income = StatutoryParameters.urbanDisposableIncome[day.year] else {
                throw DemoGenerationError.noHostForPlant("R10 DEATH_LUMP income \(day.year)")
            }
            var p = draft(ItemCode.deathLump, Money(yuan: income * 20), paid: day)
            p.truth.append(("R10", "职工未死亡（非工亡案件），仍支付一次性工亡补助金，依法不享受"))
            payments.append(p)
        case .funeralWhileLiving:
            let day = plantWindowDay(minMonth: timeline.decisionSafe + 2, day: 22)
            let average = Money(yuan: StatutoryParameters.cityAverageWage(city.blueprint, year: day.year))
            var p = draft(ItemCode.funeral, average * 6, paid: day)
            p.truth.append(("R10", "职工在世（非工亡案件），仍支付丧葬补助金，依法不享受"))
            payments.append(p)
        case .adjustedAllowanceOverpaid:
            let i = try firstPayment(ItemCode.disabilityMonthly) {
                singleMonth($0) && $0.payment.periodStart!.year == asOf.year
            }
            let year = payments[i].payment.periodStart!.year
            let adjustment = StatutoryParameters.adjustment(year: year)
            let lawful = payments[i].payment.amount
            payments[i].payment.amount =
                lawful.scaled(by: 10_000 + adjustment.ratio.tenThousandths, over: 10_000) + Money(yuan: adjustment.yuan)
            payments[i].truth.append(("R10", "\(year) 年伤残津贴调整重复计算一次，超过逐月法定标准"))
        case .spouseUnderAge:
            guard let spouse = dependants.first(where: { $0.relation == .spouse }) else {
                throw DemoGenerationError.noHostForPlant("R15 spouse age")
            }
            for i in payments.indices
            where payments[i].payment.itemCode == ItemCode.dependant
                && payments[i].payment.dependentID == spouse.dependentID
            {
                payments[i].truth.append(("R15", "配偶（女）未满 55 周岁且未完全丧失劳动能力，不属于供养亲属"))
            }
        case .dependantWithoutID, .dependantNotOfCase:
            guard let death = timeline.death, let first = dependants.first else {
                throw DemoGenerationError.noHostForPlant("R15 dependant")
            }
            let wage = try ctx.calculator.boundedOwnWage(
                declared: ownWage, region: cityCode, year: instance.accident.year)
            let firstMonth = max(timeline.decisionSafe, timeline.offset(of: death.yearMonth) + 1) + 1
            let day = plantWindowDay(minMonth: firstMonth, day: 10)
            let month = day.yearMonth
            var p: DraftPayment
            if plant == .dependantWithoutID {
                p = draft(
                    ItemCode.dependant, wage.scaled(by: 30, over: 100), paid: day,
                    period: (month.firstDay, month.lastDay),
                    payee: dependantAccounts[first.dependentID])
                p.truth.append(("R15", "供养亲属抚恤金未指明供养亲属（dependent_id 为空）"))
            } else {
                // The worker's brother, who is not on the case's list of dependants.
                let birth = (worker.birthDate ?? instance.accident.adding(years: -40)).adding(years: -3)
                let region = ctx.county(of: instance.city, &rng)
                let brother = ctx.ids.make(region: region, birth: birth, male: true, &rng)
                p = draft(
                    ItemCode.dependant, wage.scaled(by: 30, over: 100), paid: day,
                    period: (month.firstDay, month.lastDay),
                    payee: ctx.nextRelativeAccount(), dependant: brother)
                p.truth.append(("R15", "抚恤金收款人不是本案登记的供养亲属"))
            }
            payments.append(p)
        case .invoiceReversedAndReissued:
            // Background: a hospital bill reversed (冲正) and settled again with the same invoice.
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            var reversal = payments[i]
            reversal.payment.amount = Money.zero - reversal.payment.amount
            reversal.payment.paidDate = reversal.payment.paidDate.adding(days: 7)
            reversal.keepChannel = true
            var reissue = payments[i]
            reissue.payment.paidDate = reissue.payment.paidDate.adding(days: 14)
            reissue.keepChannel = true
            payments += [reversal, reissue]
        case .medicalInsuranceElsewhere:
            let i = try firstPayment(ItemCode.med) {
                guard let s = $0.payment.periodStart, let e = $0.payment.periodEnd else { return false }
                return s.distance(to: e) >= 4
            }
            let original = payments[i].payment
            let others = ctx.network.cityHospitals[instance.city].filter {
                $0 != treatmentHospital && $0 != ctx.network.plantHospitals.costly
            }
            let other = ctx.network.hospitals[others[(instance.template + 1) % others.count]].record.institutionID
            let admission = original.periodStart!.adding(days: 1)
            visit(other, admission)
            ext.append(
                .medicalInsurance(
                    MedicalInsuranceStay(
                        personID: worker.workerID, institutionID: other, admissionDate: admission,
                        dischargeDate: admission.adding(days: 2), amount: Money(yuan: 3_200),
                        invoiceNo: "YB" + original.invoiceNo!.dropFirst(2))))
            payments[i].truth.append(("R14", "住院期间同时在 \(other) 有医保住院记录"))
        case .dependantBadCheckCharacter:
            guard let first = dependants.first else { throw DemoGenerationError.noHostForPlant("DQ01 dependant") }
            ctx.truth.add("DQ01", .dependent, first.dependentID.raw, "供养亲属身份证号校验位错误")
        default:
            break
        }
    }

    /// R26 (条例 45): the worker is injured again; the later case's grade 1–4 allowance is paid from the month
    /// after its conclusion while the older case's allowance runs on. Every month of the older case's
    /// allowance that the later case also pays fires (the older case's grade is not the latest).
    private mutating func addLaterCase(olderCaseID: String) throws {
        let asOf = options.asOf
        let accidentMonth = asOf.yearMonth.adding(months: -14)
        let accident = accidentMonth.firstDay.adding(days: 7)
        let applied = accident.adding(days: 12)
        let accepted = applied.adding(days: 3)
        let decided = accepted.adding(days: 25)
        let assessmentApplied = accidentMonth.adding(months: 4).firstDay.adding(days: 9)
        let concluded = assessmentApplied.adding(days: 30)
        let grade = max(1, (finalGrade ?? 4) - 1)
        let wage = Money(
            yuan: StatutoryParameters.cityAverageWage(city.blueprint, year: accident.year)
                * Int64(shape.wageRatioPerMille) / 1_000)
        let later = InjuryCase(
            caseID: ctx.nextCaseID(city: cityCode, year: accident.year), workerID: worker.workerID,
            employerID: employer.record.employerID, regionCode: cityCode, accidentDate: accident, kind: .injury,
            appliedDate: applied, applicant: .employer, acceptedDate: accepted, decidedDate: decided,
            decision: .recognized, fatal: false, ownWage: wage, thirdParty: false, description: "原工伤职工再次受伤：搬运时跌倒致胸椎骨折")
        laterCases.append(later)
        let hospitalID = ctx.network.hospitals[evidenceHospital].record.institutionID
        visit(hospitalID, accident, diagnosis: later.description)
        visit(hospitalID, assessmentApplied.adding(days: -6), diagnosis: "工伤鉴定前复查：" + later.description)
        assessments.append(
            makeAssessment(
                kind: .initial, dates: AssessmentDates(applied: assessmentApplied, concluded: concluded, safeMonth: 0),
                concluded: concluded, grade: grade, nursing: NursingLevel.none, committee: cityCode,
                pool: instance.city,
                size: 3, severe: true, hospitalID: hospitalID, forced: [], caseID: later.caseID))
        let facts = CaseFacts(
            caseID: later.caseID, regionCode: cityCode, accidentDate: accident, declaredOwnWage: wage, fatal: false,
            grade: grade, nursing: NursingLevel.none, dependents: [], hasConcludedAssessment: true)
        let firstMonth = concluded.yearMonth.adding(months: 1)
        // The later case's disability lump is not paid within the data (its hundreds of thousands would lift the
        // city's yearly expenditure growth towards I01's warning); its allowance and fee are.
        var extra: [DraftPayment] = [
            draft(ItemCode.assessmentFee, Money(yuan: 1_200), paid: firstMonth.firstDay.adding(days: 19))
        ]
        var month = firstMonth
        while month.firstDay.adding(days: 9) <= asOf {
            extra.append(
                draft(
                    ItemCode.disabilityMonthly, try statutory(ItemCode.disabilityMonthly, facts, month: month),
                    paid: month.firstDay.adding(days: 9), period: (month.firstDay, month.lastDay)))
            month = month.adding(months: 1)
        }
        for k in extra.indices { extra[k].payment.caseID = later.caseID }
        for i in payments.indices
        where payments[i].payment.itemCode == ItemCode.disabilityMonthly && payments[i].payment.caseID == olderCaseID
            && (payments[i].payment.periodEnd.map { $0.yearMonth >= firstMonth } ?? false)
        {
            payments[i].truth.append(("R26", "职工在新认定案件 \(later.caseID) 下已按新等级领取同月伤残津贴（条例 45），原案件仍在发放"))
        }
        payments += extra
    }
}
