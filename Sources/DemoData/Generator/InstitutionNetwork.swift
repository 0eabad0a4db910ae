import FundModel

/// A contracted hospital as the generator sees it: the record, its daily rate and its rotation weight.
struct HospitalInfo: Sendable {
    var record: Institution
    /// Average cost of a day in hospital, yuan (by grade: the peers of R16 share it).
    var dailyYuan: Int
}

/// The institutions, agreements and expert pools of the province, and the rotations that spread cases
/// over them evenly.
struct InstitutionNetwork: Sendable {
    var institutions: [Institution] = []
    var agreements: [Agreement] = []
    var experts: [Expert] = []
    /// Per city: the hospitals that treat cases and issue assessment evidence (indices into `hospitals`).
    var cityHospitals: [[Int]] = []
    var hospitals: [HospitalInfo] = []
    var cityRehab: [[Int]] = []
    var cityAssistive: [[Int]] = []
    /// Per city: the expert pool of its assessment committee (indices into `experts`), in rotation order.
    var cityExperts: [[Int]] = []
    var provinceExperts: [Int] = []
    /// Rotations: per city, one per case profile (hospitals), one for rehab, one for devices.
    var hospitalRotation: [[SmoothRoundRobin]] = []
    var rehabRotation: [SmoothRoundRobin] = []
    var assistiveRotation: [SmoothRoundRobin] = []
    var hospitalIndexByID: [String: Int] = [:]
    var expertIndexByID: [String: Int] = [:]

    /// The plant institutions and experts (nil in a small province).
    var plantHospitals = PlantInstitutions()

    static let grades = ["三级甲等", "二级甲等", "二级乙等", "三级乙等", "二级甲等", "一级甲等", "二级乙等", "三级甲等", "二级甲等", "一级甲等"]

    static func dailyYuan(grade: String) -> Int {
        switch grade {
        case "三级甲等", "三级": 900
        case "三级乙等": 780
        case "二级甲等", "二级": 650
        case "二级乙等": 540
        default: 420
        }
    }

    static func weight(grade: String) -> Int {
        switch grade {
        case "三级甲等", "三级": 30
        case "三级乙等": 20
        case "二级甲等", "二级": 20
        case "二级乙等": 12
        default: 8
        }
    }

    init(cities: [CityPlan], options: DemoOptions) {
        var rng = DemoRandom(options.seed, 0x1A5)
        let years = options.asOf.year - options.firstAccidentYear + 1
        let legacyYears = options.firstAccidentYear - options.firstLegacyYear
        let full = options.plantsEveryRule
        for city in cities {
            let short = city.blueprint.shortName
            let severePerDeck = city.blueprint.has(.severeGrading) ? 4 : 1
            let initialAssessmentsExpected =
                city.deckTicketsPerYear * 12 / 20 * years + city.deckTicketsPerYear / 20 * severePerDeck * legacyYears
            var count = options.usesSampleLayout ? 2 : max(3, (city.workers + 1_499) / 1_500)
            let evenWeights = city.blueprint.has(.severeGrading)
            if evenWeights { count = max(count, (initialAssessmentsExpected + 13) / 14) }
            var indices: [Int] = []
            var weights: [Int] = []
            for k in 0..<count {
                var grade = InstitutionNetwork.grades[k % InstitutionNetwork.grades.count]
                if city.blueprint.has(.costlyTreatment) && full { grade = String(grade.prefix(2)) }
                let name =
                    short + "市"
                    + (k < ChineseNames.hospitalNames.count ? ChineseNames.hospitalNames[k] : "第\(k + 1)人民医院")
                let id = "YL" + city.code.raw + Identifiers.padded(k + 1, 3)
                indices.append(
                    addHospital(id: id, name: name, grade: grade, city: city.code, rehabToo: grade == "三级甲等"))
                weights.append(evenWeights ? 10 : InstitutionNetwork.weight(grade: grade))
            }
            if full && city.blueprint.has(.capital) {
                // R16: a 二级甲等 hospital that bills 2.8 times its peers. It treats a fixed quarter of the
                // capital's template cases (the same ones every year), so its volume and case mix are steady.
                plantHospitals.costly = addHospital(
                    id: "YL" + city.code.raw + "901", name: short + "市华康医院", grade: "二级甲等", city: city.code,
                    rehabToo: false)
                // R17: a hospital whose assessment evidence is graded severe far too often; not in any rotation.
                plantHospitals.severeEvidence = addHospital(
                    id: "YL" + city.code.raw + "902", name: short + "仁和医院", grade: "二级乙等", city: city.code,
                    rehabToo: false)
                // R09: a rehab institution whose only agreement expired at the end of last year but one.
                plantHospitals.expiredRehab = addOther(
                    id: "KF" + city.code.raw + "909", name: short + "安康康复医院", kind: .rehab, city: city.code,
                    agreement: (
                        Day(year: options.asOf.year - 6, month: 1, day: 1)!,
                        Day(year: options.asOf.year - 2, month: 12, day: 31)!, .active
                    ))
            }
            if full && city.index == 1 {
                // R09: a hospital whose agreement was terminated in the middle of last year.
                plantHospitals.terminated = addHospital(
                    id: "YL" + city.code.raw + "909", name: short + "康华骨科医院", grade: "二级乙等", city: city.code,
                    rehabToo: false,
                    agreement: (
                        Day(year: options.asOf.year - 7, month: 1, day: 1)!,
                        Day(year: options.asOf.year - 1, month: 6, day: 30)!, .terminated
                    ))
            }
            if full && city.index == 2 {
                // R09: an assistive-device supplier whose agreement is suspended.
                plantHospitals.suspendedAssistive = addOther(
                    id: "FJ" + city.code.raw + "909", name: short + "康健辅助器具有限公司", kind: .assistive, city: city.code,
                    agreement: (
                        Day(year: options.asOf.year - 2, month: 1, day: 1)!,
                        Day(year: options.asOf.year + 1, month: 12, day: 31)!, .suspended
                    ))
            }
            cityHospitals.append(indices)
            hospitalRotation.append(CaseProfile.allCases.map { _ in SmoothRoundRobin(weights: weights) })

            var rehab: [Int] = []
            for k in 0..<max(1, (city.workers + 3_999) / 4_000) {
                rehab.append(
                    addOther(
                        id: "KF" + city.code.raw + Identifiers.padded(k + 1, 3),
                        name: short + (k == 0 ? "市工伤康复中心" : "市第\(k + 1)康复医院"), kind: .rehab, city: city.code,
                        agreement: nil))
            }
            cityRehab.append(rehab)
            rehabRotation.append(SmoothRoundRobin(weights: rehab.map { _ in 1 }))
            var assistive: [Int] = []
            for k in 0..<max(1, (city.workers + 5_999) / 6_000) {
                assistive.append(
                    addOther(
                        id: "FJ" + city.code.raw + Identifiers.padded(k + 1, 3),
                        name: short + (k == 0 ? "市假肢矫形康复器具中心" : "市第\(k + 1)辅助器具服务站"), kind: .assistive,
                        city: city.code, agreement: nil))
            }
            cityAssistive.append(assistive)
            assistiveRotation.append(SmoothRoundRobin(weights: assistive.map { _ in 1 }))

            // The committee's expert pool: every hospital has at least one expert (so that recusal can bite),
            // the rest work at a hospital or at the medical college.
            var poolSize = options.usesSampleLayout ? 6 : max(12, (city.workers + 59) / 60)
            if evenWeights { poolSize = max(poolSize, (initialAssessmentsExpected * 3 + 13) / 14) }
            var pool: [Int] = []
            for k in 0..<poolSize {
                let institution: String? =
                    k < indices.count
                    ? hospitals[indices[k]].record.institutionID
                    : (rng.chance(perMille: 600) ? hospitals[rng.pick(indices)].record.institutionID : nil)
                pool.append(addExpert(region: city.code, serial: k + 1, institution: institution, &rng))
            }
            cityExperts.append(pool)
            if full && city.blueprint.has(.capital) {
                plantHospitals.severeExpert = addExpert(region: city.code, serial: 901, institution: nil, &rng)
            }
        }
        // The province committee (再次鉴定): experts of the capital's hospitals.
        let capitalHospitals = cityHospitals.first ?? []
        for k in 0..<max(10, options.workers / 500) {
            let institution =
                capitalHospitals.isEmpty
                ? nil : hospitals[capitalHospitals[k % capitalHospitals.count]].record.institutionID
            provinceExperts.append(
                addExpert(region: ProvinceBlueprint.code, serial: k + 1, institution: institution, &rng))
        }
        let blocks = InstitutionNetwork.agreementBlocks(options)
        for institution in institutions where !plantHospitals.ownsAgreement(institution.institutionID) {
            var services: [InstitutionKind] = [institution.kind]
            if institution.kind == .medical && (institution.grade ?? "").hasPrefix("三级") { services.append(.rehab) }
            for (n, block) in blocks.enumerated() {
                agreements.append(
                    Agreement(
                        agreementID: "XY-\(institution.institutionID)-\(n + 1)",
                        institutionID: institution.institutionID,
                        services: services, startDate: block.0, endDate: block.1, status: .active))
            }
        }
    }

    /// Three-year agreement periods from two years before the first accident to past the as-of year.
    static func agreementBlocks(_ options: DemoOptions) -> [(Day, Day)] {
        var blocks: [(Day, Day)] = []
        var year = options.firstAccidentYear - 2
        while year <= options.asOf.year + 1 {
            blocks.append((Day(year: year, month: 1, day: 1)!, Day(year: year + 2, month: 12, day: 31)!))
            year += 3
        }
        return blocks
    }

    private mutating func addHospital(
        id: String, name: String, grade: String, city: RegionCode, rehabToo: Bool,
        agreement: (Day, Day, AgreementStatus)? = nil
    ) -> Int {
        let record = Institution(institutionID: id, name: name, kind: .medical, regionCode: city, grade: grade)
        institutions.append(record)
        if let agreement {
            agreements.append(
                Agreement(
                    agreementID: "XY-\(id)-1", institutionID: id, services: [.medical], startDate: agreement.0,
                    endDate: agreement.1, status: agreement.2))
            plantHospitals.ownAgreements.insert(id)
        }
        hospitals.append(HospitalInfo(record: record, dailyYuan: InstitutionNetwork.dailyYuan(grade: grade)))
        hospitalIndexByID[id] = hospitals.count - 1
        return hospitals.count - 1
    }

    /// A rehab or assistive institution; returns its index into `institutions`.
    private mutating func addOther(
        id: String, name: String, kind: InstitutionKind, city: RegionCode, agreement: (Day, Day, AgreementStatus)?
    ) -> Int {
        institutions.append(Institution(institutionID: id, name: name, kind: kind, regionCode: city, grade: nil))
        if let agreement {
            agreements.append(
                Agreement(
                    agreementID: "XY-\(id)-1", institutionID: id, services: [kind], startDate: agreement.0,
                    endDate: agreement.1, status: agreement.2))
            plantHospitals.ownAgreements.insert(id)
        }
        return institutions.count - 1
    }

    private mutating func addExpert(region: RegionCode, serial: Int, institution: String?, _ rng: inout DemoRandom)
        -> Int
    {
        let id = "ZJ" + region.raw + "-" + Identifiers.padded(serial, 3)
        let expert = Expert(
            expertID: id, name: ChineseNames.person(male: rng.chance(perMille: 600), &rng),
            specialty: rng.pick(ChineseNames.specialties), institutionID: institution, regionCode: region)
        experts.append(expert)
        expertIndexByID[id] = experts.count - 1
        return experts.count - 1
    }
}

/// The institutions and experts that exist only to carry plants.
struct PlantInstitutions: Sendable {
    /// R16: hospital index (in `hospitals`) that bills 2.8× its peers.
    var costly: Int?
    /// R17: hospital index whose evidence is graded severe too often.
    var severeEvidence: Int?
    /// R17: expert index on the panels of those assessments.
    var severeExpert: Int?
    /// R09: hospital index with a terminated agreement.
    var terminated: Int?
    /// R09: institution indices (in `institutions`) with an expired or suspended agreement.
    var expiredRehab: Int?
    var suspendedAssistive: Int?
    /// Institutions whose agreements are made with them (not the standard three-year blocks).
    var ownAgreements: Set<String> = []

    func ownsAgreement(_ id: String) -> Bool { ownAgreements.contains(id) }
}
