import FundColumns
import GRDB

/// The database schema, as a sequence of migrations that is only ever appended to.
///
/// Storage conventions (docs/decisions.md "FundStore: storage conventions"):
/// - a day is an INTEGER, `Day.ordinal` (days since 1970-01-01): it sorts,
///   compares and indexes as a number and loads without parsing;
/// - a month is an INTEGER, `YearMonth.index` (year × 12 + month − 1);
/// - money is an INTEGER number of fen; a parameter value is an INTEGER in
///   ten-thousandths (`Decimal4`);
/// - a boolean is an INTEGER 0/1; a code (`kind`, `decision`, …) is its
///   interchange text; a list (`experts`, `services`) is `;`-joined text;
/// - an empty cell is NULL.
/// Tables are STRICT, so that a value of the wrong type can never slip in.
/// Column names are those of interchange.md, so a CSV header maps one to one.
enum SchemaMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 interchange tables") { db in
            for statement in interchangeTables { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v1 import and screening runs") { db in
            for statement in runTables { try db.execute(sql: statement) }
        }
        CaseworkSchema.register(in: &migrator)
        migrator.registerMigration("v2 access and audit") { db in
            for statement in AccessSchema.tables { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2 verification") { db in
            for statement in VerificationSchema.tables { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3 calendar") { db in
            for statement in calendarTables { try db.execute(sql: statement) }
        }
        // Rev. 2 (interchange.md): ext_pensions.csv holds one row per change of the amount, so a person has
        // several rows, one per start date; the first schema kept one row a person and lost the changes.
        migrator.registerMigration("v4 pensions by change") { db in
            for statement in pensionsByChange { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3 sign-in: idle sessions, password to change") { db in
            for statement in AccessSchema.signInColumns { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v4 opaque finding ids") { db in try OpaqueFindingIDs.migrate(db) }
        migrator.registerMigration("v5 expiring API keys") { db in
            try db.execute(sql: "ALTER TABLE api_keys ADD COLUMN expires_at TEXT")
        }
        // Issue 11: each audit entry chained to the previous one by SHA-256 (`AuditChain`).
        migrator.registerMigration("v6 audit hash chain") { db in try AuditChain.migrate(db) }
        // Issue 14 #1: every run's indicator figures, for the console's history (`IndicatorHistorySchema`).
        migrator.registerMigration("v7 indicator history: every run's indicator figures") { db in
            for statement in IndicatorHistorySchema.tables { try db.execute(sql: statement) }
        }
        // Issue 13: direct settlement (cards.csv, institutions' credentials, settlements and their lines).
        migrator.registerMigration("v7 settlement tables") { db in
            for statement in SettlementSchema.tables { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// ext_pensions keyed by person and start date (rev. 2), its rows kept.
    static let pensionsByChange: [String] = [
        """
        CREATE TABLE ext_pensions_by_change (
            person_id TEXT NOT NULL, start_date INTEGER NOT NULL, monthly_amount INTEGER,
            PRIMARY KEY (person_id, start_date)
        ) STRICT
        """,
        "INSERT INTO ext_pensions_by_change SELECT person_id, start_date, monthly_amount FROM ext_pensions",
        "DROP TABLE ext_pensions",
        "ALTER TABLE ext_pensions_by_change RENAME TO ext_pensions",
    ]

    /// Every table of interchange.md, with the indexes the rules and lookups need.
    static let interchangeTables: [String] = [
        """
        CREATE TABLE regions (
            code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, parent_code TEXT
        ) STRICT
        """,
        """
        CREATE TABLE parameters (
            region_code TEXT NOT NULL, year INTEGER NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,
            PRIMARY KEY (region_code, year, name)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE employers (
            employer_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, region_code TEXT NOT NULL,
            industry_code TEXT, risk_class INTEGER, insured_since INTEGER
        ) STRICT
        """,
        "CREATE INDEX employers_region ON employers(region_code)",
        """
        CREATE TABLE workers (
            worker_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, gender TEXT, birth_date INTEGER,
            employer_id TEXT, region_code TEXT NOT NULL, insured_since INTEGER, insured_until INTEGER
        ) STRICT
        """,
        "CREATE INDEX workers_employer ON workers(employer_id)",
        "CREATE INDEX workers_region ON workers(region_code)",
        """
        CREATE TABLE wages (
            worker_id TEXT NOT NULL, month INTEGER NOT NULL, wage INTEGER NOT NULL,
            PRIMARY KEY (worker_id, month)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE injury_cases (
            case_id TEXT PRIMARY KEY NOT NULL, worker_id TEXT NOT NULL, employer_id TEXT,
            region_code TEXT NOT NULL, accident_date INTEGER NOT NULL, kind TEXT NOT NULL,
            applied_date INTEGER, applicant TEXT, accepted_date INTEGER, decided_date INTEGER,
            decision TEXT NOT NULL, fatal INTEGER NOT NULL, own_wage INTEGER, third_party INTEGER NOT NULL,
            description TEXT
        ) STRICT
        """,
        "CREATE INDEX injury_cases_worker ON injury_cases(worker_id)",
        "CREATE INDEX injury_cases_employer ON injury_cases(employer_id)",
        "CREATE INDEX injury_cases_region_accident ON injury_cases(region_code, accident_date)",
        """
        CREATE TABLE assessments (
            assessment_id TEXT PRIMARY KEY NOT NULL, case_id TEXT NOT NULL, worker_id TEXT NOT NULL,
            kind TEXT NOT NULL, applied_date INTEGER, concluded_date INTEGER, grade INTEGER, nursing TEXT,
            hospital_id TEXT, experts TEXT, region_code TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX assessments_case ON assessments(case_id)",
        "CREATE INDEX assessments_worker ON assessments(worker_id)",
        "CREATE INDEX assessments_hospital ON assessments(hospital_id)",
        """
        CREATE TABLE experts (
            expert_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, specialty TEXT, institution_id TEXT,
            region_code TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX experts_institution ON experts(institution_id)",
        // A person may be the dependant of two deceased workers: the key is the pair.
        """
        CREATE TABLE dependents (
            dependent_id TEXT NOT NULL, case_id TEXT NOT NULL, relation TEXT NOT NULL, birth_date INTEGER,
            lone INTEGER NOT NULL, disabled INTEGER NOT NULL, start_date INTEGER, end_date INTEGER,
            PRIMARY KEY (dependent_id, case_id)
        ) STRICT
        """,
        "CREATE INDEX dependents_case ON dependents(case_id)",
        """
        CREATE TABLE institutions (
            institution_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
            region_code TEXT NOT NULL, grade TEXT
        ) STRICT
        """,
        "CREATE INDEX institutions_region ON institutions(region_code)",
        """
        CREATE TABLE agreements (
            agreement_id TEXT PRIMARY KEY NOT NULL, institution_id TEXT NOT NULL, services TEXT NOT NULL,
            start_date INTEGER NOT NULL, end_date INTEGER NOT NULL, status TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX agreements_institution ON agreements(institution_id)",
        """
        CREATE TABLE benefit_items (
            item_code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, payer TEXT NOT NULL, basis TEXT,
            status TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE payments (
            payment_id TEXT PRIMARY KEY NOT NULL, case_id TEXT, worker_id TEXT NOT NULL, item_code TEXT NOT NULL,
            amount INTEGER NOT NULL, paid_date INTEGER NOT NULL, period_start INTEGER, period_end INTEGER,
            institution_id TEXT, invoice_no TEXT, channel TEXT, payee_account TEXT, dependent_id TEXT,
            region_code TEXT NOT NULL, advance INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX payments_worker ON payments(worker_id)",
        "CREATE INDEX payments_case ON payments(case_id) WHERE case_id IS NOT NULL",
        """
        CREATE INDEX payments_institution_invoice ON payments(institution_id, invoice_no)
            WHERE institution_id IS NOT NULL
        """,
        "CREATE INDEX payments_paid_date ON payments(region_code, paid_date)",
        "CREATE INDEX payments_account ON payments(payee_account) WHERE payee_account IS NOT NULL",
        "CREATE INDEX payments_dependent ON payments(dependent_id) WHERE dependent_id IS NOT NULL",
        """
        CREATE TABLE fund_ledger (
            region_code TEXT NOT NULL, month INTEGER NOT NULL, revenue INTEGER NOT NULL,
            benefit_expenditure INTEGER NOT NULL, prevention_expenditure INTEGER NOT NULL,
            assessment_expenditure INTEGER NOT NULL, other_expenditure INTEGER NOT NULL, balance INTEGER NOT NULL,
            PRIMARY KEY (region_code, month)
        ) STRICT, WITHOUT ROWID
        """,
        // The shared data has no ids: each table has a natural key (docs/decisions.md
        // "FundStore: natural keys of the shared data"), a unique index that an
        // import replaces on. ifnull() lets an empty optional cell take part in it.
        """
        CREATE TABLE ext_deaths (person_id TEXT NOT NULL, death_date INTEGER NOT NULL, source TEXT) STRICT
        """,
        "CREATE UNIQUE INDEX ext_deaths_key ON ext_deaths(person_id, ifnull(source, ''))",
        """
        CREATE TABLE ext_medical_insurance (
            person_id TEXT NOT NULL, institution_id TEXT, admission_date INTEGER NOT NULL, discharge_date INTEGER,
            amount INTEGER, invoice_no TEXT
        ) STRICT
        """,
        """
        CREATE UNIQUE INDEX ext_medical_insurance_key
            ON ext_medical_insurance(person_id, admission_date, ifnull(institution_id, ''), ifnull(invoice_no, ''))
        """,
        "CREATE INDEX ext_medical_insurance_invoice ON ext_medical_insurance(invoice_no) WHERE invoice_no IS NOT NULL",
        """
        CREATE TABLE ext_pensions (person_id TEXT PRIMARY KEY NOT NULL, start_date INTEGER NOT NULL,
            monthly_amount INTEGER) STRICT
        """,
        """
        CREATE TABLE ext_health_visits (
            person_id TEXT NOT NULL, institution_id TEXT, visit_date INTEGER NOT NULL, diagnosis TEXT
        ) STRICT
        """,
        """
        CREATE UNIQUE INDEX ext_health_visits_key
            ON ext_health_visits(person_id, visit_date, ifnull(institution_id, ''), ifnull(diagnosis, ''))
        """,
        """
        CREATE TABLE ext_traffic_accidents (
            person_id TEXT NOT NULL, accident_date INTEGER NOT NULL, liability TEXT NOT NULL,
            PRIMARY KEY (person_id, accident_date)
        ) STRICT
        """,
        """
        CREATE TABLE ext_imprisonments (
            person_id TEXT NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER,
            PRIMARY KEY (person_id, start_date)
        ) STRICT
        """,
    ]

    /// calendar.csv (rev. 2): a day per region, the national calendar under an empty (NULL) region; a row for the
    /// same day and region replaces the earlier one.
    static let calendarTables: [String] = [
        "CREATE TABLE calendar (date INTEGER NOT NULL, kind TEXT NOT NULL, region_code TEXT) STRICT",
        "CREATE UNIQUE INDEX calendar_key ON calendar(date, ifnull(region_code, ''))",
    ]

    /// Import runs, screening runs and the findings register.
    static let runTables: [String] = [
        """
        CREATE TABLE import_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
            user TEXT, source TEXT NOT NULL, lenient INTEGER NOT NULL, rows_imported INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL, warnings TEXT NOT NULL, unmatched TEXT NOT NULL
        ) STRICT
        """,
        // One row per file of an import: which tables have ever been imported
        // (a table never imported is nil in a DataSet, not empty).
        """
        CREATE TABLE import_run_files (
            run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE, table_name TEXT NOT NULL,
            file TEXT NOT NULL, rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL,
            rows_replaced INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, PRIMARY KEY (run_id, table_name)
        ) STRICT
        """,
        "CREATE INDEX import_run_files_table ON import_run_files(table_name)",
        """
        CREATE TABLE screening_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, as_of INTEGER NOT NULL,
            configuration TEXT NOT NULL, findings_raised INTEGER NOT NULL, findings_new INTEGER NOT NULL,
            findings_raised_again INTEGER NOT NULL, findings_no_longer_raised INTEGER NOT NULL
        ) STRICT
        """,
        // Every rule of a run: run, or not run with the reason ("no data: payments.csv").
        """
        CREATE TABLE screening_run_rules (
            run_id INTEGER NOT NULL REFERENCES screening_runs(id) ON DELETE CASCADE, rule_id TEXT NOT NULL,
            ran INTEGER NOT NULL, reason TEXT, PRIMARY KEY (run_id, rule_id)
        ) STRICT
        """,
        """
        CREATE TABLE findings (
            finding_id TEXT PRIMARY KEY NOT NULL, rule_id TEXT NOT NULL, severity TEXT NOT NULL,
            region_code TEXT NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
            amount INTEGER NOT NULL, detail TEXT NOT NULL, evidence TEXT NOT NULL,
            first_run_id INTEGER NOT NULL REFERENCES screening_runs(id),
            last_run_id INTEGER NOT NULL REFERENCES screening_runs(id),
            still_raised INTEGER NOT NULL DEFAULT 1, status TEXT NOT NULL DEFAULT 'new'
        ) STRICT
        """,
        "CREATE INDEX findings_rule ON findings(rule_id, still_raised)",
        "CREATE INDEX findings_region_status ON findings(region_code, status)",
        "CREATE INDEX findings_subject ON findings(subject_type, subject_id)",
        "CREATE INDEX findings_last_run ON findings(last_run_id)",
    ]
}
