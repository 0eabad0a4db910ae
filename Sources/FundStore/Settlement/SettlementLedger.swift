import Foundation
import FundColumns
import FundModel
import GRDB

/// The settlement tables inside one SQLite transaction (issue 13).
///
/// The Settlement module decides; this handle reads and writes. A settlement is checked and written in
/// the same write transaction (`SQLiteFundStore.settlementWrite`): SQLite has one writer at a time, so
/// two settlements of one invoice are decided one after the other, the second seeing the first's payment
/// (R08 refuses it), and the request id's stored answer is found by a retry however close behind it comes.
/// Everything written in the transaction (lines, payments, the answer, the audit line) commits together
/// or not at all.
public struct SettlementLedger {
    let db: Database
    public let reference: SettlementReferenceData

    // MARK: Idempotency

    /// The answer already given to this request id of the institution.
    public func answer(institutionID: String, requestID: String) throws -> StoredAnswer? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT operation, body_hash, status, response FROM settlement_requests
                WHERE institution_id = ? AND request_id = ?
                """,
            arguments: [institutionID, requestID]
        ).map { StoredAnswer(operation: $0[0], bodyHash: $0[1], status: $0[2], response: $0[3]) }
    }

    public func record(_ answer: StoredAnswer, institutionID: String, requestID: String, at: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO settlement_requests (institution_id, request_id, operation, body_hash, status, response,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                institutionID, requestID, answer.operation, answer.bodyHash, answer.status, answer.response,
                Timestamp.text(at),
            ])
    }

    // MARK: Reading

    /// The rows one worker's bill is checked against (`SettlementFacts`).
    public func facts(person: PersonID, institutionID: String, invoices: [String]) throws -> DataSet {
        try SettlementFacts.load(
            db, person: person, institutionID: institutionID, invoices: invoices, reference: reference)
    }

    public func card(number: String) throws -> SocialSecurityCard? {
        try SQLiteFundStore.cards(db, where: "card_no = ?", number).first
    }

    public func cards(ecardToken: String) throws -> [SocialSecurityCard] {
        try SQLiteFundStore.cards(db, where: "ecard_token = ?", ecardToken)
    }

    public func settlement(id: String) throws -> StoredSettlement? {
        try Row.fetchOne(db, sql: "SELECT * FROM settlements WHERE settlement_id = ?", arguments: [id])
            .map(SettlementRows.settlement)
    }

    public func lines(settlementID: String) throws -> [StoredSettlementLine] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM settlement_lines WHERE settlement_id = ? ORDER BY line_no",
            arguments: [settlementID]
        ).map(SettlementRows.line)
    }

    /// A new settlement id: `DS`, the day, a sequence number (unique: chosen inside the write transaction).
    public func nextSettlementID(on day: Day) throws -> String {
        let next = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(rowid), 0) + 1 FROM settlements") ?? 1)
        let digits = day.iso.replacingOccurrences(of: "-", with: "")
        let sequence = String(next)
        return "DS" + digits + String(repeating: "0", count: max(0, 8 - sequence.count)) + sequence
    }

    // MARK: Writing

    public func insert(_ s: StoredSettlement) throws {
        try db.execute(
            sql: """
                INSERT INTO settlements (settlement_id, institution_id, request_id, person_id, card_no, case_id,
                    region_code, settled_day, created_at, admission_date, discharge_date, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                s.settlementID, s.institutionID, s.requestID, s.personID, s.cardNo, s.caseID, s.regionCode,
                s.settledDay.ordinal, Timestamp.text(s.createdAt), s.admissionDate?.ordinal, s.dischargeDate?.ordinal,
                s.state,
            ])
    }

    public func insert(_ l: StoredSettlementLine) throws {
        try db.execute(
            sql: """
                INSERT INTO settlement_lines (settlement_id, line_no, institution_id, person_id, region_code,
                    settled_day, item_code, amount, service_start, service_end, invoice_no, decision, rule_id, reason,
                    payment_id, paid, review_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                l.settlementID, l.lineNo, l.institutionID, l.personID, l.regionCode, l.settledDay.ordinal,
                l.itemCode, l.amount.fen, l.serviceStart.ordinal, l.serviceEnd?.ordinal, l.invoiceNo, l.decision,
                l.ruleID, l.reason, l.paymentID, l.paid ? 1 : 0, l.reviewState,
            ])
    }

    /// A payment of the direct channel, in `payments`, where batch screening reads it.
    public func insert(_ p: Payment) throws {
        try db.execute(
            sql: """
                INSERT INTO payments (payment_id, case_id, worker_id, item_code, amount, paid_date, period_start,
                    period_end, institution_id, invoice_no, channel, payee_account, dependent_id, region_code, advance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                p.paymentID, p.caseID, p.workerID.raw, p.itemCode, p.amount.fen, p.paidDate.ordinal,
                p.periodStart?.ordinal, p.periodEnd?.ordinal, p.institutionID, p.invoiceNo, p.channel?.rawValue,
                p.payeeAccount, p.dependentID?.raw, p.regionCode.raw, p.advance ? 1 : 0,
            ])
    }

    public func markReversed(settlementID: String, day: Day, requestID: String) throws {
        try db.execute(
            sql: """
                UPDATE settlements SET state = 'reversed', reversed_day = ?, reversal_request_id = ?
                WHERE settlement_id = ?
                """,
            arguments: [day.ordinal, requestID, settlementID])
    }

    /// The line's payment is cancelled by `reversalPaymentID` (or, for a held line, its review is cancelled).
    public func markLineReversed(settlementID: String, lineNo: Int, reversalPaymentID: String?, day: Day) throws {
        try db.execute(
            sql: """
                UPDATE settlement_lines SET paid = 0, reversal_payment_id = ?, reversed_day = ?,
                    review_state = CASE WHEN review_state = 'pending' THEN 'cancelled' ELSE review_state END
                WHERE settlement_id = ? AND line_no = ?
                """,
            arguments: [reversalPaymentID, day.ordinal, settlementID, lineNo])
    }

    /// The review of a held line: approved (with its payment) or refused.
    public func markReviewed(
        settlementID: String, lineNo: Int, approved: Bool, paymentID: String?, by user: String, day: Day,
        note: String
    ) throws {
        try db.execute(
            sql: """
                UPDATE settlement_lines SET review_state = ?, reviewed_by = ?, review_day = ?, review_note = ?,
                    payment_id = ?, paid = ?
                WHERE settlement_id = ? AND line_no = ? AND review_state = 'pending'
                """,
            arguments: [
                approved ? "approved" : "refused", user, day.ordinal, note, paymentID, approved ? 1 : 0,
                settlementID, lineNo,
            ])
    }

    /// The audit line of the call, committed with what it records.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> Int64 {
        try SQLiteFundStore.appendAudit(entry, db)
    }
}

extension SQLiteFundStore {
    /// Runs `body` in one write transaction (rolled back if it throws).
    public func settlementWrite<T>(reference: SettlementReferenceData, _ body: (SettlementLedger) throws -> T)
        throws -> T
    {
        try pool.write { db in try body(SettlementLedger(db: db, reference: reference)) }
    }

    /// Runs `body` in one read transaction (a consistent view; never blocks the writer).
    public func settlementRead<T>(reference: SettlementReferenceData, _ body: (SettlementLedger) throws -> T)
        throws -> T
    {
        try pool.read { db in try body(SettlementLedger(db: db, reference: reference)) }
    }
}

/// Stored rows → records.
enum SettlementRows {
    static func settlement(_ row: Row) -> StoredSettlement {
        let admission: Int32? = row["admission_date"]
        let discharge: Int32? = row["discharge_date"]
        let reversed: Int32? = row["reversed_day"]
        return StoredSettlement(
            settlementID: row["settlement_id"], institutionID: row["institution_id"], requestID: row["request_id"],
            personID: row["person_id"], cardNo: row["card_no"], caseID: row["case_id"],
            regionCode: row["region_code"], settledDay: Day(ordinal: row["settled_day"]),
            createdAt: Timestamp.date(row["created_at"]), admissionDate: admission.map { Day(ordinal: $0) },
            dischargeDate: discharge.map { Day(ordinal: $0) }, state: row["state"],
            reversedDay: reversed.map { Day(ordinal: $0) }, reversalRequestID: row["reversal_request_id"])
    }

    static func line(_ row: Row) -> StoredSettlementLine {
        let end: Int32? = row["service_end"]
        let reviewDay: Int32? = row["review_day"]
        let reversedDay: Int32? = row["reversed_day"]
        return StoredSettlementLine(
            settlementID: row["settlement_id"], lineNo: row["line_no"], institutionID: row["institution_id"],
            personID: row["person_id"], regionCode: row["region_code"], settledDay: Day(ordinal: row["settled_day"]),
            itemCode: row["item_code"], amount: Money(fen: row["amount"]),
            serviceStart: Day(ordinal: row["service_start"]), serviceEnd: end.map { Day(ordinal: $0) },
            invoiceNo: row["invoice_no"], decision: row["decision"], ruleID: row["rule_id"], reason: row["reason"],
            paymentID: row["payment_id"], paid: (row["paid"] as Int64) != 0, reviewState: row["review_state"],
            reviewedBy: row["reviewed_by"], reviewDay: reviewDay.map { Day(ordinal: $0) },
            reviewNote: row["review_note"], reversalPaymentID: row["reversal_payment_id"],
            reversedDay: reversedDay.map { Day(ordinal: $0) })
    }
}
