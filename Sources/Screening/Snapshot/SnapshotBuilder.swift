import FundColumns
import FundModel
import FundRules

/// Builds the parts of a `Snapshot`: first the id tables and payment columns
/// (one parallel task per id table, each owning its own interner), then every
/// index (one parallel task each).
struct SnapshotBuilder: Sendable {
    let data: DataSet
    /// The payments as columns (the loader's, or built from the records once).
    let payments: PaymentTable

    init(_ data: DataSet) {
        self.data = data
        payments = data.paymentColumns() ?? PaymentTable()
    }

    struct Interned: Sendable {
        var table: IDTable
        var row: [Int32]
    }

    struct PersonPart: Sendable {
        var table = IDTable()
        var workerRow: [Int32] = []
        var paymentWorker: [Int32] = []
        var paymentDependent: [Int32] = []
        var dependentKeys: [Int32] = []
        var caseKeys: [Int32] = []
        var wageKeys: [Int32] = []
        var deathKeys: [Int32] = []
        var pensionKeys: [Int32] = []
        var medicalKeys: [Int32] = []
        var visitKeys: [Int32] = []
        var trafficKeys: [Int32] = []
        var prisonKeys: [Int32] = []
        // Indexes, filled in the second stage.
        var dependentsByPerson = GroupIndex()
        var casesByWorker = GroupIndex()
        var wagesByWorker = GroupIndex()
        var deathsByPerson = GroupIndex()
        var pensionsByPerson = GroupIndex()
        var medicalInsuranceByPerson = GroupIndex()
        var healthVisitsByPerson = GroupIndex()
        var trafficAccidentsByPerson = GroupIndex()
        var imprisonmentsByPerson = GroupIndex()
        var earliestDeath: [Int32] = []
        var earliestPension: [Int32] = []
    }

    struct CasePart: Sendable {
        var interned: Interned
        var paymentCase: [Int32]
        var assessmentKeys: [Int32]
        var dependentKeys: [Int32]
    }

    struct InstitutionPart: Sendable {
        var interned: Interned
        var paymentInstitution: [Int32]
        var agreementKeys: [Int32]
        var medicalInsuranceInstitution: [Int32]
        var healthVisitInstitution: [Int32]
    }

    struct ScalarPart: Sendable {
        var items: IDTable
        var itemList: ItemList
        var regions: Interned
        var province: RegionCode?
        var paymentItem: [Int32]
        var paymentRegion: [Int32]
        var ledgerKeys: [Int32]
        var amount: [Int64]
        var paidDate: [Int32]
        var periodStart: [Int32]
        var periodEnd: [Int32]
        var serviceDate: [Int32]
        var flags: [UInt8]
    }

    struct PaymentIndexes: Sendable {
        var byWorker = GroupIndex()
        var byCase = GroupIndex()
        var byInstitution = GroupIndex()
        var byInvoice = GroupIndex()
        var byAccount = GroupIndex()
        var byDependent = GroupIndex()
    }

    struct Parts: Sendable {
        var available: Set<Table>
        var regions: Interned
        var province: RegionCode?
        var persons: PersonPart
        var employers: Interned
        var cases: Interned
        var experts: Interned
        var institutions: Interned
        var medicalInsuranceInstitution: [Int32]
        var healthVisitInstitution: [Int32]
        var items: IDTable
        var itemList: ItemList
        var invoices: IDTable
        var accounts: IDTable
        var payments: PaymentColumns
        var serviceOrder: [Int32]
        var paymentIndexes: PaymentIndexes
        var dependentsByCase: GroupIndex
        var dependentCase: [Int32]
        var assessmentsByCase: GroupIndex
        var assessmentCase: [Int32]
        var concludedAssessments: ConcludedAssessments
        var firstAssessmentRows: [Int]
        var agreementsByInstitution: GroupIndex
        var ledgerByRegion: GroupIndex
    }

    func build() -> Parts {
        let data = self.data
        let payments = self.payments

        // Stage 1: id tables and columns, one task per interner.
        let personSlot = ResultSlot<PersonPart>()
        let caseSlot = ResultSlot<CasePart>()
        let institutionSlot = ResultSlot<InstitutionPart>()
        let invoiceSlot = ResultSlot<(IDTable, [Int32])>()
        let accountSlot = ResultSlot<(IDTable, [Int32])>()
        let scalarSlot = ResultSlot<ScalarPart>()
        let smallSlot = ResultSlot<(employers: Interned, experts: Interned)>()
        Parallel.run([
            { personSlot.set(Self.internPersons(data, payments)) },
            { caseSlot.set(Self.internCases(data, payments)) },
            { institutionSlot.set(Self.internInstitutions(data, payments)) },
            // Invoices and accounts have no table of their own: the loader's dictionaries are the ids.
            { invoiceSlot.set((payments.invoice.dictionary, payments.invoice.codes)) },
            { accountSlot.set((payments.account.dictionary, payments.account.codes)) },
            { scalarSlot.set(Self.scalars(data, payments)) },
            {
                smallSlot.set(
                    (
                        Self.internRows((data.employers ?? []).map(\.employerID)),
                        Self.internRows((data.experts ?? []).map(\.expertID))
                    ))
            },
        ])
        var persons = personSlot.value
        let cases = caseSlot.value
        let institutions = institutionSlot.value
        let (invoices, paymentInvoice) = invoiceSlot.value
        let (accounts, paymentAccount) = accountSlot.value
        let scalars = scalarSlot.value
        let small = smallSlot.value

        let columns = PaymentColumns(
            paymentID: payments.paymentID, worker: persons.paymentWorker, caseID: cases.paymentCase,
            item: scalars.paymentItem,
            amount: scalars.amount, paidDate: scalars.paidDate, periodStart: scalars.periodStart,
            periodEnd: scalars.periodEnd, serviceDate: scalars.serviceDate,
            institution: institutions.paymentInstitution, invoice: paymentInvoice, account: paymentAccount,
            dependent: persons.paymentDependent, region: scalars.paymentRegion, flags: scalars.flags)
        let serviceOrder = Ordering.stableOrder(by: scalars.serviceDate)

        // Stage 2: every index, one task each.
        let personCount = persons.table.count
        let indexSlots = (0..<6).map { _ in ResultSlot<GroupIndex>() }
        let personIndexSlot = ResultSlot<PersonPart>()
        let otherSlot = ResultSlot<(GroupIndex, GroupIndex, ConcludedAssessments, GroupIndex, GroupIndex)>()
        let firstAssessmentSlot = ResultSlot<[Int]>()
        let personsSnapshot = persons
        // Every payment index keeps each group in service-date order.
        @Sendable func paymentIndex(_ keys: [Int32], _ keyCount: Int) -> GroupIndex {
            GroupIndex(keys: keys, keyCount: keyCount, sortedBy: columns.serviceDate, order: serviceOrder)
        }
        Parallel.run([
            { indexSlots[0].set(paymentIndex(columns.worker, personCount)) },
            { indexSlots[1].set(paymentIndex(columns.caseID, cases.interned.table.count)) },
            { indexSlots[2].set(paymentIndex(columns.institution, institutions.interned.table.count)) },
            { indexSlots[3].set(paymentIndex(columns.invoice, invoices.count)) },
            { indexSlots[4].set(paymentIndex(columns.account, accounts.count)) },
            { indexSlots[5].set(paymentIndex(columns.dependent, personCount)) },
            { personIndexSlot.set(Self.personIndexes(personsSnapshot, data)) },
            { firstAssessmentSlot.set(Self.firstRows((data.assessments ?? []).map(\.assessmentID))) },
            {
                otherSlot.set(
                    Self.otherIndexes(
                        data, cases: cases, institutions: institutions, ledgerKeys: scalars.ledgerKeys,
                        regionCount: scalars.regions.table.count))
            },
        ])
        persons = personIndexSlot.value
        let (dependentsByCase, assessmentsByCase, concluded, agreementsByInstitution, ledgerByRegion) =
            otherSlot.value

        return Parts(
            available: Self.availableTables(data), regions: scalars.regions, province: scalars.province,
            persons: persons, employers: small.employers, cases: cases.interned, experts: small.experts,
            institutions: institutions.interned,
            medicalInsuranceInstitution: institutions.medicalInsuranceInstitution,
            healthVisitInstitution: institutions.healthVisitInstitution, items: scalars.items,
            itemList: scalars.itemList, invoices: invoices,
            accounts: accounts,
            payments: columns, serviceOrder: serviceOrder,
            paymentIndexes: PaymentIndexes(
                byWorker: indexSlots[0].value, byCase: indexSlots[1].value, byInstitution: indexSlots[2].value,
                byInvoice: indexSlots[3].value, byAccount: indexSlots[4].value, byDependent: indexSlots[5].value),
            dependentsByCase: dependentsByCase, dependentCase: cases.dependentKeys,
            assessmentsByCase: assessmentsByCase,
            assessmentCase: cases.assessmentKeys, concludedAssessments: concluded,
            firstAssessmentRows: firstAssessmentSlot.value,
            agreementsByInstitution: agreementsByInstitution, ledgerByRegion: ledgerByRegion)
    }

    // MARK: Stage 1

    static func availableTables(_ data: DataSet) -> Set<Table> {
        var tables: Set<Table> = [.regions]
        if data.parameters != nil { tables.insert(.parameters) }
        if data.employers != nil { tables.insert(.employers) }
        if data.workers != nil { tables.insert(.workers) }
        if data.wages != nil { tables.insert(.wages) }
        if data.cases != nil { tables.insert(.injuryCases) }
        if data.assessments != nil { tables.insert(.assessments) }
        if data.experts != nil { tables.insert(.experts) }
        if data.dependents != nil { tables.insert(.dependents) }
        if data.institutions != nil { tables.insert(.institutions) }
        if data.agreements != nil { tables.insert(.agreements) }
        if data.benefitItems != nil { tables.insert(.benefitItems) }
        if data.hasPayments { tables.insert(.payments) }
        if data.fundLedger != nil { tables.insert(.fundLedger) }
        if data.deaths != nil { tables.insert(.deaths) }
        if data.medicalInsurance != nil { tables.insert(.medicalInsurance) }
        if data.pensions != nil { tables.insert(.pensions) }
        if data.healthVisits != nil { tables.insert(.healthVisits) }
        if data.trafficAccidents != nil { tables.insert(.trafficAccidents) }
        if data.imprisonments != nil { tables.insert(.imprisonments) }
        if data.calendar != nil { tables.insert(.calendar) }
        return tables
    }

    /// Interns the ids of a master table: the id of row r maps back to r (first occurrence wins).
    static func internRows(_ ids: [String]) -> Interned {
        var table = IDTable(reservingCapacity: ids.count)
        var row: [Int32] = []
        row.reserveCapacity(ids.count)
        for (r, id) in ids.enumerated() {
            let key = table.intern(id)
            if Int(key) == row.count { row.append(Int32(r)) }
        }
        return Interned(table: table, row: row)
    }

    /// The rows that are the first with their id (an in-memory data set can repeat an id; the store cannot).
    static func firstRows(_ ids: [String]) -> [Int] {
        var seen = IDTable(reservingCapacity: ids.count)
        var rows: [Int] = []
        rows.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() {
            let before = seen.count
            seen.intern(id)
            if seen.count > before { rows.append(row) }
        }
        return rows
    }

    /// Extends a master table's ids with those referenced elsewhere (which map to row -1).
    static func padRows(_ interned: inout Interned) {
        let missing = interned.table.count - interned.row.count
        if missing > 0 { interned.row.append(contentsOf: repeatElement(-1, count: missing)) }
    }

    static func internPersons(_ data: DataSet, _ payments: PaymentTable) -> PersonPart {
        var part = PersonPart()
        let workers = data.workers ?? []
        var interned = internRows(workers.map(\.workerID.raw))
        part.paymentWorker = payments.worker.codes(in: &interned.table)
        part.paymentDependent = payments.dependent.codes(in: &interned.table)
        part.dependentKeys = (data.dependents ?? []).map { interned.table.intern($0.dependentID.raw) }
        part.caseKeys = (data.cases ?? []).map { interned.table.intern($0.workerID.raw) }
        part.wageKeys = (data.wages ?? []).map { interned.table.intern($0.workerID.raw) }
        part.deathKeys = (data.deaths ?? []).map { interned.table.intern($0.personID.raw) }
        part.pensionKeys = (data.pensions ?? []).map { interned.table.intern($0.personID.raw) }
        part.medicalKeys = (data.medicalInsurance ?? []).map { interned.table.intern($0.personID.raw) }
        part.visitKeys = (data.healthVisits ?? []).map { interned.table.intern($0.personID.raw) }
        part.trafficKeys = (data.trafficAccidents ?? []).map { interned.table.intern($0.personID.raw) }
        part.prisonKeys = (data.imprisonments ?? []).map { interned.table.intern($0.personID.raw) }
        padRows(&interned)
        part.table = interned.table
        part.workerRow = interned.row
        return part
    }

    static func internCases(_ data: DataSet, _ payments: PaymentTable) -> CasePart {
        var interned = internRows((data.cases ?? []).map(\.caseID))
        let paymentCase = payments.caseID.codes(in: &interned.table)
        let assessmentKeys = (data.assessments ?? []).map { interned.table.intern($0.caseID) }
        let dependentKeys = (data.dependents ?? []).map { interned.table.intern($0.caseID) }
        padRows(&interned)
        return CasePart(
            interned: interned, paymentCase: paymentCase, assessmentKeys: assessmentKeys, dependentKeys: dependentKeys)
    }

    static func internInstitutions(_ data: DataSet, _ payments: PaymentTable) -> InstitutionPart {
        var interned = internRows((data.institutions ?? []).map(\.institutionID))
        let paymentInstitution = payments.institution.codes(in: &interned.table)
        let agreementKeys = (data.agreements ?? []).map { interned.table.intern($0.institutionID) }
        let medical = (data.medicalInsurance ?? []).map { interned.table.internOptional($0.institutionID) }
        let visits = (data.healthVisits ?? []).map { interned.table.internOptional($0.institutionID) }
        padRows(&interned)
        return InstitutionPart(
            interned: interned, paymentInstitution: paymentInstitution, agreementKeys: agreementKeys,
            medicalInsuranceInstitution: medical, healthVisitInstitution: visits)
    }

    static func scalars(_ data: DataSet, _ payments: PaymentTable) -> ScalarPart {
        let itemList = ItemList(provincialRows: data.benefitItems ?? [])
        var items = IDTable()
        for item in itemList.items { items.intern(item.code) }
        for row in data.benefitItems ?? [] { items.intern(row.itemCode) }
        let paymentItem = payments.item.codes(in: &items)

        var regions = internRows(data.regions.map(\.code.raw))
        let paymentRegion = payments.region.codes(in: &regions.table)
        for worker in data.workers ?? [] { regions.table.intern(worker.regionCode.raw) }
        for record in data.cases ?? [] { regions.table.intern(record.regionCode.raw) }
        for employer in data.employers ?? [] { regions.table.intern(employer.regionCode.raw) }
        for institution in data.institutions ?? [] { regions.table.intern(institution.regionCode.raw) }
        for assessment in data.assessments ?? [] { regions.table.intern(assessment.regionCode.raw) }
        for expert in data.experts ?? [] { regions.table.intern(expert.regionCode.raw) }
        let ledgerKeys = (data.fundLedger ?? []).map { regions.table.intern($0.regionCode.raw) }
        padRows(&regions)
        let province =
            data.regions.first(where: { $0.level == .province })?.code ?? data.regions.first?.code.province

        // The service date (rules.md): period_start, else paid_date.
        let serviceDate = zip(payments.periodStart, payments.paidDate).map { start, paid in
            start != Day.noneOrdinal ? start : paid
        }
        return ScalarPart(
            items: items, itemList: itemList, regions: regions, province: province, paymentItem: paymentItem,
            paymentRegion: paymentRegion, ledgerKeys: ledgerKeys, amount: payments.amount, paidDate: payments.paidDate,
            periodStart: payments.periodStart, periodEnd: payments.periodEnd, serviceDate: serviceDate,
            flags: payments.flags)
    }

    // MARK: Stage 2

    static func personIndexes(_ part: PersonPart, _ data: DataSet) -> PersonPart {
        var part = part
        let n = part.table.count
        func index<T>(_ rows: [T]?, _ keys: [Int32], date: (T) -> Int32) -> GroupIndex {
            let rows = rows ?? []
            return GroupIndex(keys: keys, keyCount: n, order: Ordering.stableOrder(by: rows.map(date)))
        }
        part.dependentsByPerson = GroupIndex(keys: part.dependentKeys, keyCount: n)
        part.casesByWorker = index(data.cases, part.caseKeys) { $0.accidentDate.ordinal }
        part.wagesByWorker = index(data.wages, part.wageKeys) { $0.month.index }
        part.deathsByPerson = index(data.deaths, part.deathKeys) { $0.deathDate.ordinal }
        part.pensionsByPerson = index(data.pensions, part.pensionKeys) { $0.startDate.ordinal }
        part.medicalInsuranceByPerson = index(data.medicalInsurance, part.medicalKeys) { $0.admissionDate.ordinal }
        part.healthVisitsByPerson = index(data.healthVisits, part.visitKeys) { $0.visitDate.ordinal }
        part.trafficAccidentsByPerson = index(data.trafficAccidents, part.trafficKeys) { $0.accidentDate.ordinal }
        part.imprisonmentsByPerson = index(data.imprisonments, part.prisonKeys) { $0.startDate.ordinal }

        var earliestDeath = [Int32](repeating: Day.noneOrdinal, count: n)
        for (row, death) in (data.deaths ?? []).enumerated() {
            let p = Int(part.deathKeys[row])
            let d = death.deathDate.ordinal
            if earliestDeath[p] == Day.noneOrdinal || d < earliestDeath[p] { earliestDeath[p] = d }
        }
        var earliestPension = [Int32](repeating: Day.noneOrdinal, count: n)
        for (row, pension) in (data.pensions ?? []).enumerated() {
            let p = Int(part.pensionKeys[row])
            let d = pension.startDate.ordinal
            if earliestPension[p] == Day.noneOrdinal || d < earliestPension[p] { earliestPension[p] = d }
        }
        part.earliestDeath = earliestDeath
        part.earliestPension = earliestPension
        return part
    }

    static func otherIndexes(
        _ data: DataSet, cases: CasePart, institutions: InstitutionPart, ledgerKeys: [Int32], regionCount: Int
    ) -> (GroupIndex, GroupIndex, ConcludedAssessments, GroupIndex, GroupIndex) {
        let caseCount = cases.interned.table.count
        let dependentsByCase = GroupIndex(keys: cases.dependentKeys, keyCount: caseCount)
        // Concluded first by concluded date; pending ones last, by applied date.
        let assessments = data.assessments ?? []
        let assessmentOrder = (0..<Int32(assessments.count)).sorted { a, b in
            let x = assessments[Int(a)]
            let y = assessments[Int(b)]
            switch (x.concludedDate, y.concludedDate) {
            case let (dx?, dy?): if dx != dy { return dx < dy }
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil):
                let ax = x.appliedDate.ordinalOrNone
                let ay = y.appliedDate.ordinalOrNone
                if ax != ay { return ax < ay }
            }
            return a < b
        }
        let assessmentsByCase = GroupIndex(keys: cases.assessmentKeys, keyCount: caseCount, order: assessmentOrder)
        let agreementsByInstitution = GroupIndex(
            keys: institutions.agreementKeys, keyCount: institutions.interned.table.count)
        let ledgerOrder = Ordering.stableOrder(by: (data.fundLedger ?? []).map(\.month.index))
        let ledgerByRegion = GroupIndex(keys: ledgerKeys, keyCount: regionCount, order: ledgerOrder)
        let concluded = ConcludedAssessments(assessments, byCase: assessmentsByCase)
        return (dependentsByCase, assessmentsByCase, concluded, agreementsByInstitution, ledgerByRegion)
    }
}
