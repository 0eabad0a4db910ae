import FundModel
import FundRules

/// The provincial additions to the item list used by the demo (`benefit_items.csv`).
enum ProvinceItems {
    /// A provincial item with a legal basis: its payments are in order.
    static let training = BenefitItemRow(
        itemCode: "PROV_TRAINING", name: "工伤职工职业技能培训补贴", payer: .fund,
        basis: "东海省工伤保险条例实施办法 第二十六条", status: .active)
    /// Retired by the province: paying it is R01 (red).
    static let transport = BenefitItemRow(
        itemCode: "PROV_TRANSPORT", name: "工伤职工交通补贴", payer: .fund, basis: "东海省工伤保险待遇标准（2015）", status: .retired)
    /// Added without a basis (自行制定): paying it is R01 (orange).
    static let heating = BenefitItemRow(
        itemCode: "PROV_HEATING", name: "冬季取暖补贴", payer: .fund, basis: nil, status: .active)
    /// Not on any list: paying it is R01 (red).
    static let unlistedCode = "CONDOLENCE"

    static let rows = [training, transport, heating]
}

extension CaseStory {
    /// The dependants' side of the plants: a remarriage, an adult child, a prison term, a death.
    mutating func preparePlantedDependants(_ people: inout [Dependent], death: Day) {
        let asOf = options.asOf.yearMonth
        if has(.dependantRemarried), let i = people.firstIndex(where: { $0.relation == .spouse }) {
            people[i].endDate = asOf.adding(months: -3).firstDay.adding(days: -1)
        }
        if has(.dependantAdult), let i = people.firstIndex(where: { $0.relation == .child }) {
            people[i].endDate = nil
        }
        if has(.dependantImprisoned), let first = people.first {
            dependantPrison[first.dependentID] = Imprisonment(
                personID: first.dependentID, startDate: asOf.adding(months: -3).firstDay.adding(days: 14), endDate: nil)
        }
        if has(.dependantSuspendedInPrison), let first = people.first {
            // Background: a dependant in prison whose pension is correctly suspended (no finding).
            let start = asOf.adding(months: -16).firstDay.adding(days: 9)
            dependantPrison[first.dependentID] = Imprisonment(
                personID: first.dependentID, startDate: start,
                endDate: asOf.adding(months: -10).firstDay.adding(days: 19))
        }
        for term in dependantPrison.values { ext.append(.imprisonment(term)) }
    }

    /// Bends the drafted case into its plants and records the ground truth. A plant the case turns out
    /// unable to carry is reported in `DemoReport.skippedPlants` (a test asserts there is none), not fatal.
    mutating func applyPlants() throws {
        guard !instance.plants.isEmpty, let record = caseRecord else { return }
        for plant in instance.plants {
            let saved = (payments, ext, ctx.truth)
            do {
                try applyPlant(plant, caseID: record.caseID)
            } catch let error as DemoGenerationError {
                (payments, ext, ctx.truth) = saved
                ctx.skippedPlants.append("\(plant): \(error.description)")
            }
        }
    }

    private mutating func applyPlant(_ plant: Plant, caseID: String) throws {
        let asOf = options.asOf
        switch plant {
        case .unlistedItem:
            addPlanted(ProvinceItems.unlistedCode, yuan: 2_000, rule: "R01", note: "清单外项目 CONDOLENCE（慰问金）由基金支付")
        case .retiredItem:
            addPlanted(ProvinceItems.transport.itemCode, yuan: 1_500, rule: "R01", note: "已停用的省定项目 PROV_TRANSPORT 仍在支付")
        case .itemWithoutBasis:
            addPlanted(ProvinceItems.heating.itemCode, yuan: 800, rule: "R01", note: "无依据的自行制定项目 PROV_HEATING")
        case .wageContinuationByFund:
            let month = timeline.month(timeline.decisionSafe + 1)
            var p = draft(
                ItemCode.wageContinuation, ownWage, paid: timeline.day(timeline.decisionSafe + 1, 12),
                period: (month.firstDay, month.lastDay))
            p.truth.append(("R02", "停工留薪期工资（用人单位负担）由基金支付"))
            payments.append(p)
        case .employmentLumpByFund:
            guard let lump = payments.firstIndex(where: { $0.payment.itemCode == ItemCode.medicalLump }) else {
                throw DemoGenerationError.noHostForPlant("R02 EMPLOYMENT_LUMP")
            }
            let amount = try statutory(ItemCode.employmentLump, facts(grade: finalGrade, nursing: NursingLevel.none))
            var p = draft(ItemCode.employmentLump, amount, paid: payments[lump].payment.paidDate)
            p.truth.append(("R02", "一次性伤残就业补助金（用人单位负担）由基金支付，金额按标准"))
            payments.append(p)
        case .monthly56ByFund:
            let grade = finalGrade ?? 5
            let amount = try statutory(ItemCode.disabilityMonthly56, facts(grade: grade, nursing: NursingLevel.none))
            let m = lumpMonth + 1
            var p = draft(
                ItemCode.disabilityMonthly56, amount, paid: timeline.day(m, 10),
                period: (timeline.month(m).firstDay, timeline.month(m).lastDay))
            p.truth.append(("R02", "五级/六级伤残津贴（用人单位负担）由基金支付"))
            payments.append(p)
        case .largeMed:
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            payments[i].payment.amount = Money(yuan: 138_000)
            payments[i].truth.append(("R03", "单次住院医疗费 138000 元，超过 100000 元"))
        case .largeDevice:
            let i = try firstPayment(ItemCode.device)
            payments[i].payment.amount = Money(yuan: 72_000)
            payments[i].truth.append(("R03", "辅助器具配置费 72000 元，超过 2 倍阈值 30000 元"))
        case .largeTravel:
            var p = draft(
                ItemCode.travel, Money(yuan: 12_800),
                paid: plantWindowDay(minMonth: timeline.decisionSafe + 2, day: 21),
                invoice: ctx.book.invoice())
            p.truth.append(("R03", "异地就医交通食宿费 12800 元，超过 10000 元"))
            payments.append(p)
        case .frequentMed:
            try addFrequentMed()
        case .frequentTravel:
            let start = plantWindowDay(minMonth: timeline.decisionSafe + 2, day: 3)
            for k in 0..<4 {
                payments.append(
                    draft(
                        ItemCode.travel, Money(yuan: Int64(600 + 150 * k)), paid: start.adding(days: 6 * k),
                        invoice: ctx.book.invoice()))
            }
            ctx.truth.add("R04", .worker, worker.workerID.raw, "20 天内 4 次异地就医交通食宿费（阈值 30 天 4 次）")
        case .frequentDevice:
            let i = try firstPayment(ItemCode.device)
            var second = payments[i]
            second.payment.paidDate = second.payment.paidDate.adding(days: 150)
            second.payment.invoiceNo = ctx.book.invoice()
            second.payment.amount = Money(yuan: 2_600)
            payments.append(second)
            ctx.truth.add("R04", .worker, worker.workerID.raw, "150 天内 2 次辅助器具配置（阈值 365 天 2 次）")
        case .monthlyAfterDeath:
            let death = asOf.yearMonth.adding(months: -3).firstDay.adding(days: 13)
            worker.insuredUntil = death
            ext.append(.death(DeathRecord(personID: worker.workerID, deathDate: death, source: "民政")))
            markAfterDeath(of: nil, death, note: "职工已于 \(death.iso) 死亡（民政），伤残津贴仍按月发放")
        case .dependantAfterDeath:
            guard let spouse = dependants.first(where: { $0.relation != .child }) else {
                throw DemoGenerationError.noHostForPlant("R05 dependant")
            }
            let death = asOf.yearMonth.adding(months: -3).firstDay.adding(days: 18)
            ext.append(.death(DeathRecord(personID: spouse.dependentID, deathDate: death, source: "公安")))
            markAfterDeath(of: spouse.dependentID, death, note: "供养亲属已于 \(death.iso) 死亡（公安），抚恤金仍在发放")
        case .medAfterDeath:
            guard let death = timeline.death else { throw DemoGenerationError.noHostForPlant("R05 MED") }
            let day = death.adding(days: 10)
            let hospital = ctx.network.hospitals[treatmentHospital].record.institutionID
            var p = draft(
                ItemCode.med, Money(yuan: 860), paid: timeline.day(timeline.offset(of: day.yearMonth) + 2, 15),
                period: (day, day), institution: hospital, invoice: ctx.book.invoice(), channel: .direct)
            p.keepChannel = true
            p.truth.append(("R05", "工亡职工死亡（\(death.iso)）后 10 天的门诊医疗费"))
            payments.append(p)
        case .allowanceWithPension:
            guard let start = pensionStart else { throw DemoGenerationError.noHostForPlant("R06") }
            for i in payments.indices
            where payments[i].payment.itemCode == ItemCode.disabilityMonthly && payments[i].payment.serviceDate >= start
            {
                payments[i].truth.append(("R06", "职工 \(start.iso) 起领取基本养老金，伤残津贴未停发"))
            }
        case .medicalInsuranceOverlap:
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            let p = payments[i].payment
            ext.append(
                .medicalInsurance(
                    MedicalInsuranceStay(
                        personID: worker.workerID, institutionID: p.institutionID,
                        admissionDate: p.periodStart!.adding(days: 1),
                        dischargeDate: p.periodEnd, amount: p.amount.scaled(by: 9, over: 10),
                        invoiceNo: "YB" + p.invoiceNo!.dropFirst(2))))
            payments[i].truth.append(("R07", "同一住院期间在同一医院已由医保结算"))
        case .medicalInsuranceInvoice:
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            let p = payments[i].payment
            ext.append(
                .medicalInsurance(
                    MedicalInsuranceStay(
                        personID: worker.workerID, institutionID: p.institutionID,
                        admissionDate: instance.accident.adding(days: -70),
                        dischargeDate: instance.accident.adding(days: -64), amount: p.amount, invoiceNo: p.invoiceNo)))
            payments[i].truth.append(("R07", "票据号与医保已报销票据相同"))
        case .duplicateMedInvoice:
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            var copy = payments[i]
            copy.payment.paidDate = copy.payment.paidDate.adding(days: 33)
            copy.keepChannel = true
            copy.truth = [("R08", "同一医院同一票据号 \(copy.payment.invoiceNo!) 重复支付")]
            payments.append(copy)
        case .duplicateRehabInvoice:
            let i = try firstPayment(ItemCode.rehab)
            var copy = payments[i]
            copy.payment.paidDate = copy.payment.paidDate.adding(days: 40)
            copy.truth = [("R08", "康复费票据号 \(copy.payment.invoiceNo!) 重复支付")]
            payments.append(copy)
        case .terminatedHospital:
            guard let h = ctx.network.plantHospitals.terminated else { throw DemoGenerationError.noHostForPlant("R09") }
            let hospital = ctx.network.hospitals[h].record.institutionID
            let admission = asOf.yearMonth.adding(months: -5).firstDay.adding(days: 4)
            visit(hospital, admission)
            var p = draft(
                ItemCode.med, Money(yuan: 4_600), paid: admission.adding(days: 30),
                period: (admission, admission.adding(days: 4)),
                institution: hospital, invoice: ctx.book.invoice(), channel: .direct)
            p.keepChannel = true
            p.truth.append(("R09", "协议已于上年 6 月 30 日终止的医院仍直接结算住院费"))
            payments.append(p)
        case .suspendedAssistive:
            guard let k = ctx.network.plantHospitals.suspendedAssistive else {
                throw DemoGenerationError.noHostForPlant("R09")
            }
            let id = ctx.network.institutions[k].institutionID
            var p = draft(
                ItemCode.device, Money(yuan: 5_400), paid: plantWindowDay(minMonth: timeline.decisionSafe + 2, day: 17),
                institution: id, invoice: ctx.book.invoice(), channel: .direct)
            p.truth.append(("R09", "服务协议暂停的辅助器具机构仍在配置结算"))
            payments.append(p)
        case .expiredRehab:
            guard let k = ctx.network.plantHospitals.expiredRehab else {
                throw DemoGenerationError.noHostForPlant("R09")
            }
            let id = ctx.network.institutions[k].institutionID
            let expiry = Day(year: asOf.year - 2, month: 12, day: 31)!
            let first = plantWindowDay(minMonth: timeline.decisionSafe + 1, day: 1)
            for n in 0..<2 {
                let month = first.yearMonth.adding(months: n)
                var p = draft(
                    ItemCode.rehab, Money(yuan: Int64(4_200 + 350 * n)),
                    paid: month.adding(months: 1).firstDay.adding(days: 9),
                    period: (month.firstDay, month.lastDay), institution: id, invoice: ctx.book.invoice(),
                    channel: .direct)
                p.truth.append(("R09", "服务协议 \(expiry.iso) 到期未续签的康复机构仍在结算康复费"))
                payments.append(p)
            }
        case .lumpOverpaid:
            let i = try firstPayment(ItemCode.disabilityLump)
            payments[i].payment.amount += Money(yuan: 5_000)
            payments[i].truth.append(("R10", "一次性伤残补助金比标准多付 5000 元"))
        case .monthlyOverpaid:
            let i = try firstPayment(ItemCode.disabilityMonthly) {
                $0.payment.periodStart!.yearMonth == $0.payment.periodEnd!.yearMonth
                    && $0.payment.paidDate >= options.windowStart
            }
            payments[i].payment.amount = payments[i].payment.amount.scaled(by: 6, over: 5)
            payments[i].truth.append(("R10", "当月伤残津贴按标准的 120% 发放"))
        case .funeralOverpaid:
            let i = try firstPayment(ItemCode.funeral)
            payments[i].payment.amount = payments[i].payment.amount.scaled(by: 8, over: 6)
            payments[i].truth.append(("R10", "丧葬补助金按 8 个月发放（标准为 6 个月）"))
        case .paidOnRejected:
            let hospital = ctx.network.hospitals[treatmentHospital].record.institutionID
            let day = plantWindowDay(minMonth: timeline.decisionSafe, day: 6)
            visit(hospital, day)
            var p = draft(
                ItemCode.med, Money(yuan: 3_280), paid: day.adding(days: 20), period: (day, day.adding(days: 3)),
                institution: hospital, invoice: ctx.book.invoice(), channel: .direct)
            p.keepChannel = true
            p.truth.append(("R11", "不予认定的案件 \(caseID) 仍支付工伤医疗费"))
            payments.append(p)
        case .paidBeforeAccident:
            let hospital = ctx.network.hospitals[treatmentHospital].record.institutionID
            let day = instance.accident.adding(days: -20)
            var p = draft(
                ItemCode.med, Money(yuan: 1_450), paid: timeline.day(timeline.decisionSafe + 1, 16), period: (day, day),
                institution: hospital, invoice: ctx.book.invoice(), channel: .direct)
            p.keepChannel = true
            p.truth.append(("R11", "就诊日期早于事故日期 \(instance.accident.iso) 的医疗费"))
            payments.append(p)
        case .lumpWithoutConclusion:
            let wage = try ctx.calculator.boundedOwnWage(
                declared: ownWage, region: cityCode, year: instance.accident.year)
            var p = draft(ItemCode.disabilityLump, wage * 11, paid: asOf.adding(days: -9))
            p.truth.append(("R12", "劳动能力鉴定尚未作出结论即支付一次性伤残补助金"))
            payments.append(p)
        case .allowanceForGrade6:
            let wage = try ctx.calculator.boundedOwnWage(
                declared: ownWage, region: cityCode, year: instance.accident.year)
            let m = lumpMonth + 1
            var p = draft(
                ItemCode.disabilityMonthly, wage.scaled(by: 60, over: 100), paid: timeline.day(m, 10),
                period: (timeline.month(m).firstDay, timeline.month(m).lastDay))
            p.truth.append(("R12", "\(finalGrade ?? 0) 级伤残由基金支付一至四级的伤残津贴"))
            payments.append(p)
        case .nursingWithoutNeed:
            let average = Money(yuan: StatutoryParameters.cityAverageWage(city.blueprint, year: instance.accident.year))
            let m = lumpMonth + 1
            var p = draft(
                ItemCode.nursing, average.scaled(by: 30, over: 100), paid: timeline.day(m, 10),
                period: (timeline.month(m).firstDay, timeline.month(m).lastDay))
            p.truth.append(("R12", "鉴定结论为无生活自理障碍（七至十级），仍支付生活护理费"))
            payments.append(p)
        case .accidentSoonAfterInsured:
            ctx.truth.add("R13", .case, caseID, "参保后 30 天内发生事故")
        case .accidentBeforeInsured:
            ctx.truth.add("R13", .case, caseID, "事故发生在参保之前（先出险后参保）")
        case .accidentAfterInsured:
            ctx.truth.add("R13", .case, caseID, "事故发生在停保之后")
        case .overlappingStays:
            let i = try firstPayment(ItemCode.med) { $0.payment.periodStart != $0.payment.periodEnd }
            let original = payments[i].payment
            let others = ctx.network.cityHospitals[instance.city].filter {
                $0 != treatmentHospital && $0 != ctx.network.plantHospitals.costly
            }
            let other = ctx.network.hospitals[others[instance.template % others.count]].record.institutionID
            let admission = original.periodStart!.adding(days: 2)
            visit(other, admission)
            var p = draft(
                ItemCode.med, Money(yuan: 6_900), paid: original.paidDate.adding(days: 21),
                period: (admission, original.periodEnd!.adding(days: 3)), institution: other,
                invoice: ctx.book.invoice(),
                channel: .direct)
            p.keepChannel = true
            p.truth.append(("R14", "与 \(original.institutionID!) 的住院期间重叠的另一家医院住院费"))
            payments.append(p)
        case .dependantRemarried:
            guard let spouse = dependants.first(where: { $0.relation == .spouse }), let end = spouse.endDate else {
                throw DemoGenerationError.noHostForPlant("R15 spouse")
            }
            for i in payments.indices
            where payments[i].payment.itemCode == ItemCode.dependant
                && payments[i].payment.dependentID == spouse.dependentID
                && payments[i].payment.serviceDate > end
            {
                payments[i].truth.append(("R15", "配偶已于 \(end.iso) 再婚终止供养，抚恤金仍在发放"))
            }
        case .dependantAdult:
            guard let child = dependants.first(where: { $0.relation == .child }), let birth = child.birthDate else {
                throw DemoGenerationError.noHostForPlant("R15 child")
            }
            let adult = birth.birthday(age: 18)
            for i in payments.indices
            where payments[i].payment.itemCode == ItemCode.dependant
                && payments[i].payment.dependentID == child.dependentID
                && payments[i].payment.serviceDate >= adult
            {
                payments[i].truth.append(("R15", "子女已于 \(adult.iso) 年满 18 周岁，抚恤金仍在发放"))
            }
        case .recusal:
            ctx.truth.add("R18", .assessment, assessments[0].assessmentID, "鉴定专家与出具鉴定材料的医院为同一单位，未回避")
        case .sharedAccount(let k):
            let account = Identifiers.account(prefix: "6230", serial: k + 1)
            let i = try firstPayment(ItemCode.disabilityLump) { $0.payment.paidDate >= options.windowStart }
            payments[i].payment.payeeAccount = account
        case .lateByWorker:
            ctx.truth.add("R20", .case, caseID, "职工本人在事故发生 1 年后才申请工伤认定")
        case .lateByEmployer:
            ctx.truth.add("R20", .case, caseID, "用人单位超过 30 天申请工伤认定")
        case .slowDecision:
            ctx.truth.add("R21", .case, caseID, "受理后超过 60 天未作出认定决定")
        case .evidenceWithoutVisit:
            for assessment in assessments {
                ctx.truth.add("R22", .assessment, assessment.assessmentID, "出具鉴定材料的医院无该职工就诊记录")
            }
        case .unverifiedThirdParty:
            ctx.truth.add("R23", .case, caseID, "事故次日有同等责任交通事故记录，医疗费未按先行支付处理、未核实第三人责任")
        case .dependantImprisoned:
            guard let first = dependants.first, let term = dependantPrison[first.dependentID] else {
                throw DemoGenerationError.noHostForPlant("R24 dependant")
            }
            for i in payments.indices
            where payments[i].payment.itemCode == ItemCode.dependant
                && payments[i].payment.dependentID == first.dependentID
                && term.covers(payments[i].payment.serviceDate)
            {
                payments[i].truth.append(("R24", "供养亲属 \(term.startDate.iso) 起服刑，抚恤金应中止"))
            }
        case .workerImprisoned:
            let term = Imprisonment(
                personID: worker.workerID, startDate: asOf.yearMonth.adding(months: -2).firstDay.adding(days: 19),
                endDate: nil)
            ext.append(.imprisonment(term))
            for i in payments.indices
            where [ItemCode.disabilityMonthly, ItemCode.nursing].contains(payments[i].payment.itemCode)
                && term.covers(payments[i].payment.serviceDate)
            {
                payments[i].truth.append(("R24", "职工 \(term.startDate.iso) 起服刑，仍领取伤残津贴/护理费"))
            }
        case .wageJump:
            ctx.truth.add("R25", .case, caseID, "事故前 3 个月缴费基数升至此前的 2.4 倍")
        case .lumpPaidTwice, .nursingMonthPaidTwice, .allowanceUnderTwoCases, .allowanceReversedAndReissued,
            .wageDeclaredHigh, .wageDeclaredVeryHigh, .deathLumpNotFatal, .funeralWhileLiving,
            .adjustedAllowanceOverpaid, .spouseUnderAge, .dependantWithoutID, .dependantNotOfCase,
            .invoiceReversedAndReissued, .medicalInsuranceElsewhere, .dependantBadCheckCharacter:
            try applyRevisionTwoPlant(plant, caseID: caseID)
        case .severeEvidence, .panelConcentration, .dependantSuspendedInPrison:
            break  // recorded once for the whole province, or background only
        }
    }

    /// The final grade of the case (second assessment over the initial), if concluded.
    var finalGrade: Int? {
        assessments.filter { $0.kind != .review && $0.concludedDate != nil }.max { $0.kind.rank < $1.kind.rank }?.grade
    }

    /// The month (offset) the disability lump was paid in.
    var lumpMonth: Int {
        let lump = payments.first { $0.payment.itemCode == ItemCode.disabilityLump }
        return lump.map { timeline.offset(of: $0.payment.paidDate.yearMonth) } ?? timeline.decisionSafe + 3
    }

    func firstPayment(_ item: String, where condition: (DraftPayment) -> Bool = { _ in true }) throws -> Int {
        guard
            let i = payments.firstIndex(where: {
                $0.payment.itemCode == item && condition($0) && $0.payment.paidDate >= options.windowStart
                    && $0.payment.paidDate <= options.asOf
            })
        else { throw DemoGenerationError.noHostForPlant("\(item) on \(caseRecord?.caseID ?? "?")") }
        return i
    }

    /// A day in the data window, no earlier than the month `minMonth` after the accident.
    func plantWindowDay(minMonth: Int, day: Int) -> Day {
        let windowMonth = timeline.offset(of: options.windowStart.yearMonth)
        let latest = timeline.offset(of: options.asOf.yearMonth) - 2
        return timeline.day(min(max(minMonth, windowMonth + 1), latest), day)
    }

    private mutating func addPlanted(_ item: String, yuan: Int64, rule: String, note: String) {
        var p = draft(item, Money(yuan: yuan), paid: plantWindowDay(minMonth: timeline.decisionSafe + 2, day: 11))
        p.truth.append((rule, note))
        payments.append(p)
    }

    /// R04: nine outpatient claims within 24 days, well after the rest of the treatment.
    private mutating func addFrequentMed() throws {
        let hospital = ctx.network.hospitals[treatmentHospital].record.institutionID
        let last =
            payments.filter { $0.payment.itemCode == ItemCode.med }.compactMap(\.payment.periodEnd).max()
            ?? instance.accident
        var start = max(last.adding(days: 35), options.windowStart.adding(days: 35))
        let latestStart = options.asOf.yearMonth.adding(months: -2).firstDay
        if start > latestStart { start = latestStart }
        let paid = start.yearMonth.adding(months: 1).firstDay.adding(days: 19)
        var total = Money.zero
        for k in 0..<9 {
            let day = start.adding(days: 3 * k)
            visit(hospital, day)
            var p = draft(
                ItemCode.med, Money(yuan: Int64(210 + 37 * k)), paid: paid, period: (day, day), institution: hospital,
                invoice: ctx.book.invoice(), channel: .direct)
            p.keepChannel = true
            total += p.payment.amount
            payments.append(p)
        }
        ctx.truth.add("R04", .worker, worker.workerID.raw, "24 天内 9 次门诊医疗费（阈值 30 天 8 次），合计 \(total.yuanString) 元")
    }

    /// R05: every payment of the person after their death (the worker's own items, or a dependant's).
    private mutating func markAfterDeath(of dependant: PersonID?, _ death: Day, note: String) {
        let dependantItems: Set<String> = [ItemCode.funeral, ItemCode.deathLump, ItemCode.dependant]
        for i in payments.indices {
            let p = payments[i].payment
            guard p.serviceDate > death else { continue }
            let checksDependant = dependantItems.contains(p.itemCode)
            if let dependant {
                guard checksDependant, p.dependentID == dependant else { continue }
            } else if checksDependant {
                continue
            }
            payments[i].truth.append(("R05", note))
        }
    }
}
