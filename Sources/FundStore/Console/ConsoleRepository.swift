import FundModel

/// The read models of the console: pages of findings, dashboard counts, the fund by month, and
/// any stored row as text (for evidence shown side by side).
public protocol ConsoleRepository: Sendable {
    /// A page of findings and the number matching the filters (for paging).
    func findingPage(_ query: FindingListQuery) throws -> (rows: [FindingListRow], total: Int)
    func findingCounts(scope: RegionScope) throws -> FindingCounts
    /// Income, expenditure and balance by month, oldest first: a city with its counties, or the whole province
    /// (its own consolidated rows when the ledger has them, else the sum of its cities; never both).
    func ledgerByMonth(scope: RegionScope) throws -> [LedgerMonth]
    /// Rows of `table` whose `column` equals `value`, as text cells in interchange column order.
    func records(in table: Table, where column: String, equals value: String, limit: Int) throws -> [DisplayRecord]
    /// The findings about any of these subjects (a worker, the worker's cases and payments), in interchange order.
    func findings(subjectIDs: [String]) throws -> [StoredFinding]
    /// One recorded screening run.
    func screeningRun(id: Int64) throws -> ScreeningRunRecord?
    /// A worker's injury cases, by accident date.
    func cases(workerID: PersonID) throws -> [InjuryCase]
    /// A worker's assessments, by applied date.
    func assessments(workerID: PersonID) throws -> [Assessment]
}
