import FundModel

/// One interchange file: its columns in storage order, and the checks across tables.
struct TableSpec: Sendable {
    let table: Table
    let columns: [ColumnSpec]
    /// The columns whose value identifies a row, for messages and examples (e.g. `payment_id`).
    let keyColumns: [String]
    /// References to other tables, counted (not enforced) after an import.
    let references: [ReferenceSpec]
    /// Groups of optional columns that go together: in a row, all empty or all filled (e.g. an electronic
    /// card's token and its expiry).
    var together: [[String]] = []

    static func spec(for table: Table) -> TableSpec {
        TableCatalog.all.first { $0.table == table }!
    }
}

/// A column that should name a row of another table.
struct ReferenceSpec: Sendable {
    let column: String
    /// The tables (and their column) where the value should be found; any one is enough.
    let targets: [(table: Table, column: String)]
    /// Values that need no match (`000000`, the national region of parameters).
    let exempt: [String]

    init(_ column: String, _ targets: [(table: Table, column: String)], exempt: [String] = []) {
        self.column = column
        self.targets = targets
        self.exempt = exempt
    }

    static func region(_ column: String = "region_code", exempt: [String] = []) -> ReferenceSpec {
        ReferenceSpec(column, [(.regions, "code")], exempt: exempt)
    }

    /// Shared data: the person should be a worker or a dependant.
    static let person = ReferenceSpec("person_id", [(.workers, "worker_id"), (.dependents, "dependent_id")])
}
