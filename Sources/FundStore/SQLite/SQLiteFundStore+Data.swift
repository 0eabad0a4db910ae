import FundColumns
import FundModel
import GRDB

extension SQLiteFundStore {
    /// Every imported table, with the determination and assessment registers laid over the cases and
    /// assessments (`RegisterOverlay`).
    public func loadDataSet() throws -> DataSet {
        try pool.read { db in
            var data = try Self.loadTables(db, payments: true)
            try RegisterOverlay.read(db).apply(to: &data, addCases: true, addAssessments: true)
            return data
        }
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

    /// The case as the platform reads it: the register's determination laid over the imported row.
    public func injuryCase(id: String) throws -> InjuryCase? {
        try pool.read { db in
            let imported = try Self.fetchAll(InjuryCase.self, db, where: "case_id = ?", id).first
            guard
                let body = try String.fetchOne(
                    db, sql: "SELECT body FROM \(DeterminationFile.tableName) WHERE id = ? AND state <> ?",
                    arguments: [id, DeterminationState.notAccepted.rawValue])
            else { return imported }
            let file = try Self.decode(DeterminationFile.self, body)
            return RegisterOverlay.merged(imported: imported, register: file.injuryCase)
        }
    }

    public func worker(id: PersonID) throws -> Worker? {
        try pool.read { db in try Self.fetchAll(Worker.self, db, where: "worker_id = ?", id.raw).first }
    }

    /// A case's assessments as the platform reads them: the register's files in place of the imported rows
    /// they hold, and those the register holds alone.
    public func assessments(caseID: String) throws -> [Assessment] {
        try pool.read { db in
            var rows = try Self.fetchAll(
                Assessment.self, db, where: "case_id = ?", caseID, orderBy: "applied_date, assessment_id")
            var overlay = RegisterOverlay()
            for body in try String.fetchAll(
                db, sql: "SELECT body FROM \(AssessmentFile.tableName) WHERE case_id = ? AND state <> ?",
                arguments: [caseID, AssessmentState.terminated.rawValue])
            {
                let file = try Self.decode(AssessmentFile.self, body)
                overlay.assessments[file.assessmentID] = file.assessment
            }
            guard !overlay.assessments.isEmpty else { return rows }
            var data = DataSet()
            data.assessments = rows
            overlay.apply(to: &data, addCases: false, addAssessments: true)
            rows = data.assessments ?? []
            return rows.sorted {
                ($0.appliedDate ?? Day(ordinal: 0), $0.assessmentID) < (
                    $1.appliedDate ?? Day(ordinal: 0), $1.assessmentID
                )
            }
        }
    }

    public func dependents(caseID: String) throws -> [Dependent] {
        try pool.read { db in
            try Self.fetchAll(Dependent.self, db, where: "case_id = ?", caseID, orderBy: "dependent_id")
        }
    }

    public func deaths(personID: PersonID) throws -> [DeathRecord] {
        try pool.read { db in
            try Self.fetchAll(DeathRecord.self, db, where: "person_id = ?", personID.raw, orderBy: "death_date")
        }
    }

    public func pensions(personID: PersonID) throws -> [PensionRecord] {
        try pool.read { db in
            try Self.fetchAll(PensionRecord.self, db, where: "person_id = ?", personID.raw, orderBy: "start_date")
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
