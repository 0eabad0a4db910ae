/// The tables of the interchange formats, by file name.
public enum Table: String, CaseIterable, Sendable, Codable {
    case regions, parameters, employers, workers, wages
    case injuryCases = "injury_cases"
    case assessments, experts, dependents, institutions, agreements
    case benefitItems = "benefit_items"
    case payments
    case fundLedger = "fund_ledger"
    case deaths = "ext_deaths"
    case medicalInsurance = "ext_medical_insurance"
    case pensions = "ext_pensions"
    case healthVisits = "ext_health_visits"
    case trafficAccidents = "ext_traffic_accidents"
    case imprisonments = "ext_imprisonments"
    case calendar
    /// cards.csv (issue 13, docs/interchange-settlement.md): the social security cards of direct settlement.
    case cards

    /// The CSV file name of the table.
    public var fileName: String { rawValue + ".csv" }
}
