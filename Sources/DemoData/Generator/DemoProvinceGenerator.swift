import FundColumns
import FundModel
import FundRules

/// How far a generation run is, for a progress line.
public struct DemoProgress: Sendable {
    public var workersDone: Int
    public var workersTotal: Int
}

/// What a generation run made.
public struct DemoReport: Sendable {
    public var groundTruth: GroundTruth
    public var manifest: DemoManifest
    /// Plants that found no case to carry them (only in a small province).
    public var skippedPlants: [String]
}

/// Generates 东海省, a synthetic province in the interchange formats, with planted anomalies.
///
/// The same options give the same bytes: all randomness comes from
/// `DemoRandom` streams keyed by the seed, and rows are written in a fixed
/// order. Rows stream to the sink as they are made; what stays in memory is
/// the plan (employers, one small record per case, institutions, the panel
/// history) and the monthly sums of the fund, so a million workers and tens of
/// millions of payments need a few hundred megabytes, not the whole province.
///
/// The background is built to stay clear of every rule at the default
/// thresholds, and each plant to trip exactly its rule (docs/demo-province.md).
public struct DemoProvinceGenerator: Sendable {
    public let options: DemoOptions

    public init(options: DemoOptions = DemoOptions()) { self.options = options }

    /// Writes the province to the sink and returns its ground truth and manifest.
    @discardableResult
    public func generate(into sink: any DemoSink, progress: ((DemoProgress) -> Void)? = nil) throws -> DemoReport {
        precondition(options.workers >= 10, "a demo province needs at least 10 workers")
        let blueprints = options.usesSampleLayout ? ProvinceBlueprint.sampleCities : ProvinceBlueprint.cities
        let counts = CityPlan.allocate(workers: options.workers, cities: blueprints)
        var cities: [CityPlan] = []
        var employerSerial = 1
        for (k, blueprint) in blueprints.enumerated() {
            let deck = CityPlan.deckTickets(
                workers: counts[k], full: options.plantsEveryRule, sample: options.usesSampleLayout)
            var city = CityPlan(
                index: k, blueprint: blueprint, workers: counts[k], deckTicketsPerYear: deck,
                fatalTicketsPerYear: CityPlan.fatalTickets(
                    cityIndex: k, deckTickets: deck, sample: options.usesSampleLayout))
            city.buildEmployers(serialBase: &employerSerial, seed: options.seed, windowStart: options.windowStart)
            cities.append(city)
        }
        let templates = cities.map {
            $0.makeTemplates(
                seed: options.seed, costlyHospitalShare: options.plantsEveryRule && $0.blueprint.has(.capital),
                sample: options.usesSampleLayout)
        }
        var instances = zip(cities, templates).map { $0.makeInstances(templates: $1, options: options) }
        for c in cities.indices { assignWorkers(&instances[c], city: cities[c]) }

        let network = InstitutionNetwork(cities: cities, options: options)
        var planner = PlantPlanner(options: options, cities: cities, templates: templates, instances: instances)
        planner.plan()
        planner.planPanelConcentration(expertPool: network.cityExperts[0], experts: network.experts)
        instances = planner.instances

        let regions = makeRegions(blueprints)
        let parameters = StatutoryParameters.rows(
            cities: blueprints, years: options.firstLegacyYear...options.asOf.year)
        let calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: parameters, regions: regions),
            items: ItemList(provincialRows: ProvinceItems.rows))
        let ctx = GenerationContext(
            options: options, sink: sink, cities: cities, templates: templates, network: network, calculator: calculator
        )
        ctx.truth = planner.truth
        ctx.plantPanelExpert = planner.panelExpert
        if let expert = planner.panelExpert {
            ctx.truth.add("R18", .expert, network.experts[expert].expertID, "365 天内参与同一用人单位 6 名职工的鉴定专家组")
        }

        for region in regions { try ctx.emit(.region(region)) }
        for parameter in parameters { try ctx.emit(.parameter(parameter)) }
        // The calendar the production system works by: the national holidays and make-up working days of
        // the data's years that the platform ships (rev. 2; a province's own days would be added here).
        for day in NationalHolidays.days
        where (options.firstLegacyYear...options.asOf.year).contains(day.date.year) {
            try ctx.emit(.calendarDay(day))
        }
        for item in ProvinceItems.rows { try ctx.emit(.benefitItem(item)) }
        for institution in network.institutions { try ctx.emit(.institution(institution)) }
        for agreement in network.agreements { try ctx.emit(.agreement(agreement)) }
        for expert in network.experts { try ctx.emit(.expert(expert)) }
        for city in cities { for slot in city.employers { try ctx.emit(.employer(slot.record)) } }

        var done = 0
        for c in cities.indices {
            var caseOfWorker = [Int32](repeating: -1, count: cities[c].workers)
            for (k, instance) in instances[c].enumerated() where instance.worker >= 0 {
                caseOfWorker[instance.worker] = Int32(k)
            }
            for w in 0..<cities[c].workers {
                if caseOfWorker[w] >= 0 {
                    var story = CaseStory(ctx: ctx, instance: instances[c][Int(caseOfWorker[w])], worker: w)
                    try story.run()
                } else {
                    try BackgroundWorker(ctx: ctx, city: c, index: w, plant: planner.workerPlants[c][w]).run()
                }
                done += 1
                if done % 2_000 == 0 { progress?(DemoProgress(workersDone: done, workersTotal: options.workers)) }
            }
        }
        let ledger = LedgerBuilder(options: options, cities: cities, monthly: ctx.book.monthly)
        for entry in ledger.rows() { try ctx.emit(.fundLedger(entry)) }
        progress?(DemoProgress(workersDone: options.workers, workersTotal: options.workers))

        let manifest = DemoManifest(
            asOf: options.asOf, seed: options.seed, workers: options.workers, windowStart: options.windowStart,
            province: ProvinceBlueprint.code, plantsEveryRule: options.plantsEveryRule, rowCounts: ctx.rowCounts,
            groundTruthRows: ctx.truth.rows.count)
        try sink.finish(groundTruth: ctx.truth, manifest: manifest)
        return DemoReport(
            groundTruth: ctx.truth, manifest: manifest, skippedPlants: planner.skipped + ctx.skippedPlants)
    }

    /// A province in memory: the data set, its ground truth and manifest (for tests and screening without files).
    public static func dataSet(options: DemoOptions = DemoOptions()) throws -> (dataSet: DataSet, report: DemoReport) {
        let sink = DataSetSink()
        let report = try DemoProvinceGenerator(options: options).generate(into: sink)
        return (sink.dataSet, report)
    }

    /// Gives each case a distinct worker of its city, in a seeded order; cases beyond 80 % of the workers are
    /// dropped (only in a tiny province).
    private func assignWorkers(_ instances: inout [CaseInstance], city: CityPlan) {
        var rng = DemoRandom(options.seed, 0xA551, UInt64(city.index))
        var order = Array(0..<city.workers)
        rng.shuffle(&order)
        let limit = city.workers * 4 / 5
        if instances.count > limit {
            instances = Array(instances.prefix(limit))
        }
        for k in instances.indices { instances[k].worker = order[k] }
    }

    private func makeRegions(_ blueprints: [CityBlueprint]) -> [Region] {
        var regions = [
            Region(code: ProvinceBlueprint.code, name: ProvinceBlueprint.name, level: .province, parentCode: nil)
        ]
        for city in blueprints {
            regions.append(Region(code: city.code, name: city.name, level: .city, parentCode: ProvinceBlueprint.code))
            for county in city.counties {
                regions.append(
                    Region(
                        code: RegionCode(String(city.code.raw.prefix(4)) + county.suffix)!, name: county.name,
                        level: .county,
                        parentCode: city.code))
            }
        }
        return regions
    }
}
