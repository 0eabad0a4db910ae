import FundModel
import FundRules

/// A payment being drafted for a case, with the ground-truth rows it carries if it is planted.
struct DraftPayment: Sendable {
    var payment: Payment
    /// An outpatient MED claim (the only MED the background may reimburse by hand).
    var outpatient = false
    /// The channel was chosen by a plant; the reimbursement rotation must leave it alone.
    var keepChannel = false
    var truth: [(rule: String, note: String)] = []
}

/// The life of one case: the worker, the determination, treatment, assessments, benefits and the records
/// other departments hold, written out in one go.
///
/// Everything is derived from the case's shape (the same every year), its
/// accident day, an identity stream of random numbers (the person) and the
/// plants on it. A story never looks at another case, except through the
/// shared rotations and serial numbers of the context.
struct CaseStory {
    let ctx: GenerationContext
    let instance: CaseInstance
    let shape: CaseShape
    let timeline: CaseTimeline
    let city: CityPlan
    let employer: EmployerSlot
    /// The employer's number in the province (for the panel history).
    let employerNumber: Int
    var rng: DemoRandom

    var worker: Worker
    let account: String
    var ownWage = Money.zero
    var wages: [Wage] = []
    var caseRecord: InjuryCase?
    /// A later case of the same worker (the R26 plant of an allowance under two cases).
    var laterCases: [InjuryCase] = []
    var assessments: [Assessment] = []
    var dependants: [Dependent] = []
    var dependantAccounts: [PersonID: String] = [:]
    var payments: [DraftPayment] = []
    var ext: [DemoRecord] = []
    /// The treating hospital and the hospital that issued the assessment evidence (indices into hospitals).
    var treatmentHospital = 0
    var evidenceHospital = 0
    /// Pension start of a worker who retires (retiree shape, or the R06 plant).
    var pensionStart: Day?
    var pensionMonthly: Money?
    /// The worker's pension rows as written to `ext_pensions` (one per change of the amount, rev. 2).
    var pensionRows: [PensionRecord] = []
    /// The worker's death as written to `ext_deaths` (the date of death of rules.md §5).
    var recordedDeath: Day?
    /// Prison terms of dependants (a suspended pension, or the R24 plant).
    var dependantPrison: [PersonID: Imprisonment] = [:]

    var cityCode: RegionCode { city.code }
    var options: DemoOptions { ctx.options }
    func has(_ plant: Plant) -> Bool { instance.has(plant) }

    init(ctx: GenerationContext, instance: CaseInstance, worker index: Int) {
        self.ctx = ctx
        self.instance = instance
        let template = ctx.templates[instance.city][instance.template]
        shape = template.shape
        var overrides = CaseTimeline.Overrides()
        if instance.has(.lateByWorker) {
            overrides.applicant = .worker
            overrides.applyDays = 395 + (instance.year % 3) * 10
        }
        if instance.has(.lateByEmployer) {
            overrides.applicant = .employer
            overrides.applyDays = 41 + instance.year % 5
        }
        if instance.has(.slowDecision) { overrides.decideDays = 72 + instance.template % 9 }
        timeline = CaseTimeline(shape: template.shape, accident: instance.accident, overrides: overrides)
        city = ctx.cities[instance.city]
        employer = city.employers[Int(city.employerOfWorker[index])]
        employerNumber = ctx.employerOffset[instance.city] + Int(city.employerOfWorker[index])
        rng = DemoRandom(
            ctx.options.seed, 0x5707, UInt64(instance.city), UInt64(instance.template),
            UInt64(instance.year), UInt64(instance.copy))
        account = GenerationContext.workerAccount(city: instance.city, worker: index)
        worker = Worker(
            workerID: PersonID("000000000000000000")!, name: "", gender: nil, birthDate: nil,
            employerID: employer.record.employerID,
            regionCode: city.code, insuredSince: nil, insuredUntil: nil)
    }

    /// Draws the person, then the case, and writes everything.
    mutating func run() throws {
        makeWorker()
        if timeline.applied <= options.asOf {
            makeWages()
            // R27: the own wage declared at 1.5 or 2.5 times the wages actually contributed on.
            if has(.wageDeclaredHigh) { ownWage = ownWage.scaled(by: 3, over: 2) }
            if has(.wageDeclaredVeryHigh) { ownWage = ownWage.scaled(by: 5, over: 2) }
            makeCase()
            if let record = caseRecord, record.decision.entitlesBenefits, record.decidedDate != nil {
                try makeBenefits()
            }
            try applyPlants()
        }
        try emitAll()
    }

    // MARK: - The worker

    private mutating func makeWorker() {
        let accident = instance.accident
        var male = shape.male
        var birth = accident.adding(years: -shape.ageAtAccident).adding(days: -rng.int(0...364))
        if shape.retiree {
            birth = accident.adding(years: -57).adding(days: -rng.int(30...330))
        }
        if has(.allowanceWithPension) {
            // Turns 60 two months before the as-of month minus three: the pension starts five months before as-of.
            let start = options.asOf.yearMonth.adding(months: -5)
            let birthMonth = start.adding(months: -1)
            birth = Day(year: birthMonth.year - 60, month: birthMonth.month, day: 12)!
            male = true
        }
        // R15 rev. 2: the worker's widow is under 55 and not disabled.
        if has(.spouseUnderAge) { male = true }
        if shape.retiree || has(.allowanceWithPension) {
            let sixty = birth.birthday(age: 60)
            pensionStart = sixty.yearMonth.adding(months: 1).firstDay
        }
        let county = ctx.county(of: instance.city, &rng)
        worker.workerID = ctx.ids.make(region: county, birth: birth, male: male, &rng)
        worker.name = ChineseNames.person(male: male, &rng)
        worker.gender = male ? .male : .female
        worker.birthDate = birth

        // Insured well before the accident (R13 fires within 30 days): at least 120 days.
        let upper = accident.adding(days: -120)
        var lower = max(employer.record.insuredSince ?? upper, birth.birthday(age: 18))
        if lower > upper { lower = upper.adding(days: -30) }
        var since = lower.adding(days: rng.int(0...max(0, lower.distance(to: upper))))
        if has(.accidentSoonAfterInsured) { since = accident.adding(days: -(12 + instance.template % 10)) }
        if has(.accidentBeforeInsured) { since = accident.adding(days: 20 + instance.template % 20) }
        worker.insuredSince = since
        if has(.accidentAfterInsured) { worker.insuredUntil = accident.adding(days: -(25 + instance.template % 20)) }
    }

    // MARK: - Wages and the determination

    /// Nineteen months of contribution wage up to the accident month, stable around the worker's level.
    private mutating func makeWages() {
        var total: Int64 = 0
        for back in stride(from: 18, through: 0, by: -1) {
            let month = timeline.accidentMonth.adding(months: -back)
            let average = StatutoryParameters.cityAverageWage(city.blueprint, year: month.year)
            var yuan = average * Int64(shape.wageRatioPerMille) * Int64(rng.int(985...1_015)) / 1_000_000
            if has(.wageJump) && back <= 4 { yuan = yuan * 12 / 5 }
            wages.append(Wage(workerID: worker.workerID, month: month, wage: Money(yuan: yuan)))
            if (1...12).contains(back) { total += yuan * 100 }
        }
        // 本人工资 as declared: the average of the twelve months before the accident month.
        ownWage = Money(fen: total).scaled(by: 1, over: 12)
    }

    private mutating func makeCase() {
        let asOf = options.asOf
        let accepted = timeline.accepted <= asOf ? timeline.accepted : nil
        let decided = accepted != nil && timeline.decided <= asOf ? timeline.decided : nil
        var decision: Decision =
            switch shape.profile {
            case .rejected: .rejected
            case .fatal where shape.kind == .deemed: .deemed
            default: .recognized
            }
        if decided == nil { decision = .pending }
        if has(.paidOnRejected) && decided != nil { decision = .rejected }
        let liability = shape.trafficLiability
        let thirdPartyLiable = liability.map { [.none, .minor, .equal].contains($0) } ?? false
        caseRecord = InjuryCase(
            caseID: ctx.nextCaseID(city: cityCode, year: instance.accident.year), workerID: worker.workerID,
            employerID: employer.record.employerID, regionCode: cityCode, accidentDate: instance.accident,
            kind: shape.kind,
            appliedDate: timeline.applied, applicant: timeline.applicant, acceptedDate: accepted, decidedDate: decided,
            decision: decision, fatal: shape.profile == .fatal, ownWage: ownWage,
            thirdParty: thirdPartyLiable || has(.unverifiedThirdParty), description: shape.description)
        if let liability {
            ext.append(
                .trafficAccident(
                    TrafficAccident(personID: worker.workerID, accidentDate: instance.accident, liability: liability)))
        }
        if has(.unverifiedThirdParty) {
            ext.append(
                .trafficAccident(
                    TrafficAccident(
                        personID: worker.workerID, accidentDate: instance.accident.adding(days: 1), liability: .equal)))
        }
        if let death = timeline.death, death <= asOf {
            worker.insuredUntil = death
            recordedDeath = death
            ext.append(.death(DeathRecord(personID: worker.workerID, deathDate: death, source: "公安")))
        }
        treatmentHospital =
            ctx.network.cityHospitals[instance.city][
                ctx.network.hospitalRotation[instance.city][shape.profile.rawValue].next()]
        evidenceHospital = treatmentHospital
        if ctx.templates[instance.city][instance.template].costlyHospital,
            let costly = ctx.network.plantHospitals.costly
        {
            treatmentHospital = costly
        }
    }

    // MARK: - Helpers

    /// The facts of the case for the calculator, with the grade and nursing level given, and the worker's
    /// recorded death and pension rows as the screening reads them (rev. 2).
    func facts(grade: Int?, nursing: NursingLevel?, dependants: [Dependent] = []) -> CaseFacts {
        CaseFacts(
            caseID: caseRecord!.caseID, regionCode: cityCode, accidentDate: instance.accident, declaredOwnWage: ownWage,
            fatal: shape.profile == .fatal, grade: grade, nursing: nursing, dependents: dependants,
            hasConcludedAssessment: shape.profile != .fatal, deathDate: recordedDeath, pensions: pensionRows)
    }

    /// The statutory amount of an item (it must exist for these facts): for a monthly item, the amount of
    /// `month` (rev. 2: that month's figures and adjustments), else of the case's first month.
    func statutory(_ item: String, _ facts: CaseFacts, dependant: PersonID? = nil, month: YearMonth? = nil) throws
        -> Money
    {
        guard
            let amount = try ctx.calculator.statutoryAmount(
                itemCode: item, facts: facts, dependentID: dependant, month: month)
        else {
            throw DemoGenerationError.noStatutoryAmount(item: item, caseID: facts.caseID)
        }
        return amount
    }

    /// A payment of this case, not yet numbered.
    func draft(
        _ item: String, _ amount: Money, paid: Day, period: (Day, Day)? = nil, institution: String? = nil,
        invoice: String? = nil, channel: Channel = .bank, payee: String? = nil, dependant: PersonID? = nil,
        advance: Bool = false
    ) -> DraftPayment {
        DraftPayment(
            payment: Payment(
                paymentID: "", caseID: caseRecord?.caseID, workerID: worker.workerID, itemCode: item, amount: amount,
                paidDate: paid, periodStart: period?.0, periodEnd: period?.1, institutionID: institution,
                invoiceNo: invoice, channel: channel,
                payee: payee ?? (institution.map(GenerationContext.institutionAccount) ?? account),
                dependentID: dependant, regionCode: cityCode, advance: advance))
    }

    /// Whether the case's MED is advanced by the fund (a third party is liable for a commuting accident).
    var advancesTreatment: Bool {
        guard let liability = shape.trafficLiability, shape.profile != .rejected else { return false }
        return [.none, .minor, .equal].contains(liability)
    }
}

extension Payment {
    /// A payment with `payee` as its account, for drafting.
    init(
        paymentID: String, caseID: String?, workerID: PersonID, itemCode: String, amount: Money, paidDate: Day,
        periodStart: Day?, periodEnd: Day?, institutionID: String?, invoiceNo: String?, channel: Channel?,
        payee: String?, dependentID: PersonID?, regionCode: RegionCode, advance: Bool
    ) {
        self.init(
            paymentID: paymentID, caseID: caseID, workerID: workerID, itemCode: itemCode, amount: amount,
            paidDate: paidDate, periodStart: periodStart, periodEnd: periodEnd, institutionID: institutionID,
            invoiceNo: invoiceNo, channel: channel, payeeAccount: payee, dependentID: dependentID,
            regionCode: regionCode, advance: advance)
    }
}

/// Why the generator stopped: always a bug of the generator or its parameters, never of the caller.
public enum DemoGenerationError: Error, Sendable, CustomStringConvertible {
    case noStatutoryAmount(item: String, caseID: String)
    case noHostForPlant(String)

    public var description: String {
        switch self {
        case .noStatutoryAmount(let item, let caseID): "演示数据：案件 \(caseID) 无法计算 \(item) 的法定金额 (no statutory amount)"
        case .noHostForPlant(let plant): "演示数据：找不到可植入 \(plant) 的案件 (no case can carry the plant)"
        }
    }
}
