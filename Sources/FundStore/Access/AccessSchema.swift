/// The tables of people, sessions, API keys and the audit log (issue 4).
///
/// Registered in `SchemaMigrations` as migration "v2 access and audit".
enum AccessSchema {
    static let tables: [String] = [
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
            role TEXT NOT NULL, region_code TEXT, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, password_changed_at TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY NOT NULL, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, remote_address TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX sessions_user ON sessions(user_id)",
        """
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            label TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """,
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id INTEGER, user_name TEXT NOT NULL,
            role TEXT NOT NULL, action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL,
            outcome TEXT NOT NULL, detail TEXT NOT NULL, remote_address TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX audit_log_user ON audit_log(user_name, id)",
        "CREATE INDEX audit_log_action ON audit_log(action, id)",
        "CREATE INDEX audit_log_target ON audit_log(target_type, target_id)",
        // Append-only: the history of who saw and did what cannot be edited or erased.
        auditNoUpdateTrigger,
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
    ]

    static let auditNoUpdateTrigger = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """

    /// Issue 11 #7: when a session was last used (the idle timeout), and whether the person must change a
    /// password someone else chose (generated or one-time) before doing anything else.
    static let signInColumns: [String] = [
        "ALTER TABLE sessions ADD COLUMN last_seen_at TEXT",
        "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
    ]
}
