/// The tables of the verification workflow (rules.md §4), evidence files, and the history of the
/// rules configuration (issue 4 "规则与阈值").
///
/// Registered in `SchemaMigrations` as migration "v2 verification".
enum VerificationSchema {
    static let tables: [String] = [
        // Where each finding's verification stands besides its status (kept in `findings.status`).
        """
        CREATE TABLE verification_cases (
            finding_id TEXT PRIMARY KEY NOT NULL REFERENCES findings(finding_id),
            assignee_id INTEGER, assignee_name TEXT, amount_to_recover INTEGER, fine INTEGER,
            recovered INTEGER NOT NULL DEFAULT 0, referral TEXT, updated_at TEXT NOT NULL
        ) STRICT
        """,
        // Every step: who, when, why. Append-only, like the audit log.
        """
        CREATE TABLE verification_steps (
            id INTEGER PRIMARY KEY AUTOINCREMENT, finding_id TEXT NOT NULL REFERENCES findings(finding_id),
            at TEXT NOT NULL, user_id INTEGER, user_name TEXT NOT NULL, action TEXT NOT NULL,
            from_status TEXT NOT NULL, to_status TEXT NOT NULL, assignee_name TEXT, amount INTEGER, fine INTEGER,
            reason TEXT NOT NULL, remote_address TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX verification_steps_finding ON verification_steps(finding_id, id)",
        """
        CREATE TRIGGER verification_steps_no_update BEFORE UPDATE ON verification_steps
        BEGIN SELECT RAISE(ABORT, 'verification_steps is append-only'); END
        """,
        """
        CREATE TRIGGER verification_steps_no_delete BEFORE DELETE ON verification_steps
        BEGIN SELECT RAISE(ABORT, 'verification_steps is append-only'); END
        """,
        // Evidence files are kept in the database: one file to back up, and the same access rules.
        """
        CREATE TABLE evidence_files (
            id INTEGER PRIMARY KEY AUTOINCREMENT, finding_id TEXT NOT NULL REFERENCES findings(finding_id),
            step_id INTEGER REFERENCES verification_steps(id), name TEXT NOT NULL, content_type TEXT NOT NULL,
            size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL, uploaded_by TEXT NOT NULL,
            uploaded_at TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX evidence_files_finding ON evidence_files(finding_id)",
        // Each change of the rules configuration: who, when, why, the text before and after.
        """
        CREATE TABLE rules_configuration_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id INTEGER, user_name TEXT NOT NULL,
            reason TEXT NOT NULL, old_yaml TEXT NOT NULL, new_yaml TEXT NOT NULL
        ) STRICT
        """,
    ]
}
