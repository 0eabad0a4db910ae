import FundModel
import GRDB

/// Migration "v4 opaque finding ids" (issue 11 #4): the findings about people and bank accounts, stored under
/// the legacy id (`DQ01-worker-<id number>`), move to their opaque id (`Finding.stableID`) with their
/// verification, steps and evidence files, so the next screening run finds them under the new id and their
/// history continues. The audit log keeps the ids it recorded (it is append-only); the console still
/// resolves a legacy id (`Finding.currentIDs(forLegacy:)`).
enum OpaqueFindingIDs {
    static func migrate(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT finding_id, rule_id, subject_type, subject_id FROM findings
                WHERE subject_type IN ('worker', 'dependent', 'account')
                """)
        var renames: [(old: String, new: String)] = []
        for row in rows {
            let old: String = row["finding_id"]
            let rule: String = row["rule_id"]
            let subject: String = row["subject_id"]
            guard let type = SubjectType(rawValue: row["subject_type"]) else { continue }
            let legacy = Finding.legacyID(ruleID: rule, subjectType: type, subjectID: subject)
            let current = Finding.stableID(ruleID: rule, subjectType: type, subjectID: subject)
            if old == legacy {
                renames.append((old, current))
            } else if old.hasPrefix(legacy + "-") {
                renames.append((old, current + old.dropFirst(legacy.count)))
            }
        }
        guard !renames.isEmpty else { return }
        // The tables refer to each other by finding id: checked once every row has moved.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        // verification_steps is append-only by trigger; this one rename is the exception, inside the migration.
        try db.execute(sql: "DROP TRIGGER IF EXISTS verification_steps_no_update")
        for (old, new) in renames {
            for table in ["findings", "verification_cases", "verification_steps", "evidence_files"] {
                try db.execute(sql: "UPDATE \(table) SET finding_id = ? WHERE finding_id = ?", arguments: [new, old])
            }
        }
        try db.execute(
            sql: """
                CREATE TRIGGER verification_steps_no_update BEFORE UPDATE ON verification_steps
                BEGIN SELECT RAISE(ABORT, 'verification_steps is append-only'); END
                """)
    }
}
