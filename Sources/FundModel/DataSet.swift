/// Every table of the interchange formats, in memory.
///
/// The store loads one from SQLite, the demo generator writes one out as CSV,
/// and the screening engine builds its indexed snapshot from one. A table
/// that was never imported is `nil`, not empty, so that the rules needing it
/// report "not run (no data)" instead of passing silently.
public struct DataSet: Sendable {
    public var regions: [Region] = []
    public var parameters: [Parameter]?
    public var employers: [Employer]?
    public var workers: [Worker]?
    public var wages: [Wage]?
    public var cases: [InjuryCase]?
    public var assessments: [Assessment]?
    public var experts: [Expert]?
    public var dependents: [Dependent]?
    public var institutions: [Institution]?
    public var agreements: [Agreement]?
    public var benefitItems: [BenefitItemRow]?
    /// The payments as records. The screening loader leaves this `nil` and fills `paymentTable` instead.
    public var payments: [Payment]?
    /// The payments as columns (`SQLiteFundStore.loadScreeningData()`); `nil` when they come as records.
    public var paymentTable: PaymentTable?
    public var fundLedger: [FundLedgerEntry]?
    public var deaths: [DeathRecord]?
    public var medicalInsurance: [MedicalInsuranceStay]?
    public var pensions: [PensionRecord]?
    public var healthVisits: [HealthVisit]?
    public var trafficAccidents: [TrafficAccident]?
    public var imprisonments: [Imprisonment]?
    /// calendar.csv (rev. 2, optional): days that add to or override the shipped national calendar.
    public var calendar: [CalendarDay]?

    public init() {}

    /// Whether payments.csv was imported, in either form.
    public var hasPayments: Bool { payments != nil || paymentTable != nil }

    /// The payments as columns: `paymentTable`, else built from the records.
    public func paymentColumns() -> PaymentTable? {
        paymentTable ?? payments.map(PaymentTable.init)
    }
}

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
