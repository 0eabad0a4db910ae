import FundModel
import GRDB

extension SQLiteFundStore {
    public func loadDataSet() throws -> DataSet {
        try pool.read { db in try Self.loadTables(db, payments: true) }
    }

    /// Every imported table as records but those in `skipping` (which the screening loader reads on
    /// other connections at the same time), the payments only if `payments`.
    static func loadTables(_ db: Database, payments: Bool, skipping: Set<FundModel.Table> = []) throws -> DataSet {
        let imported = try importedTables(db)
        func load<R: StoredRecord>(_ type: R.Type) throws -> [R]? {
            imported.contains(R.table) && !skipping.contains(R.table) ? try fetchAll(R.self, db) : nil
        }
        var data = DataSet()
        // regions.csv is required before anything else can be imported: never nil.
        data.regions = try fetchAll(Region.self, db)
        data.parameters = try load(Parameter.self)
        data.employers = try load(Employer.self)
        data.workers = try load(Worker.self)
        data.wages = try load(Wage.self)
        data.cases = try load(InjuryCase.self)
        data.assessments = try load(Assessment.self)
        data.experts = try load(Expert.self)
        data.dependents = try load(Dependent.self)
        data.institutions = try load(Institution.self)
        data.agreements = try load(Agreement.self)
        data.benefitItems = try load(BenefitItemRow.self)
        if payments { data.payments = try load(Payment.self) }
        data.fundLedger = try load(FundLedgerEntry.self)
        data.deaths = try load(DeathRecord.self)
        data.medicalInsurance = try load(MedicalInsuranceStay.self)
        data.pensions = try load(PensionRecord.self)
        data.healthVisits = try load(HealthVisit.self)
        data.trafficAccidents = try load(TrafficAccident.self)
        data.imprisonments = try load(Imprisonment.self)
        data.calendar = try load(CalendarDay.self)
        return data
    }

    public func importedTables() throws -> Set<FundModel.Table> {
        try pool.read { db in try Self.importedTables(db) }
    }

    public func regions() throws -> [Region] {
        try pool.read { db in try Self.fetchAll(Region.self, db) }
    }

    public func parameters() throws -> [Parameter] {
        try pool.read { db in try Self.fetchAll(Parameter.self, db) }
    }

    public func injuryCase(id: String) throws -> InjuryCase? {
        try pool.read { db in try Self.fetchAll(InjuryCase.self, db, where: "case_id = ?", id).first }
    }

    public func worker(id: PersonID) throws -> Worker? {
        try pool.read { db in try Self.fetchAll(Worker.self, db, where: "worker_id = ?", id.raw).first }
    }

    public func assessments(caseID: String) throws -> [Assessment] {
        try pool.read { db in
            try Self.fetchAll(Assessment.self, db, where: "case_id = ?", caseID, orderBy: "applied_date, assessment_id")
        }
    }

    public func dependents(caseID: String) throws -> [Dependent] {
        try pool.read { db in
            try Self.fetchAll(Dependent.self, db, where: "case_id = ?", caseID, orderBy: "dependent_id")
        }
    }

    public func payments(workerID: PersonID) throws -> [Payment] {
        try pool.read { db in
            try Self.fetchAll(Payment.self, db, where: "worker_id = ?", workerID.raw, orderBy: "paid_date, payment_id")
        }
    }

    public func payments(caseID: String) throws -> [Payment] {
        try pool.read { db in
            try Self.fetchAll(Payment.self, db, where: "case_id = ?", caseID, orderBy: "paid_date, payment_id")
        }
    }

    public func payment(id: String) throws -> Payment? {
        try pool.read { db in try Self.fetchAll(Payment.self, db, where: "payment_id = ?", id).first }
    }

    public func calendarDays() throws -> [CalendarDay] {
        try pool.read { db in try Self.fetchAll(CalendarDay.self, db) }
    }

    // MARK: Reading

    static func importedTables(_ db: Database) throws -> Set<FundModel.Table> {
        let names = try String.fetchAll(db, sql: "SELECT DISTINCT table_name FROM import_run_files")
        return Set(names.compactMap(FundModel.Table.init(rawValue:)))
    }

    /// Every row of the record's table (or those matching `condition`), decoded column by column.
    static func fetchAll<R: StoredRecord>(
        _ type: R.Type, _ db: Database, where condition: String? = nil, _ argument: String? = nil,
        orderBy: String? = nil
    ) throws -> [R] {
        var sql = "SELECT \(R.columns) FROM \(R.table.rawValue)"
        if let condition { sql += " WHERE \(condition)" }
        sql += " ORDER BY \(orderBy ?? R.order)"
        let statement = try RawStatement(db, sql: sql)
        if let argument { statement.bindString(1, argument) }
        var records: [R] = []
        if condition == nil {
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(R.table.rawValue)") ?? 0)
        }
        let reader = ColumnReader(
            statement: statement, table: R.table.rawValue, columnCount: Int(statement.columnCount))
        while try statement.step() {
            records.append(try R.decode(reader))
        }
        statement.reset()
        return records
    }
}
