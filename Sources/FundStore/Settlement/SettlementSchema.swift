/// The tables of direct settlement (issue 13): the card register, the institutions' credentials, the
/// settlements with their lines, and the answers kept for idempotency.
///
/// Registered in `SchemaMigrations` as migration "v7 settlement tables". Days are `Day.ordinal`, money
/// fen, as everywhere (docs/decisions.md "FundStore: storage conventions").
enum SettlementSchema {
    static let tables: [String] = [
        // cards.csv: column names as in the interchange file, so the importer maps its header one to one.
        """
        CREATE TABLE cards (
            card_no TEXT PRIMARY KEY NOT NULL, person_id TEXT NOT NULL, status TEXT NOT NULL,
            issued_date INTEGER NOT NULL, ecard_token TEXT, ecard_expires INTEGER
        ) STRICT
        """,
        "CREATE INDEX cards_person ON cards(person_id)",
        "CREATE INDEX cards_ecard ON cards(ecard_token) WHERE ecard_token IS NOT NULL",
        // An institution's API credentials: only the SHA-256 of the key is kept.
        """
        CREATE TABLE institution_credentials (
            id INTEGER PRIMARY KEY AUTOINCREMENT, institution_id TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
            prefix TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            revoked_at TEXT, revoked_by TEXT
        ) STRICT
        """,
        "CREATE INDEX institution_credentials_institution ON institution_credentials(institution_id, id)",
        // The answer given to each request id of an institution, for the same answer to a retry.
        """
        CREATE TABLE settlement_requests (
            institution_id TEXT NOT NULL, request_id TEXT NOT NULL, operation TEXT NOT NULL,
            body_hash TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (institution_id, request_id)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE settlements (
            settlement_id TEXT PRIMARY KEY NOT NULL, institution_id TEXT NOT NULL, request_id TEXT NOT NULL,
            person_id TEXT NOT NULL, card_no TEXT NOT NULL, case_id TEXT NOT NULL, region_code TEXT NOT NULL,
            settled_day INTEGER NOT NULL, created_at TEXT NOT NULL, admission_date INTEGER, discharge_date INTEGER,
            state TEXT NOT NULL, reversed_day INTEGER, reversal_request_id TEXT
        ) STRICT
        """,
        "CREATE INDEX settlements_institution_day ON settlements(institution_id, settled_day)",
        "CREATE INDEX settlements_day ON settlements(settled_day)",
        // One row per line of a bill. `paid` is 1 while a payment of the line stands (not reversed): one
        // invoice of an institution can be paid once at a time, whoever asks at the same moment.
        """
        CREATE TABLE settlement_lines (
            settlement_id TEXT NOT NULL REFERENCES settlements(settlement_id), line_no INTEGER NOT NULL,
            institution_id TEXT NOT NULL, person_id TEXT NOT NULL, region_code TEXT NOT NULL,
            settled_day INTEGER NOT NULL, item_code TEXT NOT NULL, amount INTEGER NOT NULL,
            service_start INTEGER NOT NULL, service_end INTEGER, invoice_no TEXT NOT NULL,
            decision TEXT NOT NULL, rule_id TEXT, reason TEXT, payment_id TEXT, paid INTEGER NOT NULL,
            review_state TEXT, reviewed_by TEXT, review_day INTEGER, review_note TEXT,
            reversal_payment_id TEXT, reversed_day INTEGER,
            PRIMARY KEY (settlement_id, line_no)
        ) STRICT
        """,
        """
        CREATE UNIQUE INDEX settlement_lines_one_paid_invoice
        ON settlement_lines(institution_id, invoice_no) WHERE paid = 1
        """,
        "CREATE INDEX settlement_lines_day ON settlement_lines(institution_id, settled_day)",
        "CREATE INDEX settlement_lines_review_day ON settlement_lines(institution_id, review_day)",
        "CREATE INDEX settlement_lines_reversed_day ON settlement_lines(institution_id, reversed_day)",
        "CREATE INDEX settlement_lines_person ON settlement_lines(person_id)",
        "CREATE INDEX settlement_lines_held ON settlement_lines(region_code, review_state) WHERE decision = 'held'",
        "CREATE INDEX settlement_lines_all_days ON settlement_lines(settled_day, decision)",
    ]
}
