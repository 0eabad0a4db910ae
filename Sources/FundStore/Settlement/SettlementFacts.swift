import FundColumns
import FundModel
import GRDB

/// The small tables every real-time check reads whoever the worker: regions, the statutory parameters, the
/// province's item list and the calendar. Loaded once and kept while no import has run since
/// (`importRunID`), so that a settlement reads only its worker's rows.
public struct SettlementReferenceData: Sendable {
    /// The latest import run when they were read (0: none yet).
    public var importRunID: Int64
    public var imported: Set<FundModel.Table>
    public var regions: [Region]
    public var parameters: [Parameter]?
    public var benefitItems: [BenefitItemRow]?
    public var calendar: [CalendarDay]?
}

extension SQLiteFundStore {
    /// The versions of what a real-time check caches: the latest import run (the reference data) and the
    /// latest change of the thresholds (the rules configuration), 0 when none. One indexed read.
    public func settlementVersions() throws -> (importRun: Int64, rulesChange: Int64) {
        try pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT ifnull(max(id), 0) FROM import_runs),
                        (SELECT ifnull(max(id), 0) FROM rules_configuration_changes)
                    """)
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    public func settlementReferenceData() throws -> SettlementReferenceData {
        try pool.read { db in
            let imported = try Self.importedTables(db)
            return SettlementReferenceData(
                importRunID: try Int64.fetchOne(db, sql: "SELECT max(id) FROM import_runs") ?? 0,
                imported: imported, regions: try Self.fetchAll(Region.self, db),
                parameters: imported.contains(.parameters) ? try Self.fetchAll(Parameter.self, db) : nil,
                benefitItems: imported.contains(.benefitItems) ? try Self.fetchAll(BenefitItemRow.self, db) : nil,
                calendar: imported.contains(.calendar) ? try Self.fetchAll(CalendarDay.self, db) : nil)
        }
    }
}

/// Reads, by index, the rows one worker's bill can be checked against: the worker, their cases and
/// assessments (with the registers laid over them, as screening reads them), dependants, wages, deaths
/// and pensions, every payment of the worker (the direct settlements of today included: they are rows
/// of `payments`), the payments of the bill's invoices at the institution whoever they were for, and the
/// institution with its agreements.
///
/// A table never imported stays `nil`, so a rule needing it is "not run (no data)" as in a batch run.
enum SettlementFacts {
    static func load(
        _ db: Database, person: PersonID, institutionID: String, invoices: [String],
        reference: SettlementReferenceData
    ) throws -> DataSet {
        let imported = reference.imported
        var data = DataSet()
        data.regions = reference.regions
        data.parameters = reference.parameters
        data.benefitItems = reference.benefitItems
        data.calendar = reference.calendar
        func load<R: StoredRecord>(_ type: R.Type, _ condition: String, _ arguments: [String]) throws -> [R]? {
            imported.contains(R.table) ? try fetch(R.self, db, condition, arguments) : nil
        }
        data.workers = try load(Worker.self, "worker_id = ?", [person.raw])
        var cases = try load(InjuryCase.self, "worker_id = ?", [person.raw])
        // The registers: a determination or an assessment on file is what the platform reads.
        var overlay = RegisterOverlay()
        for body in try String.fetchAll(
            db, sql: "SELECT body FROM \(DeterminationFile.tableName) WHERE worker_id = ? AND state <> ?",
            arguments: [person.raw, DeterminationState.notAccepted.rawValue])
        {
            let file = try SQLiteFundStore.decode(DeterminationFile.self, body)
            overlay.cases[file.caseID] = file.injuryCase
        }
        for body in try String.fetchAll(
            db, sql: "SELECT body FROM \(AssessmentFile.tableName) WHERE worker_id = ? AND state <> ?",
            arguments: [person.raw, AssessmentState.terminated.rawValue])
        {
            let file = try SQLiteFundStore.decode(AssessmentFile.self, body)
            overlay.assessments[file.assessmentID] = file.assessment
        }
        if cases == nil && !overlay.cases.isEmpty { cases = [] }
        data.cases = cases
        let caseIDs = Set((cases ?? []).map(\.caseID)).union(overlay.cases.keys).sorted()
        if imported.contains(.assessments) || !overlay.assessments.isEmpty {
            var rows: [Assessment] = []
            for id in caseIDs { rows += try fetch(Assessment.self, db, "case_id = ?", [id]) }
            data.assessments = rows
        }
        if imported.contains(.dependents) {
            var rows: [Dependent] = []
            for id in caseIDs { rows += try fetch(Dependent.self, db, "case_id = ?", [id]) }
            data.dependents = rows
        }
        overlay.apply(to: &data, addCases: true, addAssessments: true)
        data.wages = try load(Wage.self, "worker_id = ?", [person.raw])
        data.deaths = try load(DeathRecord.self, "person_id = ?", [person.raw])
        data.pensions = try load(PensionRecord.self, "person_id = ?", [person.raw])
        data.institutions = try load(Institution.self, "institution_id = ?", [institutionID])
        data.agreements = try load(Agreement.self, "institution_id = ?", [institutionID])
        // Payments: direct settlements write `payments` whether or not payments.csv was ever imported.
        var payments = try fetch(Payment.self, db, "worker_id = ?", [person.raw])
        var seen = Set(payments.map(\.paymentID))
        for invoice in Set(invoices).sorted() {
            for payment in try fetch(
                Payment.self, db, "institution_id = ? AND invoice_no = ?", [institutionID, invoice])
            where seen.insert(payment.paymentID).inserted {
                payments.append(payment)
            }
        }
        data.payments = payments
        return data
    }

    /// The rows of the record's table matching `condition`, decoded column by column.
    static func fetch<R: StoredRecord>(_ type: R.Type, _ db: Database, _ condition: String, _ arguments: [String])
        throws -> [R]
    {
        let statement = try RawStatement(
            db, sql: "SELECT \(R.columns) FROM \(R.table.rawValue) WHERE \(condition) ORDER BY \(R.order)")
        for (i, argument) in arguments.enumerated() { statement.bindString(Int32(i + 1), argument) }
        let reader = ColumnReader(
            statement: statement, table: R.table.rawValue, columnCount: Int(statement.columnCount))
        var records: [R] = []
        while try statement.step() { records.append(try R.decode(reader)) }
        statement.reset()
        return records
    }
}
