import FundModel
import FundRules

/// A worker without a case: the person, and what other departments know about them.
///
/// Shared records of the background are kept where no rule looks: medical
/// insurance stays and health visits of people without work-injury payments,
/// traffic accidents of people without cases, deaths of people who have left
/// their job, pensions of people who retired.
struct BackgroundWorker {
    let ctx: GenerationContext
    let city: Int
    let index: Int
    let plant: WorkerPlant?

    func run() throws {
        let options = ctx.options
        let plan = ctx.cities[city]
        let employer = plan.employers[Int(plan.employerOfWorker[index])]
        var rng = DemoRandom(options.seed, 0xB6, UInt64(city), UInt64(index))
        let male = rng.chance(perMille: 620)
        let age = rng.int(18...59)
        let birth = options.asOf.adding(years: -age).adding(days: -rng.int(1...364))
        var id = ctx.ids.make(region: ctx.county(of: city, &rng), birth: birth, male: male, &rng)
        if plant == .badCheckCharacter {
            id = PersonIDFactory.corrupted(id)
            ctx.truth.add("DQ01", .worker, id.raw, "身份证号校验位错误")
        }
        let lower = max(employer.record.insuredSince ?? options.windowStart, birth.birthday(age: 18))
        let upper = options.asOf.adding(days: -10)
        let since = lower < upper ? lower.adding(days: rng.int(0...lower.distance(to: upper))) : upper
        var until: Day?
        var ext: [DemoRecord] = []
        // The sample shows one of each shared record: a pensioner, a medical-insurance stay, a prison term.
        let sampleRole =
            plant == .sampleRetired ? 0 : plant == .sampleMedicalInsurance ? 1 : plant == .samplePrison ? 2 : -1
        if sampleRole == 0 || (rng.chance(perMille: 60) && since < options.asOf.adding(days: -60)) {
            until = since.adding(days: rng.int(30...max(30, since.distance(to: options.asOf.adding(days: -1)))))
            if sampleRole == 0 || (age >= 59 && rng.chance(perMille: 500)) {
                ext.append(
                    .pension(
                        PensionRecord(
                            personID: id, startDate: until!.adding(days: 1),
                            monthlyAmount: Money(yuan: Int64(rng.int(2_800...6_500))))))
            } else if rng.chance(perMille: 40) {
                ext.append(.death(DeathRecord(personID: id, deathDate: until!, source: rng.pick(["公安", "民政"]))))
            }
        }
        let worker = Worker(
            workerID: id, name: ChineseNames.person(male: male, &rng), gender: male ? .male : .female, birthDate: birth,
            employerID: employer.record.employerID, regionCode: plan.code, insuredSince: since, insuredUntil: until)
        try ctx.emit(.worker(worker))
        try ctx.emit(.card(DemoCards.card(for: worker)))

        let hospitals = ctx.network.cityHospitals[city]
        let windowDays = options.windowStart.distance(to: options.asOf)
        if sampleRole == 1 || (rng.chance(perMille: 60) && (plant == nil || sampleRole >= 0)) {
            // An illness treated under medical insurance (医保): nothing to do with the fund.
            let hospital = ctx.network.hospitals[rng.pick(hospitals)].record.institutionID
            let admission = options.windowStart.adding(days: rng.int(0...(windowDays - 30)))
            let days = rng.int(2...12)
            ext.append(
                .healthVisit(
                    HealthVisit(
                        personID: id, institutionID: hospital, visitDate: admission,
                        diagnosis: rng.pick(["肺炎", "急性阑尾炎", "高血压", "胆囊结石", "2型糖尿病"]))))
            ext.append(
                .medicalInsurance(
                    MedicalInsuranceStay(
                        personID: id, institutionID: hospital, admissionDate: admission,
                        dischargeDate: admission.adding(days: days),
                        amount: Money(fen: rng.money(yuan: 2_000...30_000)),
                        invoiceNo: "YB" + Identifiers.padded(city * 10_000_000 + index, 10))))
        }
        if rng.chance(perMille: 50) {
            let hospital = ctx.network.hospitals[rng.pick(hospitals)].record.institutionID
            ext.append(
                .healthVisit(
                    HealthVisit(
                        personID: id, institutionID: hospital,
                        visitDate: options.windowStart.adding(days: rng.int(0...windowDays)),
                        diagnosis: rng.pick(["上呼吸道感染", "体检", "腰肌劳损", "胃炎"]))))
        }
        if sampleRole == 2 || rng.chance(perMille: 4) {
            ext.append(
                .trafficAccident(
                    TrafficAccident(
                        personID: id, accidentDate: options.windowStart.adding(days: rng.int(0...windowDays)),
                        liability: rng.pick(Liability.allCases))))
        }
        if sampleRole == 2 || rng.chance(perMille: 2) {
            let start = options.windowStart.adding(days: rng.int(0...windowDays))
            ext.append(
                .imprisonment(
                    Imprisonment(
                        personID: id, startDate: start,
                        endDate: rng.chance(perMille: 500) ? start.adding(days: rng.int(180...900)) : nil)))
        }
        if plant == .paymentWithoutCase {
            // R11: a MED claim on a determination number that does not exist.
            let hospital = ctx.network.hospitals[hospitals[0]].record.institutionID
            let day = options.asOf.yearMonth.adding(months: -7).firstDay.adding(days: 8)
            ext.append(
                .healthVisit(HealthVisit(personID: id, institutionID: hospital, visitDate: day, diagnosis: "左手挫伤")))
            var payment = Payment(
                paymentID: "", caseID: "GS\(plan.code.raw)-\(day.year)-99\(Identifiers.padded(index % 1000, 3))",
                workerID: id,
                itemCode: ItemCode.med, amount: Money(yuan: 2_360), paidDate: day.adding(days: 25), periodStart: day,
                periodEnd: day.adding(days: 2), institutionID: hospital, invoiceNo: ctx.book.invoice(),
                channel: .direct,
                payeeAccount: GenerationContext.institutionAccount(hospital), dependentID: nil, regionCode: plan.code,
                advance: false)
            ctx.book.book(&payment, city: city, outpatient: false, keepChannel: true)
            try ctx.emit(.payment(payment))
            ctx.truth.add("R11", .payment, payment.paymentID, "认定案件号 \(payment.caseID!) 不存在")
        }
        for row in ext { try ctx.emit(row) }
    }
}
