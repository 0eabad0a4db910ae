import FundColumns
import FundModel
import FundRules

/// An immutable, indexed view of a `DataSet`, built once per screening run.
///
/// Every id is interned as a dense `Int32` (`IDTable`), the payments are kept
/// as columns of integers (`PaymentColumns`), and each relation a rule follows
/// is a `GroupIndex` built once: payments by worker, case, institution,
/// invoice, account and dependant (each group in service-date order),
/// assessments by case (by concluded date), agreements by institution, and
/// the shared records of other departments by person. Rules only read it, so
/// they can run in parallel with no locking (architecture.md "Screening").
///
/// A table that was `nil` in the data set is recorded as missing: a rule that
/// needs it is reported "not run (no data)", never silently passing.
public final class Snapshot: Sendable {
    /// The tables present in the data set (imported, possibly empty).
    public let available: Set<Table>
    /// The working days that statutory deadlines move to (rules.md §5 "Deadlines", rev. 2): the shipped national
    /// calendar with calendar.csv's rows added or overriding (optional: never required by a rule).
    public let calendar: WorkingCalendar

    // MARK: Regions
    public let regions: [Region]
    /// Every region code seen anywhere in the data, regions.csv first.
    public let regionCodes: IDTable
    /// Region id → row in `regions`, or -1.
    public let regionRow: [Int32]
    /// The province of the data set: the region of level `province`, else the province of the first region.
    public let province: RegionCode?

    // MARK: People
    /// Every person id seen: workers first, then dependants and the people of the shared records.
    public let persons: IDTable
    public let workers: [Worker]
    /// Person id → row in `workers`, or -1.
    public let workerRow: [Int32]
    public let dependents: [Dependent]
    /// Case id → rows of `dependents`.
    public let dependentsByCase: GroupIndex
    /// Row of `dependents` → its case id.
    public let dependentCase: [Int32]
    /// Person id → rows of `dependents`.
    public let dependentsByPerson: GroupIndex

    // MARK: Employers, cases, assessments, experts
    public let employerIDs: IDTable
    public let employers: [Employer]
    /// Employer id → row in `employers`, or -1.
    public let employerRow: [Int32]
    /// Every case id seen: injury_cases.csv first, then the ids referenced by payments, assessments, dependants.
    public let caseIDs: IDTable
    public let cases: [InjuryCase]
    /// Case id → row in `cases`, or -1 (a payment's case that is not in the table).
    public let caseRow: [Int32]
    /// Person id → rows of `cases`, by accident date.
    public let casesByWorker: GroupIndex
    /// Row of `cases` → person id of its worker.
    public let caseWorker: [Int32]
    /// Case id → whether the case is in the table and its decision entitles benefits (recognized/deemed).
    public let caseEntitles: [Bool]
    /// Case id → accident date ordinal, or `Day.noneOrdinal` for a case not in the table.
    public let caseAccident: [Int32]
    public let assessments: [Assessment]
    /// Case id → rows of `assessments`, by concluded date (pending ones last, by applied date).
    public let assessmentsByCase: GroupIndex
    /// Row of `assessments` → its case id.
    public let assessmentCase: [Int32]
    /// The rows of `assessments` that are the first with their id (`RecordRows`).
    public let firstAssessmentRows: [Int]
    /// Each case's assessment in force after each concluded date (`latestConcludedAssessmentRow`).
    let concludedAssessments: ConcludedAssessments
    public let expertIDs: IDTable
    public let experts: [Expert]
    /// Expert id → row in `experts`, or -1.
    public let expertRow: [Int32]

    // MARK: Institutions and agreements
    public let institutionIDs: IDTable
    public let institutions: [Institution]
    /// Institution id → row in `institutions`, or -1.
    public let institutionRow: [Int32]
    public let agreements: [Agreement]
    /// Institution id → rows of `agreements`.
    public let agreementsByInstitution: GroupIndex
    /// Row of `agreements` → its coverage as integers.
    let agreementSpans: [AgreementSpan]

    // MARK: Items and parameters
    /// Every item code seen: the item list's (national, then the province's) first, then the payments'.
    public let itemCodes: IDTable
    public let benefitItems: [BenefitItemRow]
    /// The province's item list: the national items with benefit_items.csv's additions and retirements.
    public let itemList: ItemList
    public let parameters: [Parameter]
    /// The statutory amounts of the data set's parameters and item list (R10, entitlements).
    public let calculator: EntitlementCalculator

    // MARK: Payments
    public let payments: PaymentColumns
    public let invoiceNumbers: IDTable
    public let accounts: IDTable
    /// Every payment row, by service date then row.
    public let paymentsByServiceDate: [Int32]
    /// Person id → payment rows (by service date).
    public let paymentsByWorker: GroupIndex
    public let paymentsByCase: GroupIndex
    public let paymentsByInstitution: GroupIndex
    public let paymentsByInvoice: GroupIndex
    public let paymentsByAccount: GroupIndex
    /// Person id of the dependant → payment rows.
    public let paymentsByDependent: GroupIndex

    // MARK: Wages and the fund ledger
    public let wages: [Wage]
    /// Person id → rows of `wages`, by month.
    public let wagesByWorker: GroupIndex
    public let fundLedger: [FundLedgerEntry]
    /// Region id → rows of `fundLedger`, by month.
    public let ledgerByRegion: GroupIndex

    // MARK: Shared records of other departments, by person id
    public let deaths: [DeathRecord]
    public let deathsByPerson: GroupIndex
    public let pensions: [PensionRecord]
    public let pensionsByPerson: GroupIndex
    public let medicalInsurance: [MedicalInsuranceStay]
    public let medicalInsuranceByPerson: GroupIndex
    /// Institution id (`institutionIDs`) of each medical-insurance stay, -1 when empty.
    public let medicalInsuranceInstitution: [Int32]
    public let healthVisits: [HealthVisit]
    public let healthVisitsByPerson: GroupIndex
    /// Institution id of each health visit, -1 when empty.
    public let healthVisitInstitution: [Int32]
    public let trafficAccidents: [TrafficAccident]
    public let trafficAccidentsByPerson: GroupIndex
    public let imprisonments: [Imprisonment]
    public let imprisonmentsByPerson: GroupIndex
    /// Person id → earliest death date ordinal, or `Day.noneOrdinal`.
    let earliestDeath: [Int32]
    /// Person id → earliest pension start ordinal, or `Day.noneOrdinal`.
    let earliestPension: [Int32]

    /// Builds the snapshot; the work is spread over the cores (one task per id table, then one per index).
    public init(_ dataSet: DataSet) {
        let parts = SnapshotBuilder(dataSet).build()
        available = parts.available
        calendar = WorkingCalendar.national.adding(dataSet.calendar ?? [])
        regions = dataSet.regions
        regionCodes = parts.regions.table
        regionRow = parts.regions.row
        province = parts.province
        persons = parts.persons.table
        workers = dataSet.workers ?? []
        workerRow = parts.persons.workerRow
        dependents = dataSet.dependents ?? []
        dependentsByCase = parts.dependentsByCase
        dependentCase = parts.dependentCase
        dependentsByPerson = parts.persons.dependentsByPerson
        employerIDs = parts.employers.table
        employers = dataSet.employers ?? []
        employerRow = parts.employers.row
        caseIDs = parts.cases.table
        cases = dataSet.cases ?? []
        caseRow = parts.cases.row
        casesByWorker = parts.persons.casesByWorker
        caseWorker = parts.persons.caseKeys
        let caseRecords = cases
        caseEntitles = parts.cases.row.map { $0 >= 0 && caseRecords[Int($0)].decision.entitlesBenefits }
        caseAccident = parts.cases.row.map { $0 >= 0 ? caseRecords[Int($0)].accidentDate.ordinal : Day.noneOrdinal }
        assessments = dataSet.assessments ?? []
        assessmentsByCase = parts.assessmentsByCase
        assessmentCase = parts.assessmentCase
        firstAssessmentRows = parts.firstAssessmentRows
        concludedAssessments = parts.concludedAssessments
        expertIDs = parts.experts.table
        experts = dataSet.experts ?? []
        expertRow = parts.experts.row
        institutionIDs = parts.institutions.table
        institutions = dataSet.institutions ?? []
        institutionRow = parts.institutions.row
        agreements = dataSet.agreements ?? []
        agreementsByInstitution = parts.agreementsByInstitution
        agreementSpans = agreements.map(AgreementSpan.init)
        itemCodes = parts.items
        benefitItems = dataSet.benefitItems ?? []
        itemList = parts.itemList
        parameters = dataSet.parameters ?? []
        calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: parameters, regions: dataSet.regions), items: parts.itemList)
        payments = parts.payments
        invoiceNumbers = parts.invoices
        accounts = parts.accounts
        paymentsByServiceDate = parts.serviceOrder
        paymentsByWorker = parts.paymentIndexes.byWorker
        paymentsByCase = parts.paymentIndexes.byCase
        paymentsByInstitution = parts.paymentIndexes.byInstitution
        paymentsByInvoice = parts.paymentIndexes.byInvoice
        paymentsByAccount = parts.paymentIndexes.byAccount
        paymentsByDependent = parts.paymentIndexes.byDependent
        wages = dataSet.wages ?? []
        wagesByWorker = parts.persons.wagesByWorker
        fundLedger = dataSet.fundLedger ?? []
        ledgerByRegion = parts.ledgerByRegion
        deaths = dataSet.deaths ?? []
        deathsByPerson = parts.persons.deathsByPerson
        pensions = dataSet.pensions ?? []
        pensionsByPerson = parts.persons.pensionsByPerson
        medicalInsurance = dataSet.medicalInsurance ?? []
        medicalInsuranceByPerson = parts.persons.medicalInsuranceByPerson
        medicalInsuranceInstitution = parts.medicalInsuranceInstitution
        healthVisits = dataSet.healthVisits ?? []
        healthVisitsByPerson = parts.persons.healthVisitsByPerson
        healthVisitInstitution = parts.healthVisitInstitution
        trafficAccidents = dataSet.trafficAccidents ?? []
        trafficAccidentsByPerson = parts.persons.trafficAccidentsByPerson
        imprisonments = dataSet.imprisonments ?? []
        imprisonmentsByPerson = parts.persons.imprisonmentsByPerson
        earliestDeath = parts.persons.earliestDeath
        earliestPension = parts.persons.earliestPension
    }

    // MARK: Tables

    /// Whether the table was in the data set.
    public func has(_ table: Table) -> Bool { available.contains(table) }

    /// The tables of `tables` that are missing, in the given order.
    public func missing(_ tables: [Table]) -> [Table] { tables.filter { !available.contains($0) } }

    // MARK: Lookups

    /// The region code of a region id.
    public func regionCode(_ id: Int32) -> RegionCode { RegionCode(regionCodes.name(id))! }

    /// The worker record of a person, if the person is a worker.
    public func worker(person: Int32) -> Worker? {
        guard person >= 0, Int(person) < workerRow.count else { return nil }
        let row = workerRow[Int(person)]
        return row >= 0 ? workers[Int(row)] : nil
    }

    /// The case record of a case id, if the case is in injury_cases.csv.
    public func caseRecord(_ caseID: Int32) -> InjuryCase? {
        guard caseID >= 0, Int(caseID) < caseRow.count else { return nil }
        let row = caseRow[Int(caseID)]
        return row >= 0 ? cases[Int(row)] : nil
    }

    /// The earliest recorded death of a person (`ext_deaths`).
    public func deathDate(person: Int32) -> Day? {
        guard person >= 0, Int(person) < earliestDeath.count else { return nil }
        return Day(optionalOrdinal: earliestDeath[Int(person)])
    }

    /// The earliest pension start of a person (`ext_pensions`).
    public func pensionStart(person: Int32) -> Day? {
        guard person >= 0, Int(person) < earliestPension.count else { return nil }
        return Day(optionalOrdinal: earliestPension[Int(person)])
    }

    /// The latest assessment of a case concluded strictly before `day` (rules.md §5 "grade of a payment"),
    /// or the latest ever when `day` is `nil`.
    ///
    /// The choice among assessments concluded the same day is FundRules' (review over second over
    /// initial, then the larger id), so that R10, R12 and the entitlement schedule always agree.
    public func latestConcludedAssessment(caseID: Int32, before day: Day? = nil) -> Assessment? {
        let row = latestConcludedAssessmentRow(caseID: caseID, before: day.ordinalOrNone)
        return row >= 0 ? assessments[Int(row)] : nil
    }

    /// The row in `assessments` of `latestConcludedAssessment` (the day as an ordinal, `Day.noneOrdinal`
    /// for "ever"), or -1: for the rules' per-payment loops.
    @inline(__always)
    public func latestConcludedAssessmentRow(caseID: Int32, before day: Int32) -> Int32 {
        concludedAssessments.latest(caseID: caseID, before: day)
    }

    /// Whether one of the institution's agreements covers the service on the day (R09).
    func hasAgreement(institution: Int32, covering service: InstitutionKind, on day: Day) -> Bool {
        agreementsByInstitution.rows(for: institution).contains {
            agreementSpans[Int($0)].covers(service, on: day.ordinal)
        }
    }

    /// The dependants of a case.
    public func dependents(caseID: Int32) -> [Dependent] {
        dependentsByCase.rows(for: caseID).map { dependents[Int($0)] }
    }

    /// The `Payment` record of a row, rebuilt from the columns (for the rows a finding shows).
    ///
    /// The snapshot keeps no records of its ten million payments: the ids are in its id tables, the
    /// rest in the columns. The person ids and region codes were validated when they were loaded.
    public func paymentRecord(_ row: Int32) -> Payment {
        let i = Int(row)
        let c = payments
        func text(_ table: IDTable, _ id: Int32) -> String? { id >= 0 ? table.name(id) : nil }
        return Payment(
            paymentID: c.paymentID[i], caseID: text(caseIDs, c.caseID[i]),
            workerID: PersonID(persons.name(c.worker[i]))!, itemCode: itemCodes.name(c.item[i]),
            amount: Money(fen: c.amount[i]), paidDate: Day(ordinal: c.paidDate[i]),
            periodStart: Day(optionalOrdinal: c.periodStart[i]), periodEnd: Day(optionalOrdinal: c.periodEnd[i]),
            institutionID: text(institutionIDs, c.institution[i]), invoiceNo: text(invoiceNumbers, c.invoice[i]),
            channel: PaymentTable.channel(flags: c.flags[i]), payeeAccount: text(accounts, c.account[i]),
            dependentID: text(persons, c.dependent[i]).flatMap { PersonID($0) }, regionCode: regionCode(c.region[i]),
            advance: c.flags[i] & 1 != 0)
    }

    /// The integer view of a payment that is not in the snapshot (real-time check).
    ///
    /// Ids the snapshot never saw become -1, which every index answers with "no rows".
    public func facts(for payment: Payment) -> PaymentFacts {
        PaymentFacts(
            row: -1, worker: persons.idOrNone(payment.workerID.raw), caseID: caseIDs.idOrNone(payment.caseID),
            item: itemCodes.idOrNone(payment.itemCode), amount: payment.amount, paidDate: payment.paidDate,
            periodStart: payment.periodStart, periodEnd: payment.periodEnd, serviceDate: payment.serviceDate,
            institution: institutionIDs.idOrNone(payment.institutionID),
            invoice: invoiceNumbers.idOrNone(payment.invoiceNo), account: accounts.idOrNone(payment.payeeAccount),
            dependent: persons.idOrNone(payment.dependentID?.raw), region: regionCodes.idOrNone(payment.regionCode.raw),
            advance: payment.advance, channel: payment.channel)
    }
}

extension Snapshot {
    /// The entitlement facts of a case, judged with the assessment at `assessmentRow` (-1: none), or `nil`
    /// for a case that is not in the table.
    ///
    /// Rev. 2 (rules.md §5): the worker's earliest recorded death, the grade in force before the date of
    /// death (条例 39(3)) and the worker's pension rows come with the case.
    public func caseFacts(caseID: Int32, assessmentRow: Int32) -> CaseFacts? {
        guard caseID >= 0, Int(caseID) < caseRow.count else { return nil }
        let row = caseRow[Int(caseID)]
        guard row >= 0 else { return nil }
        let record = cases[Int(row)]
        let worker = caseWorker[Int(row)]
        let death = deathDate(person: worker)
        let dateOfDeath = death ?? (record.fatal ? record.accidentDate : nil)
        let gradeRow = dateOfDeath.map { latestConcludedAssessmentRow(caseID: caseID, before: $0.ordinal) } ?? -1
        return CaseFacts(
            case: record, latestAssessment: assessmentRow >= 0 ? assessments[Int(assessmentRow)] : nil,
            dependents: dependents(caseID: caseID), deathDate: death,
            gradeBeforeDeath: gradeRow >= 0 ? assessments[Int(gradeRow)].grade : nil,
            pensions: worker >= 0 ? pensionsByPerson.rows(for: worker).map { pensions[Int($0)] } : [])
    }
}
