import FundModel

/// Chooses the cases (and background workers) that carry the plants, before any record is written.
///
/// A host is chosen for what its story will surely contain: a plant that
/// bends a stay needs a stay paid inside the data window, a plant on a
/// dependant's pension needs the pension to run past the plant's date. Each
/// case carries one plant at most (R19 and the panel plants aside), so that
/// plants never meet. Hosts come from the larger cities; the small cities
/// carry only their indicator plants.
struct PlantPlanner {
    let options: DemoOptions
    var cities: [CityPlan]
    let templates: [[CaseTemplate]]
    var instances: [[CaseInstance]]
    var workerPlants: [[Int: WorkerPlant]]
    /// Plants that found no host (a small province); reported in the manifest.
    var skipped: [String] = []
    /// Rows known before generation (regions, institutions, experts, accounts).
    var truth = GroundTruth()
    var panelExpert: Int?
    private var rng: DemoRandom

    init(options: DemoOptions, cities: [CityPlan], templates: [[CaseTemplate]], instances: [[CaseInstance]]) {
        self.options = options
        self.cities = cities
        self.templates = templates
        self.instances = instances
        workerPlants = cities.map { _ in [:] }
        rng = DemoRandom(options.seed, 0x91A7)
    }

    // MARK: - Choosing hosts

    /// The first free instance (in a seeded order) of the cities that passes the test, given the plant.
    @discardableResult
    private mutating func host(
        _ plant: Plant, _ label: String, cities preferred: [Int], profiles: Set<CaseProfile>,
        where test: (CaseInstance) -> Bool
    ) -> Bool {
        for c in preferred where c < instances.count {
            var order = Array(instances[c].indices)
            rng.shuffle(&order)
            for k in order {
                let i = instances[c][k]
                // Commuting accidents with a liable third party are left alone: their MED must stay advanced (R23).
                guard i.plants.isEmpty, i.copy == 0, i.worker >= 0, profiles.contains(shape(i).profile),
                    shape(i).trafficLiability == nil, test(i)
                else {
                    continue
                }
                instances[c][k].plants.append(plant)
                return true
            }
        }
        skipped.append(label)
        return false
    }

    var oracle: HostOracle { HostOracle(options: options, templates: templates) }
    private var asOf: Day { options.asOf }
    private func shape(_ i: CaseInstance) -> CaseShape { templates[i.city][i.template].shape }
    private func timeline(_ i: CaseInstance) -> CaseTimeline { CaseTimeline(shape: shape(i), accident: i.accident) }
    private func lumpDay(_ i: CaseInstance) -> Day? { oracle.lumpDay(i) }
    private func inWindow(_ day: Day) -> Bool { oracle.inWindow(day) }

    private var big: [Int] { Array(0..<min(3, cities.count)) }
    private var payCities: [Int] { Array(0..<min(5, cities.count)) }

    /// Every plant of a full province, or the record-level ones of a small one.
    mutating func plan() {
        let full = options.plantsEveryRule
        let o = oracle
        let treated: Set<CaseProfile> = [.minorGraded, .ungraded, .treatedOnly, .moderate]
        let graded: Set<CaseProfile> = [.severe, .moderate, .minorGraded]
        let minor: Set<CaseProfile> = [.minorGraded, .moderate]
        let asOfMonth = asOf.yearMonth
        func early(_ i: CaseInstance) -> Bool {
            o.timeline(i).decisionSafe + 2 <= o.timeline(i).offset(of: asOfMonth) - 2
        }

        // DQ01 and the case-less R11 on background workers.
        for c in (full ? [0, 1, 2] : [0]) where c < cities.count {
            markFreeWorker(city: c, plant: .badCheckCharacter, skip: c)
        }
        markFreeWorker(city: 0, plant: .paymentWithoutCase, skip: options.usesSampleLayout ? 1 : 5)
        if options.usesSampleLayout {
            for (k, role) in [WorkerPlant.sampleRetired, .sampleMedicalInsurance, .samplePrison].enumerated() {
                markFreeWorker(city: 1, plant: role, skip: k)
            }
            skipped.removeAll { $0.hasPrefix("sample") }
        }

        host(.unlistedItem, "R01 unlisted", cities: payCities, profiles: treated) {
            early($0) && o.decidedBefore($0, months: 6)
        }
        host(.lumpOverpaid, "R10 lump", cities: payCities, profiles: graded) { o.lumpDay($0).map(o.inWindow) ?? false }
        host(.duplicateMedInvoice, "R08 MED", cities: payCities, profiles: treated) {
            o.stayPaid($0).map { o.inWindow($0) && $0.adding(days: 33) <= o.asOf } ?? false
        }
        host(.accidentSoonAfterInsured, "R13 soon", cities: payCities, profiles: [.treatedOnly, .ungraded]) {
            o.decidedBefore($0, months: 1)
        }
        host(.lateByEmployer, "R20 employer", cities: payCities, profiles: [.treatedOnly, .ungraded, .minorGraded]) {
            $0.accident <= o.asOf.adding(months: -5) && $0.accident >= o.options.windowStart
        }
        host(.wageJump, "R25", cities: payCities, profiles: [.minorGraded]) { o.lumpDay($0).map(o.inWindow) ?? false }
        host(.dependantAfterDeath, "R05 dependant", cities: big, profiles: [.fatal]) { o.decidedBefore($0, months: 6) }
        planSharedAccount(0, workers: 3, note: "3 名不同职工的一次性伤残补助金汇入同一账户")
        guard full else { return }
        planSevereEvidence()

        host(.retiredItem, "R01 retired", cities: payCities, profiles: treated) {
            early($0) && o.decidedBefore($0, months: 6)
        }
        host(.itemWithoutBasis, "R01 basis", cities: payCities, profiles: treated) {
            early($0) && o.decidedBefore($0, months: 6)
        }
        host(.wageContinuationByFund, "R02 wage", cities: payCities, profiles: minor) {
            let t = o.timeline($0)
            return o.inWindow(t.day(t.decisionSafe + 1, 12))
        }
        host(.employmentLumpByFund, "R02 employment", cities: payCities, profiles: minor) {
            let t = o.timeline($0)
            guard let month = t.leaveMonth, o.lumpDay($0) != nil else { return false }
            return o.inWindow(t.day(month + 1, o.shape($0).payDays[4]))
        }
        host(.monthly56ByFund, "R02 5-6", cities: payCities, profiles: [.moderate]) {
            guard let lump = o.lumpDay($0) else { return false }
            return o.inWindow(lump) && lump.yearMonth.adding(months: 1).firstDay.adding(days: 9) <= o.asOf
        }
        // The very large stay is at the R16 hospital, which is flagged anyway: elsewhere it could lift a
        // small hospital's yearly mean over twice its peers'.
        host(.largeMed, "R03 MED", cities: [0], profiles: [.severe, .moderate, .minorGraded]) {
            o.templates[0][$0.template].costlyHospital && (o.stayPaid($0).map(o.inWindow) ?? false)
        }
        host(.largeDevice, "R03 DEVICE", cities: payCities, profiles: graded) {
            o.devicePaid($0).map(o.inWindow) ?? false
        }
        host(.largeTravel, "R03 TRAVEL", cities: payCities, profiles: treated) {
            o.shape($0).travel == nil && early($0) && o.decidedBefore($0, months: 6)
        }
        host(.frequentMed, "R04 MED", cities: payCities, profiles: [.treatedOnly, .ungraded]) {
            o.decidedBefore($0, months: 5) && $0.accident >= o.options.windowStart.adding(months: -6)
        }
        host(.frequentTravel, "R04 TRAVEL", cities: payCities, profiles: treated) {
            early($0) && o.decidedBefore($0, months: 6)
        }
        host(.frequentDevice, "R04 DEVICE", cities: payCities, profiles: graded) {
            o.devicePaid($0).map { o.inWindow($0) && $0.adding(days: 150) <= o.asOf } ?? false
        }
        host(.monthlyAfterDeath, "R05 monthly", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 6)
        }
        host(.medAfterDeath, "R05 MED", cities: big, profiles: [.fatal]) {
            guard let death = o.timeline($0).death else { return false }
            return o.inWindow(death.yearMonth.adding(months: 2).firstDay.adding(days: 14))
                && o.decidedBefore($0, months: 3)
        }
        host(.allowanceWithPension, "R06", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 9) && $0.accident.year >= o.asOf.year - 8
        }
        host(.medicalInsuranceOverlap, "R07 overlap", cities: payCities, profiles: treated) {
            o.stayPaid($0).map(o.inWindow) ?? false
        }
        host(.medicalInsuranceInvoice, "R07 invoice", cities: payCities, profiles: treated) {
            o.stayPaid($0).map(o.inWindow) ?? false
        }
        host(.duplicateRehabInvoice, "R08 REHAB", cities: payCities, profiles: graded) {
            let t = o.timeline($0)
            guard let m = t.rehabMonths.first else { return false }
            let paid = t.day(m + 1, o.shape($0).payDays[2])
            return o.inWindow(paid) && paid.adding(days: 40) <= o.asOf
        }
        host(.terminatedHospital, "R09 hospital", cities: [1], profiles: treated) { o.decidedBefore($0, months: 7) }
        host(.suspendedAssistive, "R09 device", cities: [2], profiles: treated) {
            o.shape($0).device == nil && early($0) && o.decidedBefore($0, months: 6)
        }
        host(.expiredRehab, "R09 rehab", cities: [0], profiles: treated) {
            o.shape($0).rehabMonths == 0 && early($0) && o.decidedBefore($0, months: 6)
                && $0.accident.year >= o.asOf.year - 1
        }
        host(.monthlyOverpaid, "R10 monthly", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 3)
        }
        host(.funeralOverpaid, "R10 funeral", cities: big, profiles: [.fatal]) {
            let t = o.timeline($0)
            return o.inWindow(t.day(max(t.decisionSafe, t.offset(of: t.death!.yearMonth) + 1), o.shape($0).payDays[1]))
        }
        host(.paidOnRejected, "R11 rejected", cities: payCities, profiles: [.rejected]) {
            early($0) && o.decidedBefore($0, months: 5)
        }
        host(.paidBeforeAccident, "R11 before", cities: payCities, profiles: treated) {
            let t = o.timeline($0)
            return o.inWindow(t.day(t.decisionSafe + 1, 16))
                && $0.accident.adding(days: -20) >= o.options.windowStart.adding(years: -1)
        }
        host(.lumpWithoutConclusion, "R12 lump", cities: payCities, profiles: [.minorGraded]) {
            guard o.shape($0).assessment?.second == nil, let initial = o.timeline($0).initial else { return false }
            return initial.applied >= o.asOf.adding(days: -100) && initial.applied <= o.asOf.adding(days: -20)
        }
        host(.allowanceForGrade6, "R12 grade 5-10", cities: payCities, profiles: [.moderate, .minorGraded]) {
            guard let a = o.shape($0).assessment, a.second == nil, let lump = o.lumpDay($0) else { return false }
            return o.inWindow(lump) && lump.yearMonth.adding(months: 1).firstDay.adding(days: 9) <= o.asOf
        }
        host(.nursingWithoutNeed, "R12 nursing", cities: payCities, profiles: [.minorGraded]) {
            guard let lump = o.lumpDay($0) else { return false }
            return o.inWindow(lump) && lump.yearMonth.adding(months: 1).firstDay.adding(days: 9) <= o.asOf
        }
        host(.accidentBeforeInsured, "R13 before", cities: payCities, profiles: [.treatedOnly, .ungraded]) {
            o.decidedBefore($0, months: 1)
        }
        host(.accidentAfterInsured, "R13 after", cities: payCities, profiles: [.treatedOnly, .ungraded]) {
            o.decidedBefore($0, months: 1)
        }
        host(.overlappingStays, "R14", cities: payCities, profiles: treated) {
            o.stayPaid($0, minNights: 6).map { o.inWindow($0) && $0.adding(days: 21) <= o.asOf } ?? false
        }
        host(.dependantRemarried, "R15 spouse", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 6) && o.shape($0).dependants.contains { $0.relation == .spouse }
        }
        host(.dependantAdult, "R15 child", cities: big, profiles: [.fatal]) { o.decidedBefore($0, months: 6) }
        host(.dependantImprisoned, "R24 dependant", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 6) && o.shape($0).dependants.first?.relation != .child
        }
        host(.workerImprisoned, "R24 worker", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 6)
        }
        host(.dependantSuspendedInPrison, "background prison", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 20) && o.shape($0).dependants.first?.relation != .child
        }
        host(.lateByWorker, "R20 worker", cities: payCities, profiles: [.treatedOnly, .minorGraded]) {
            $0.accident <= o.asOf.adding(months: -19) && $0.accident >= o.options.windowStart.adding(months: -12)
        }
        host(.unverifiedThirdParty, "R23 a", cities: payCities, profiles: treated) {
            o.shape($0).trafficLiability == nil && (o.stayPaid($0).map(o.inWindow) ?? false)
        }
        host(.unverifiedThirdParty, "R23 b", cities: payCities, profiles: treated) {
            o.shape($0).trafficLiability == nil && (o.stayPaid($0).map(o.inWindow) ?? false)
        }
        host(.recusal, "R18 recusal", cities: [0, 1], profiles: graded) {
            o.timeline($0).initial.map { $0.concluded <= o.asOf } ?? false
        }
        for label in ["R22 a", "R22 b"] {
            host(.evidenceWithoutVisit, label, cities: [0, 1], profiles: graded) {
                o.timeline($0).initial.map { $0.applied <= o.asOf } ?? false
            }
        }
        planRevisionTwo(early: early)
        planSharedAccount(1, workers: 6, note: "6 名不同职工的一次性伤残补助金汇入同一账户")
        truth.add("R16", .institution, "YL\(cities[0].code.raw)901", "次均医疗费约为同级医院中位数的 2.8 倍")
        planSlowDeterminations()
        for (role, rule, note) in CityRole.indicatorPlants {
            if let city = cities.first(where: { $0.blueprint.has(role) }) {
                truth.add(rule, .region, city.code.raw, note)
            }
        }
    }

    /// The plants of the rules' revision 2 (R08, R10, R14, R15, DQ01 revised; R26 and R27 new), with the
    /// look-alikes that must not fire.
    private mutating func planRevisionTwo(early: (CaseInstance) -> Bool) {
        let o = oracle
        let treated: Set<CaseProfile> = [.minorGraded, .ungraded, .treatedOnly, .moderate]
        // R26 重复支付.
        host(.lumpPaidTwice, "R26 lump", cities: payCities, profiles: [.minorGraded, .moderate]) {
            o.lumpDay($0).map { o.inWindow($0) && $0.adding(days: 40) <= o.asOf } ?? false
        }
        host(.nursingMonthPaidTwice, "R26 month", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && (o.shape($0).assessment?.nursing ?? NursingLevel.none) != NursingLevel.none
                && o.lumpFrom($0, monthsBeforeAsOf: 5)
        }
        host(.allowanceUnderTwoCases, "R26 two cases", cities: [0, 1, 2], profiles: [.severe]) {
            !o.shape($0).retiree && o.shape($0).assessment?.review == nil && o.lumpFrom($0, monthsBeforeAsOf: 24)
                && $0.accident.year <= o.asOf.year - 3
        }
        host(.allowanceReversedAndReissued, "R26 look-alike", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 5)
        }
        // R27 本人工资申报不实: a declared own wage at 1.5 and 2.5 times the wages, below the 300 % cap.
        for (plant, label) in [(Plant.wageDeclaredHigh, "R27 orange"), (.wageDeclaredVeryHigh, "R27 red")] {
            host(plant, label, cities: payCities, profiles: [.minorGraded, .moderate]) {
                (620...1_100).contains(o.shape($0).wageRatioPerMille) && (o.lumpDay($0).map(o.inWindow) ?? false)
            }
        }
        // R10 rev. 2: items the case is entitled to nothing of, and an allowance adjusted twice.
        // The death grant (about a million yuan) is paid in the data's first January: a year's expenditure
        // growth of its city (I01) only counts it in the year compared with, never in a year that could warn.
        host(.deathLumpNotFatal, "R10 death lump", cities: payCities, profiles: [.treatedOnly, .minorGraded]) {
            o.timeline($0).decided < o.options.windowStart.adding(days: -14)
        }
        host(.funeralWhileLiving, "R10 funeral", cities: payCities, profiles: [.treatedOnly, .minorGraded]) {
            early($0) && o.decidedBefore($0, months: 6)
        }
        host(.adjustedAllowanceOverpaid, "R10 adjusted", cities: payCities, profiles: [.severe]) {
            !o.shape($0).retiree && o.lumpFrom($0, monthsBeforeAsOf: 4) && $0.accident.year <= o.asOf.year - 2
        }
        // R15 rev. 2 and DQ01 on a dependant.
        host(.spouseUnderAge, "R15 spouse age", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 6) && o.shape($0).dependants.contains { $0.relation == .spouse }
        }
        host(.dependantWithoutID, "R15 no id", cities: big, profiles: [.fatal]) { o.decidedBefore($0, months: 6) }
        host(.dependantNotOfCase, "R15 not a dependant", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 6)
        }
        host(.dependantBadCheckCharacter, "DQ01 dependant", cities: big, profiles: [.fatal]) {
            o.decidedBefore($0, months: 2)
        }
        // R08 rev. 2 look-alike and R14 rev. 2.
        host(.invoiceReversedAndReissued, "R08 look-alike", cities: [0, 1, 3, 4], profiles: treated) {
            o.stayPaid($0).map { o.inWindow($0) && $0.adding(days: 20) <= o.asOf } ?? false
        }
        host(.medicalInsuranceElsewhere, "R14 medical insurance", cities: payCities, profiles: treated) {
            o.stayPaid($0, minNights: 4).map(o.inWindow) ?? false
        }
    }

    /// R19: the disability lumps of several workers paid into one account.
    private mutating func planSharedAccount(_ k: Int, workers: Int, note: String) {
        var placed = 0
        for n in 0..<workers {
            let city = n % min(3, cities.count)
            let o = oracle
            if host(
                .sharedAccount(k), "R19 account \(k)", cities: [city], profiles: [.severe, .moderate, .minorGraded],
                where: {
                    o.lumpDay($0).map(o.inWindow) ?? false
                })
            {
                placed += 1
            }
        }
        if placed >= 3 {
            truth.add("R19", .account, Identifiers.account(prefix: "6230", serial: k + 1), note)
        } else {
            // Fewer than three workers would be no finding at all: take the plant back.
            for c in instances.indices {
                for j in instances[c].indices { instances[c][j].plants.removeAll { $0 == .sharedAccount(k) } }
            }
        }
    }

    /// A worker without a case in the city gets a plant (the `skip`-th free one, so that plants spread).
    private mutating func markFreeWorker(city: Int, plant: WorkerPlant, skip: Int) {
        let taken = Set(instances[city].map(\.worker))
        var seen = 0
        for w in 0..<cities[city].workers where !taken.contains(w) && workerPlants[city][w] == nil {
            if seen == (options.usesSampleLayout ? skip : skip * 7) {
                workerPlants[city][w] = plant
                return
            }
            seen += 1
        }
        skipped.append("\(plant)")
    }

    /// R17: twelve severe and ten other initial assessments of the capital get their evidence from one
    /// hospital and one expert on every panel: 12 of 22 in grades 1–4 where the province has about 15 %.
    private mutating func planSevereEvidence() {
        var severe: [Int] = []
        var other: [Int] = []
        var order = Array(instances[0].indices)
        rng.shuffle(&order)
        // The older cases first: the recent severe ones are needed by the payment plants.
        order.sort { instances[0][$0].year < instances[0][$1].year }
        for k in order {
            let i = instances[0][k]
            guard i.plants.isEmpty, i.copy == 0, i.worker >= 0, let initial = timeline(i).initial,
                initial.concluded <= asOf,
                shape(i).assessment?.second == nil, shape(i).profile.isAssessed
            else { continue }
            if shape(i).profile == .severe {
                if severe.count < 12 { severe.append(k) }
            } else if other.count < 10 {
                other.append(k)
            }
        }
        // 12 of 22 in grades 1–4, against a province share near 15 %: z above 5.
        guard severe.count == 12, other.count == 10 else {
            skipped.append("R17")
            return
        }
        for k in severe + other { instances[0][k].plants.append(.severeEvidence) }
        truth.add("R17", .institution, "YL\(cities[0].code.raw)902", "22 份初次鉴定中 12 份为一至四级，远高于全省比例")
        truth.add("R17", .expert, "ZJ\(cities[0].code.raw)-901", "参与的 22 份初次鉴定中 12 份为一至四级")
    }

    /// R21 and I07: a third of the determinations of the last year in the slow city are decided late.
    private mutating func planSlowDeterminations() {
        guard let c = cities.firstIndex(where: { $0.blueprint.has(.slowDetermination) }) else { return }
        let from = asOf.adding(months: -12).adding(days: -60)
        let to = asOf.adding(days: -62)
        var n = 0
        for k in instances[c].indices {
            let i = instances[c][k]
            guard i.plants.isEmpty, i.worker >= 0 else { continue }
            let accepted = timeline(i).accepted
            guard accepted >= from && accepted <= to else { continue }
            let lastMonth = accepted >= asOf.adding(days: -110)
            if n % 3 == 0 || lastMonth {
                instances[c][k].plants.append(.slowDecision)
            }
            n += 1
        }
    }

    /// R18 orange: six assessments of one employer's workers within a year, all with the same expert.
    mutating func planPanelConcentration(expertPool: [Int], experts: [Expert]) {
        guard options.plantsEveryRule, !expertPool.isEmpty else { return }
        let c = 0
        // Six non-severe assessed cases of one accident year, concluded within 300 days.
        var byYear: [Int: [Int]] = [:]
        for (k, i) in instances[c].enumerated()
        where i.plants.isEmpty && i.copy == 0 && i.worker >= 0 && [.minorGraded, .ungraded].contains(shape(i).profile)
            && shape(i).assessment?.second == nil
        {
            guard let initial = timeline(i).initial, initial.concluded <= asOf else { continue }
            byYear[i.year, default: []].append(k)
        }
        let o = oracle
        let list = instances[c]
        func concluded(_ k: Int) -> Day { o.timeline(list[k]).initial!.concluded }
        var pick: [Int]?
        search: for year in byYear.keys.sorted() {
            let ks = byYear[year]!.sorted { concluded($0) < concluded($1) }
            for start in ks.indices where start + 6 <= ks.count {
                let window = Array(ks[start..<(start + 6)])
                if concluded(window[0]).distance(to: concluded(window[5])) <= 300 {
                    pick = window
                    break search
                }
            }
        }
        guard let pick else {
            skipped.append("R18 concentration")
            return
        }
        // The employer with the most workers takes the six cases.
        let taken = Set(instances[c].map(\.worker))
        guard
            let employer = cities[c].employers.indices.max(by: {
                cities[c].employers[$0].workerCount < cities[c].employers[$1].workerCount
            })
        else { return }
        let slot = cities[c].employers[employer]
        let free = (slot.firstWorker..<(slot.firstWorker + slot.workerCount)).filter {
            !taken.contains($0) && workerPlants[c][$0] == nil
        }
        guard free.count >= 6 else {
            skipped.append("R18 concentration")
            return
        }
        for (n, k) in pick.enumerated() {
            instances[c][k].worker = free[n]
            instances[c][k].plants.append(.panelConcentration)
        }
        // An expert of the medical college (no hospital), so that no panel needs a recusal.
        panelExpert = expertPool.first { experts[$0].institutionID == nil } ?? expertPool[0]
    }
}

extension CityRole {
    /// The region plants: (role, indicator, note).
    static let indicatorPlants: [(CityRole, String, String)] = [
        (.expenditureSurge, "I01", "近 18 个月新发案件翻倍，待遇支出同比增长远超 20%"),
        (.lowBalance, "I02", "基金累计结余不足 6 个月支出"),
        (.preventionOverspend, "I03", "工伤预防费占上年基金收入 5%，超过 3% 上限"),
        (.costlyTreatment, "I04", "住院及门诊单价为全省的 2.5 倍，案均医疗费远高于全省"),
        (.severeGrading, "I05", "初次鉴定一至四级比例为全省的三倍"),
        (.manualReimbursement, "I06", "六成医疗费为手工报销"),
        (.slowDetermination, "I07", "近一年三分之一的认定超过 60 天"),
    ]
}

/// Questions about what a case's story will contain, asked before the story is told.
struct HostOracle: Sendable {
    let options: DemoOptions
    let templates: [[CaseTemplate]]

    var asOf: Day { options.asOf }
    func inWindow(_ day: Day) -> Bool { day >= options.windowStart && day <= asOf }
    func shape(_ i: CaseInstance) -> CaseShape { templates[i.city][i.template].shape }
    func timeline(_ i: CaseInstance) -> CaseTimeline { CaseTimeline(shape: shape(i), accident: i.accident) }

    /// The day the disability lump is paid (nil for a case without one).
    func lumpDay(_ i: CaseInstance) -> Day? {
        let s = shape(i)
        let t = timeline(i)
        guard s.profile.grades != nil, let month = t.benefitsMonth else { return nil }
        return t.day(max(month, t.decisionSafe), s.payDays[1])
    }

    func stayPaid(_ i: CaseInstance, minNights: Int = 3) -> Day? {
        let s = shape(i)
        let t = timeline(i)
        guard let stay = t.stays.first, stay.admission.distance(to: stay.discharge) >= minNights else { return nil }
        return t.day(stay.payMonth, s.payDays[0])
    }

    func devicePaid(_ i: CaseInstance) -> Day? {
        let s = shape(i)
        let t = timeline(i)
        guard let d = s.device else { return nil }
        return t.day(max(d.monthOffset, t.decisionSafe), d.day)
    }

    func decidedBefore(_ i: CaseInstance, months: Int) -> Bool {
        timeline(i).decided <= asOf.adding(months: -months)
    }

    /// A severe case whose monthly allowance has run for at least `monthsBeforeAsOf` months at as-of (older
    /// cases included: their allowances still run through the window).
    func lumpFrom(_ i: CaseInstance, monthsBeforeAsOf: Int) -> Bool {
        guard let day = lumpDay(i) else { return false }
        return day <= asOf.adding(months: -monthsBeforeAsOf)
    }

}
