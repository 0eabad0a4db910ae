import FundColumns
import FundModel

/// The interchange data, as the other layers see it, whatever the database behind.
///
/// SQLite (`SQLiteFundStore`) is the embedded default; a PostgreSQL store for
/// a multi-server deployment implements the same protocols, and nothing above
/// FundStore changes (architecture.md "FundStore").
public protocol DataRepository: Sendable {
    /// Every imported table. A table never imported is `nil` (its rules are "not run (no data)"),
    /// an imported but empty one is `[]`.
    func loadDataSet() throws -> DataSet
    /// The data set of a screening run: as `loadDataSet()`, but the payments may come as columns
    /// (`DataSet.paymentTable`) and be read in parallel, and only `tables` need be read (`nil`: all).
    func loadScreeningData(tables: Set<Table>?) throws -> DataSet
    /// The tables that at least one import has loaded (possibly with zero rows).
    func importedTables() throws -> Set<Table>
    func regions() throws -> [Region]
    func parameters() throws -> [Parameter]
    func injuryCase(id: String) throws -> InjuryCase?
    func worker(id: PersonID) throws -> Worker?
    func assessments(caseID: String) throws -> [Assessment]
    func dependents(caseID: String) throws -> [Dependent]
    /// A person's death records (`ext_deaths`), earliest first.
    func deaths(personID: PersonID) throws -> [DeathRecord]
    /// A person's pension rows (`ext_pensions`, one per change of the amount), by start date.
    func pensions(personID: PersonID) throws -> [PensionRecord]
    /// A worker's payments, by paid date then payment id.
    func payments(workerID: PersonID) throws -> [Payment]
    /// A case's payments, by paid date then payment id.
    func payments(caseID: String) throws -> [Payment]
    func payment(id: String) throws -> Payment?
    /// The imported calendar.csv rows (rev. 2), none when never imported: what casework lays over the shipped
    /// national calendar (FundRules' `WorkingCalendar`).
    func calendarDays() throws -> [CalendarDay]
}

/// Screening runs and the findings register (疑点台账).
public protocol FindingRepository: Sendable {
    /// Records a run and merges its findings into the register (see `ScreeningRunSummary`):
    /// a finding raised again keeps its id and status; a stored finding of a rule that
    /// was run but no longer raises it is marked no longer raised, never deleted;
    /// findings of rules not run are untouched.
    func saveScreeningRun(_ run: ScreeningRun, findings: [Finding], rulesRun: Set<String>) throws
        -> ScreeningRunSummary
    /// Stored findings matching the query, in interchange.md order (severity, amount descending, id).
    func findings(_ query: FindingQuery) throws -> [StoredFinding]
    func finding(id: String) throws -> StoredFinding?
    /// Recorded runs, newest first.
    func screeningRuns(limit: Int) throws -> [ScreeningRunRecord]
}

/// The record of past imports.
public protocol ImportRunRepository: Sendable {
    /// Recorded imports, newest first.
    func importRuns(limit: Int) throws -> [ImportRunRecord]
}

/// Everything the platform keeps: what a store implements.
public protocol FundRepository: DataRepository, FindingRepository, ImportRunRepository {}

extension DataRepository {
    /// By default, the records of `loadDataSet()` (all tables: reading more than asked is safe).
    public func loadScreeningData(tables: Set<Table>?) throws -> DataSet { try loadDataSet() }

    /// Every table, for a screening of every rule.
    public func loadScreeningData() throws -> DataSet { try loadScreeningData(tables: nil) }
}

extension FindingRepository {
    /// Everything in the register, in interchange.md order.
    public func findings() throws -> [StoredFinding] { try findings(.all) }

    /// The 100 newest runs.
    public func screeningRuns() throws -> [ScreeningRunRecord] { try screeningRuns(limit: 100) }
}

extension ImportRunRepository {
    /// The 100 newest imports.
    public func importRuns() throws -> [ImportRunRecord] { try importRuns(limit: 100) }
}
