import Foundation
import FundModel
import GRDB

/// The API credentials of contracted institutions (issue 13): issued, rotated and revoked by the province,
/// kept as SHA-256 hashes.
extension SQLiteFundStore {
    /// Adds a credential for the institution. With `revokingOthers` (a rotation) every credential of the
    /// institution still in force is revoked in the same transaction, so there is never a moment with
    /// none or with both.
    public func issueInstitutionCredential(
        institutionID: String, label: String, keyHash: String, prefix: String, by user: String, at: Date,
        revokingOthers: Bool
    ) throws -> InstitutionCredential {
        try pool.write { db in
            if revokingOthers {
                try db.execute(
                    sql: """
                        UPDATE institution_credentials SET revoked_at = ?, revoked_by = ?
                        WHERE institution_id = ? AND revoked_at IS NULL
                        """,
                    arguments: [Timestamp.text(at), user, institutionID])
            }
            try db.execute(
                sql: """
                    INSERT INTO institution_credentials (institution_id, key_hash, prefix, label, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [institutionID, keyHash, prefix, label, Timestamp.text(at), user])
            return InstitutionCredential(
                id: db.lastInsertedRowID, institutionID: institutionID, prefix: prefix, label: label, createdAt: at,
                createdBy: user, revokedAt: nil, revokedBy: nil)
        }
    }

    /// The credential with this key hash, revoked or not.
    public func institutionCredential(keyHash: String) throws -> InstitutionCredential? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM institution_credentials WHERE key_hash = ?", arguments: [keyHash]
            ).map(Self.credential)
        }
    }

    /// An institution's credentials, newest first.
    public func institutionCredentials(institutionID: String) throws -> [InstitutionCredential] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM institution_credentials WHERE institution_id = ? ORDER BY id DESC",
                arguments: [institutionID]
            ).map(Self.credential)
        }
    }

    /// Revokes one credential of the institution; `false` when it has no such credential in force.
    @discardableResult
    public func revokeInstitutionCredential(id: Int64, institutionID: String, by user: String, at: Date) throws
        -> Bool
    {
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE institution_credentials SET revoked_at = ?, revoked_by = ?
                    WHERE id = ? AND institution_id = ? AND revoked_at IS NULL
                    """,
                arguments: [Timestamp.text(at), user, id, institutionID])
            return db.changesCount > 0
        }
    }

    /// Whether the institution has an agreement that is `active` and covers the day (any service): the
    /// condition for its credentials to be accepted at all.
    public func hasActiveAgreement(institutionID: String, on day: Day) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM agreements WHERE institution_id = ? AND status = 'active'
                        AND start_date <= ? AND end_date >= ?)
                    """,
                arguments: [institutionID, day.ordinal, day.ordinal]) ?? false
        }
    }

    /// The institution's record (institutions.csv or the register), if any.
    public func institution(id: String) throws -> Institution? {
        try pool.read { db in try SettlementFacts.fetch(Institution.self, db, "institution_id = ?", [id]).first }
    }

    static func credential(_ row: Row) -> InstitutionCredential {
        let revokedAt: String? = row["revoked_at"]
        return InstitutionCredential(
            id: row["id"], institutionID: row["institution_id"], prefix: row["prefix"], label: row["label"],
            createdAt: Timestamp.date(row["created_at"]), createdBy: row["created_by"],
            revokedAt: revokedAt.map(Timestamp.date), revokedBy: row["revoked_by"])
    }
}
