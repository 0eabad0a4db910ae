import FundModel
import FundRules

/// The mutable state of one generation run, shared by the stories of all cases.
///
/// One run is single-threaded and deterministic: the order in which workers
/// are visited (city by city, employer by employer) fixes every rotation,
/// serial number and id.
final class GenerationContext {
    let options: DemoOptions
    let sink: any DemoSink
    var cities: [CityPlan]
    var templates: [[CaseTemplate]]
    var network: InstitutionNetwork
    var panels = PanelSelector()
    var book: PaymentBook
    var ids = PersonIDFactory()
    var truth = GroundTruth()
    let calculator: EntitlementCalculator
    /// Plants a case could not carry after all (reported, never expected in a full province).
    var skippedPlants: [String] = []
    /// The R18 plant expert who sits on too many panels for one employer (index into the experts).
    var plantPanelExpert: Int?
    /// Employer index offsets per city, for a province-wide employer number.
    var employerOffset: [Int] = []
    private var caseSerial: [Int: Int] = [:]
    private var assessmentSerial: [Int: Int] = [:]
    private var relativeAccounts = 0
    private(set) var rowCounts: [Table: Int] = [:]

    init(
        options: DemoOptions, sink: any DemoSink, cities: [CityPlan], templates: [[CaseTemplate]],
        network: InstitutionNetwork, calculator: EntitlementCalculator
    ) {
        self.options = options
        self.sink = sink
        self.cities = cities
        self.templates = templates
        self.network = network
        self.calculator = calculator
        let manual = Set(
            cities.filter { $0.blueprint.has(.manualReimbursement) && options.plantsEveryRule }.map(\.index))
        book = PaymentBook(manualCities: manual, windowStart: options.windowStart, asOf: options.asOf)
        var offset = 0
        for city in cities {
            employerOffset.append(offset)
            offset += city.employers.count
        }
    }

    func emit(_ record: DemoRecord) throws {
        rowCounts[record.table, default: 0] += 1
        try sink.write(record)
    }

    /// `GS390100-2025-00017`: the determination number of a city and accident year.
    func nextCaseID(city: RegionCode, year: Int) -> String {
        let key = Int(city.raw)! * 10_000 + year
        let n = (caseSerial[key] ?? 0) + 1
        caseSerial[key] = n
        return "GS\(city.raw)-\(year)-\(Identifiers.padded(n, 5))"
    }

    /// `JD390100-2025-00033`: the assessment number of a committee and application year.
    func nextAssessmentID(committee: RegionCode, year: Int) -> String {
        let key = Int(committee.raw)! * 10_000 + year
        let n = (assessmentSerial[key] ?? 0) + 1
        assessmentSerial[key] = n
        return "JD\(committee.raw)-\(year)-\(Identifiers.padded(n, 5))"
    }

    /// A relative's own bank account (dependants' pensions, death benefits).
    func nextRelativeAccount() -> String {
        relativeAccounts += 1
        return Identifiers.account(prefix: "6228", serial: relativeAccounts)
    }

    /// A worker's own bank account: unique to the city and worker index.
    static func workerAccount(city: Int, worker: Int) -> String {
        Identifiers.account(prefix: "6217", serial: city * 10_000_000 + worker)
    }

    /// An institution's settlement account, for direct settlement.
    static func institutionAccount(_ institutionID: String) -> String {
        "1202" + String(institutionID.filter(\.isNumber))
    }

    /// The county code a person's id is issued in: one of the city's counties.
    func county(of city: Int, _ rng: inout DemoRandom) -> String {
        let blueprint = cities[city].blueprint
        return String(blueprint.code.raw.prefix(4)) + rng.pick(blueprint.counties).suffix
    }
}
