import Foundation
import FundModel
import GRDB

extension SQLiteFundStore: VerificationRepository {
    public func verificationCase(findingID: String) throws -> VerificationCase? {
        try pool.read { db in try Self.verificationCase(findingID, db: db) }
    }

    static func verificationCase(_ findingID: String, db: Database) throws -> VerificationCase? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT f.status, v.assignee_id, v.assignee_name, v.amount_to_recover, v.fine, v.recovered, v.referral,
                        (SELECT COUNT(*) FROM verification_steps s WHERE s.finding_id = f.finding_id) AS version
                    FROM findings f LEFT JOIN verification_cases v ON v.finding_id = f.finding_id
                    WHERE f.finding_id = ?
                    """, arguments: [findingID])
        else { return nil }
        let statusText: String = row["status"]
        guard let status = FindingStatus(rawValue: statusText) else {
            throw StoreError(table: "findings", column: "status", value: statusText)
        }
        return VerificationCase(
            findingID: findingID, status: status, assigneeID: row["assignee_id"], assigneeName: row["assignee_name"],
            amountToRecover: (row["amount_to_recover"] as Int64?).map(Money.init(fen:)),
            fine: (row["fine"] as Int64?).map(Money.init(fen:)),
            recovered: Money(fen: row["recovered"] ?? 0), referral: row["referral"], version: row["version"])
    }

    public func verificationSteps(findingID: String) throws -> [VerificationStep] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM verification_steps WHERE finding_id = ? ORDER BY id", arguments: [findingID]
            ).map { row in
                func status(_ column: String) throws -> FindingStatus {
                    let text: String = row[column]
                    guard let value = FindingStatus(rawValue: text) else {
                        throw StoreError(table: "verification_steps", column: column, value: text)
                    }
                    return value
                }
                let actionText: String = row["action"]
                guard let action = VerificationAction(rawValue: actionText) else {
                    throw StoreError(table: "verification_steps", column: "action", value: actionText)
                }
                return VerificationStep(
                    id: row["id"], findingID: row["finding_id"], at: Timestamp.date(row["at"]),
                    userID: row["user_id"], userName: row["user_name"], action: action,
                    fromStatus: try status("from_status"), toStatus: try status("to_status"),
                    assigneeName: row["assignee_name"], amount: (row["amount"] as Int64?).map(Money.init(fen:)),
                    fine: (row["fine"] as Int64?).map(Money.init(fen:)), reason: row["reason"],
                    remoteAddress: row["remote_address"])
            }
        }
    }

    @discardableResult public func applyVerification(_ step: VerificationStep, updated: VerificationCase) throws
        -> Int64
    {
        try pool.write { db in
            guard let current = try Self.verificationCase(step.findingID, db: db) else {
                throw VerificationStoreError.unknownFinding(step.findingID)
            }
            return try Self.write(step, updated: updated, over: current, db: db)
        }
    }

    /// Reads the finding's verification, lets `decide` work out the step from it, and writes the step, all in
    /// one write transaction: no step can act on a state another step changed meanwhile (twenty concurrent
    /// `recover` steps add up, issue 11 #3).
    ///
    /// - Parameters:
    ///   - expectedVersion: the `VerificationCase.version` the person saw; when given and no longer current,
    ///     the step is refused with `versionChanged` (compare-and-set).
    ///   - decide: the step and the updated case, from the current case; what it throws is thrown unchanged
    ///     and nothing is written. It runs inside the transaction: it must not use the store.
    /// - Returns: the step as written (with its id).
    @discardableResult public func applyVerification(
        findingID: String, expectedVersion: Int?,
        _ decide: (VerificationCase) throws -> (step: VerificationStep, updated: VerificationCase)
    ) throws -> VerificationStep {
        try pool.write { db in
            guard let current = try Self.verificationCase(findingID, db: db) else {
                throw VerificationStoreError.unknownFinding(findingID)
            }
            if let expectedVersion, expectedVersion != current.version {
                throw VerificationStoreError.versionChanged(expected: expectedVersion, found: current.version)
            }
            var (step, updated) = try decide(current)
            step.id = try Self.write(step, updated: updated, over: current, db: db)
            return step
        }
    }

    static func write(_ step: VerificationStep, updated: VerificationCase, over current: VerificationCase, db: Database)
        throws -> Int64
    {
        guard current.status == step.fromStatus else {
            throw VerificationStoreError.statusChanged(expected: step.fromStatus, found: current.status)
        }
        let now = Timestamp.text(step.at)
        try db.execute(
            sql: """
                INSERT INTO verification_steps (finding_id, at, user_id, user_name, action, from_status, to_status,
                    assignee_name, amount, fine, reason, remote_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                step.findingID, now, step.userID, step.userName, step.action.rawValue, step.fromStatus.rawValue,
                step.toStatus.rawValue, step.assigneeName, step.amount?.fen, step.fine?.fen, step.reason,
                step.remoteAddress,
            ])
        let stepID = db.lastInsertedRowID
        try db.execute(
            sql: "UPDATE findings SET status = ? WHERE finding_id = ?",
            arguments: [updated.status.rawValue, step.findingID])
        try db.execute(
            sql: """
                INSERT INTO verification_cases (finding_id, assignee_id, assignee_name, amount_to_recover, fine,
                    recovered, referral, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (finding_id) DO UPDATE SET assignee_id = excluded.assignee_id,
                    assignee_name = excluded.assignee_name, amount_to_recover = excluded.amount_to_recover,
                    fine = excluded.fine, recovered = excluded.recovered, referral = excluded.referral,
                    updated_at = excluded.updated_at
                """,
            arguments: [
                step.findingID, updated.assigneeID, updated.assigneeName, updated.amountToRecover?.fen,
                updated.fine?.fen, updated.recovered.fen, updated.referral, now,
            ])
        return stepID
    }

    // MARK: Evidence files

    public func addEvidenceFile(
        findingID: String, stepID: Int64?, name: String, contentType: String, data: Data, sha256: String,
        uploadedBy: String, at: Date
    ) throws -> EvidenceFile {
        try pool.write { db in
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM findings WHERE finding_id = ?", arguments: [findingID])
                    == true
            else { throw VerificationStoreError.unknownFinding(findingID) }
            try db.execute(
                sql: """
                    INSERT INTO evidence_files (finding_id, step_id, name, content_type, size, sha256, data,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    findingID, stepID, name, contentType, data.count, sha256, data, uploadedBy, Timestamp.text(at),
                ])
            return EvidenceFile(
                id: db.lastInsertedRowID, findingID: findingID, stepID: stepID, name: name, contentType: contentType,
                size: data.count, sha256: sha256, uploadedBy: uploadedBy, uploadedAt: at)
        }
    }

    public func evidenceFiles(findingID: String) throws -> [EvidenceFile] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, finding_id, step_id, name, content_type, size, sha256, uploaded_by, uploaded_at
                    FROM evidence_files WHERE finding_id = ? ORDER BY id
                    """, arguments: [findingID]
            ).map(Self.evidenceFile)
        }
    }

    public func evidenceFile(id: Int64) throws -> (file: EvidenceFile, data: Data)? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM evidence_files WHERE id = ?", arguments: [id])
            else { return nil }
            return (Self.evidenceFile(row), row["data"])
        }
    }

    static func evidenceFile(_ row: Row) -> EvidenceFile {
        EvidenceFile(
            id: row["id"], findingID: row["finding_id"], stepID: row["step_id"], name: row["name"],
            contentType: row["content_type"], size: row["size"], sha256: row["sha256"],
            uploadedBy: row["uploaded_by"], uploadedAt: Timestamp.date(row["uploaded_at"]))
    }

    // MARK: Rules configuration

    public func currentRulesConfiguration() throws -> RulesConfigurationChange? {
        try rulesConfigurationChanges(limit: 1).first
    }

    public func rulesConfigurationChanges(limit: Int) throws -> [RulesConfigurationChange] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM rules_configuration_changes ORDER BY id DESC LIMIT ?",
                arguments: [max(0, limit)]
            ).map { row in
                RulesConfigurationChange(
                    id: row["id"], at: Timestamp.date(row["at"]), userID: row["user_id"], userName: row["user_name"],
                    reason: row["reason"], oldYAML: row["old_yaml"], newYAML: row["new_yaml"])
            }
        }
    }

    @discardableResult public func saveRulesConfiguration(_ change: RulesConfigurationChange) throws -> Int64 {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO rules_configuration_changes (at, user_id, user_name, reason, old_yaml, new_yaml)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Timestamp.text(change.at), change.userID, change.userName, change.reason, change.oldYAML,
                    change.newYAML,
                ])
            return db.lastInsertedRowID
        }
    }
}
