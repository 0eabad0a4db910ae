import FundModel

/// One row of one interchange table, as the generator produces it.
public enum DemoRecord: Sendable {
    case region(Region)
    case parameter(Parameter)
    case employer(Employer)
    case worker(Worker)
    case wage(Wage)
    case injuryCase(InjuryCase)
    case assessment(Assessment)
    case expert(Expert)
    case dependent(Dependent)
    case institution(Institution)
    case agreement(Agreement)
    case benefitItem(BenefitItemRow)
    case payment(Payment)
    case fundLedger(FundLedgerEntry)
    case death(DeathRecord)
    case medicalInsurance(MedicalInsuranceStay)
    case pension(PensionRecord)
    case healthVisit(HealthVisit)
    case trafficAccident(TrafficAccident)
    case imprisonment(Imprisonment)
    case calendarDay(CalendarDay)
    case card(SocialSecurityCard)

    /// The table the row belongs to.
    public var table: Table {
        switch self {
        case .region: .regions
        case .parameter: .parameters
        case .employer: .employers
        case .worker: .workers
        case .wage: .wages
        case .injuryCase: .injuryCases
        case .assessment: .assessments
        case .expert: .experts
        case .dependent: .dependents
        case .institution: .institutions
        case .agreement: .agreements
        case .benefitItem: .benefitItems
        case .payment: .payments
        case .fundLedger: .fundLedger
        case .death: .deaths
        case .medicalInsurance: .medicalInsurance
        case .pension: .pensions
        case .healthVisit: .healthVisits
        case .trafficAccident: .trafficAccidents
        case .imprisonment: .imprisonments
        case .calendarDay: .calendar
        case .card: .cards
        }
    }
}

/// Where the generator's rows go: CSV files (`CSVDirectorySink`), memory (`DataSetSink`), or anything else.
///
/// The generator calls `write` once per row, in a deterministic order, and
/// `finish` once at the end with the ground truth and the manifest. A sink
/// must not hold on to rows it does not need: the CSV sink streams them to
/// disk, so that a province of a million workers fits in a few hundred
/// megabytes of memory.
public protocol DemoSink: AnyObject {
    func write(_ record: DemoRecord) throws
    func finish(groundTruth: GroundTruth, manifest: DemoManifest) throws
}
