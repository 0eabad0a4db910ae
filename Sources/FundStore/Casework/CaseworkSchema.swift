import GRDB

/// The tables of the casework registers (Casework module), added to the store's migrator.
///
/// Each register is one table of the same shape: the record's id and
/// version, the columns its lists filter on (region, state, the ids it hangs
/// on), and the whole record as JSON (`body`). The records are read and
/// written whole by the state machines, and their nested lists (materials,
/// answers, the expert pool of a draw) would otherwise need a dozen child
/// tables; the columns keep the lists indexed and the sqlite3 shell readable
/// (docs/decisions.md "Casework: storage").
///
/// Every transition appends a row to `casework_events` in the same
/// transaction: the history is never updated or deleted.
enum CaseworkSchema {
    /// Registers the casework migrations after the store's own.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1 casework registers") { db in
            for statement in tables { try db.execute(sql: statement) }
        }
    }

    /// (table, index columns) of every register, in the order of `CaseworkDocument` conformances.
    static let registers: [(table: String, columns: [String])] = [
        ("determination_files", ["region_code", "state", "worker_id", "employer_id"]),
        ("assessment_files", ["region_code", "state", "case_id", "worker_id"]),
        ("panel_draws", ["region_code", "assessment_id", "worker_id", "employer_id"]),
        ("expert_relations", ["expert_id", "subject", "subject_id", "active"]),
        ("inspection_campaigns", ["region_code", "state"]),
        ("self_inspections", ["region_code", "state", "campaign_id", "institution_id"]),
        ("spot_check_draws", ["campaign_id"]),
        ("spot_checks", ["region_code", "state", "campaign_id", "institution_id"]),
        ("rectifications", ["region_code", "state", "campaign_id", "institution_id"]),
        ("risk_points", ["step", "active"]),
    ]

    static var tables: [String] {
        var statements: [String] = []
        for (table, columns) in registers {
            let indexColumns = columns.map { "\($0) TEXT" }.joined(separator: ", ")
            statements.append(
                """
                CREATE TABLE \(table) (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, \(indexColumns), body TEXT NOT NULL
                ) STRICT
                """)
            for column in columns where column != "active" {
                statements.append("CREATE INDEX \(table)_\(column) ON \(table)(\(column))")
            }
        }
        statements.append(
            """
            CREATE TABLE casework_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT NOT NULL, subject_id TEXT NOT NULL,
                action TEXT NOT NULL, chinese_action TEXT NOT NULL, from_state TEXT, to_state TEXT,
                actor TEXT NOT NULL, day INTEGER NOT NULL, reason TEXT, detail TEXT NOT NULL, recorded_at TEXT NOT NULL
            ) STRICT
            """)
        statements.append("CREATE INDEX casework_events_subject ON casework_events(subject, subject_id, id)")
        return statements
    }
}
