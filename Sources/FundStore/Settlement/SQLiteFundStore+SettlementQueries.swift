import FundModel
import GRDB

/// What the console, the reconciliation and the clearing read of the settlements (issue 13).
extension SQLiteFundStore {
    /// The lines of an institution that moved money on a day: settled that day (paid, refused or held),
    /// approved after review that day, or reversed that day. By settlement and line.
    public func settlementLines(institutionID: String, touchedOn day: Day) throws -> [StoredSettlementLine] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM settlement_lines WHERE institution_id = ?
                        AND (settled_day = ? OR review_day = ? OR reversed_day = ?)
                    ORDER BY settlement_id, line_no
                    """,
                arguments: [institutionID, day.ordinal, day.ordinal, day.ordinal]
            ).map(SettlementRows.line)
        }
    }

    /// Every line of an institution touched within the days (settled, reviewed or reversed), for the clearing.
    public func settlementLines(institutionID: String, touchedFrom first: Day, through last: Day) throws
        -> [StoredSettlementLine]
    {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM settlement_lines WHERE institution_id = ?
                        AND ((settled_day BETWEEN ? AND ?) OR (review_day BETWEEN ? AND ?)
                            OR (reversed_day BETWEEN ? AND ?))
                    ORDER BY settlement_id, line_no
                    """,
                arguments: [
                    institutionID, first.ordinal, last.ordinal, first.ordinal, last.ordinal, first.ordinal,
                    last.ordinal,
                ]
            ).map(SettlementRows.line)
        }
    }

    /// The held lines waiting for review in the scope, oldest first (at most `limit`).
    public func heldSettlementLines(scope: RegionScope, limit: Int = 500) throws -> [StoredSettlementLine] {
        try pool.read { db in
            var sql = "SELECT * FROM settlement_lines WHERE decision = 'held' AND review_state = 'pending'"
            var arguments: [any DatabaseValueConvertible] = []
            if let (condition, argument) = scope.condition("region_code") {
                sql += " AND " + condition
                arguments.append(argument)
            }
            sql += " ORDER BY settled_day, settlement_id, line_no LIMIT ?"
            arguments.append(limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(SettlementRows.line)
        }
    }

    /// One line, with its settlement.
    public func settlementLine(settlementID: String, lineNo: Int) throws -> StoredSettlementLine? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM settlement_lines WHERE settlement_id = ? AND line_no = ?",
                arguments: [settlementID, lineNo]
            ).map(SettlementRows.line)
        }
    }

    public func settlement(id: String) throws -> StoredSettlement? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM settlements WHERE settlement_id = ?", arguments: [id])
                .map(SettlementRows.settlement)
        }
    }

    /// A worker's refused and held lines, newest first (the worker's page).
    public func refusedOrHeldSettlementLines(person: PersonID, limit: Int = 200) throws -> [StoredSettlementLine] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM settlement_lines WHERE person_id = ? AND decision IN ('refused', 'held')
                    ORDER BY settled_day DESC, settlement_id DESC, line_no LIMIT ?
                    """,
                arguments: [person.raw, limit]
            ).map(SettlementRows.line)
        }
    }

    /// An institution's refused and held lines, newest first (the institution's page).
    public func refusedOrHeldSettlementLines(institutionID: String, limit: Int = 200) throws
        -> [StoredSettlementLine]
    {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM settlement_lines WHERE institution_id = ? AND decision IN ('refused', 'held')
                    ORDER BY settled_day DESC, settlement_id DESC, line_no LIMIT ?
                    """,
                arguments: [institutionID, limit]
            ).map(SettlementRows.line)
        }
    }

    /// The day's settlements and line decisions in the scope (the dashboard's live count).
    public func settlementCounts(on day: Day, scope: RegionScope) throws -> SettlementDayCounts {
        try pool.read { db in
            var condition = ""
            var arguments: [any DatabaseValueConvertible] = [day.ordinal]
            if let (sql, argument) = scope.condition("region_code") {
                condition = " AND " + sql
                arguments.append(argument)
            }
            let lines = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT settlement_id), sum(decision = 'paid'), sum(decision = 'refused'),
                        sum(decision = 'held'), sum(CASE WHEN decision = 'paid' THEN amount ELSE 0 END)
                    FROM settlement_lines WHERE settled_day = ?\(condition)
                    """,
                arguments: StatementArguments(arguments))
            guard let lines else { return SettlementDayCounts() }
            return SettlementDayCounts(
                settlements: lines[0] ?? 0, paidLines: lines[1] ?? 0, refusedLines: lines[2] ?? 0,
                heldLines: lines[3] ?? 0, paidAmount: Money(fen: lines[4] ?? 0))
        }
    }
}
