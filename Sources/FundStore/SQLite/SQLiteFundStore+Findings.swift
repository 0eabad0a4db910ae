import Foundation
import FundModel
import GRDB

extension SQLiteFundStore {
    public func saveScreeningRun(_ run: ScreeningRun, findings: [Finding], rulesRun: Set<String>) throws
        -> ScreeningRunSummary
    {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO screening_runs (started_at, as_of, configuration, findings_raised, findings_new,
                        findings_raised_again, findings_no_longer_raised)
                    VALUES (?, ?, ?, 0, 0, 0, 0)
                    """,
                arguments: [Timestamp.text(run.startedAt), Int64(run.asOf.ordinal), run.configuration])
            let runID = db.lastInsertedRowID
            for rule in rulesRun.sorted() {
                try db.execute(
                    sql: "INSERT INTO screening_run_rules (run_id, rule_id, ran, reason) VALUES (?, ?, 1, NULL)",
                    arguments: [runID, rule])
            }
            for notRun in run.rulesNotRun where !rulesRun.contains(notRun.ruleID) {
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO screening_run_rules (run_id, rule_id, ran, reason) VALUES (?, ?, 0, ?)",
                    arguments: [runID, notRun.ruleID, notRun.reason])
            }

            // Upsert: a finding raised again keeps its id, first run and status.
            let exists = try db.makeStatement(sql: "SELECT 1 FROM findings WHERE finding_id = ?")
            let upsert = try db.makeStatement(
                sql: """
                    INSERT INTO findings (finding_id, rule_id, severity, region_code, subject_type, subject_id, amount,
                        detail, evidence, first_run_id, last_run_id, still_raised, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'new')
                    ON CONFLICT (finding_id) DO UPDATE SET
                        rule_id = excluded.rule_id, severity = excluded.severity, region_code = excluded.region_code,
                        subject_type = excluded.subject_type, subject_id = excluded.subject_id,
                        amount = excluded.amount, detail = excluded.detail, evidence = excluded.evidence,
                        last_run_id = excluded.last_run_id, still_raised = 1
                    """)
            var seen = Set<String>()
            var new = 0
            var again = 0
            for finding in findings where seen.insert(finding.findingID).inserted {
                if try Bool.fetchOne(exists, arguments: [finding.findingID]) == true { again += 1 } else { new += 1 }
                try upsert.execute(arguments: [
                    finding.findingID, finding.ruleID, finding.severity.rawValue, finding.regionCode.raw,
                    finding.subjectType.rawValue, finding.subjectID, finding.amount.fen, finding.detail,
                    finding.evidence.joined(separator: ";"), runID, runID,
                ])
            }

            // Findings of the rules that ran, not raised this time: kept, marked no longer raised.
            try db.execute(
                sql: """
                    UPDATE findings SET still_raised = 0
                    WHERE still_raised = 1 AND last_run_id <> ?
                      AND rule_id IN (SELECT rule_id FROM screening_run_rules WHERE run_id = ? AND ran = 1)
                    """,
                arguments: [runID, runID])
            let noLonger = db.changesCount

            // The indicators' figures, in the same transaction: a run is stored whole or not at all.
            try Self.insertIndicatorReadings(run.indicatorReadings, runID: runID, db)

            let summary = ScreeningRunSummary(
                runID: runID, raised: seen.count, new: new, raisedAgain: again, noLongerRaised: noLonger)
            try db.execute(
                sql: """
                    UPDATE screening_runs SET findings_raised = ?, findings_new = ?, findings_raised_again = ?,
                        findings_no_longer_raised = ? WHERE id = ?
                    """,
                arguments: [summary.raised, summary.new, summary.raisedAgain, summary.noLongerRaised, runID])
            return summary
        }
    }

    public func findings(_ query: FindingQuery) throws -> [StoredFinding] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let ruleID = query.ruleID {
            conditions.append("rule_id = ?")
            arguments.append(ruleID)
        }
        if let region = query.regionCode {
            conditions.append("region_code = ?")
            arguments.append(region.raw)
        }
        if let severity = query.severity {
            conditions.append("severity = ?")
            arguments.append(severity.rawValue)
        }
        if let status = query.status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let stillRaised = query.stillRaised {
            conditions.append("still_raised = ?")
            arguments.append(stillRaised ? 1 : 0)
        }
        if let subjectType = query.subjectType {
            conditions.append("subject_type = ?")
            arguments.append(subjectType.rawValue)
        }
        if let subjectID = query.subjectID {
            conditions.append("subject_id = ?")
            arguments.append(subjectID)
        }
        var sql = "SELECT \(Self.findingColumns) FROM findings"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += """
             ORDER BY CASE severity WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, amount DESC, finding_id
            """
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        let finalSQL = sql
        let finalArguments = StatementArguments(arguments) ?? StatementArguments()
        return try pool.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments).map(Self.storedFinding)
        }
    }

    public func finding(id: String) throws -> StoredFinding? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.findingColumns) FROM findings WHERE finding_id = ?", arguments: [id]
            )
            .map(Self.storedFinding)
        }
    }

    public func screeningRuns(limit: Int) throws -> [ScreeningRunRecord] {
        try pool.read { db in
            let runs = try Row.fetchAll(
                db, sql: "SELECT * FROM screening_runs ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
            return try runs.map { row in
                let id: Int64 = row["id"]
                let rules = try Row.fetchAll(
                    db, sql: "SELECT rule_id, ran, reason FROM screening_run_rules WHERE run_id = ? ORDER BY rule_id",
                    arguments: [id])
                return ScreeningRunRecord(
                    id: id, startedAt: Timestamp.date(row["started_at"]),
                    asOf: Day(ordinal: Int32(truncatingIfNeeded: row["as_of"] as Int64)),
                    configuration: row["configuration"],
                    rulesRun: rules.filter { $0["ran"] as Bool }.map { $0["rule_id"] },
                    rulesNotRun: rules.filter { !($0["ran"] as Bool) }.map {
                        RuleNotRun(ruleID: $0["rule_id"], reason: $0["reason"] ?? "")
                    },
                    summary: ScreeningRunSummary(
                        runID: id, raised: row["findings_raised"], new: row["findings_new"],
                        raisedAgain: row["findings_raised_again"], noLongerRaised: row["findings_no_longer_raised"]))
            }
        }
    }

    static let findingColumns = """
        finding_id, rule_id, severity, region_code, subject_type, subject_id, amount, detail, evidence, \
        first_run_id, last_run_id, still_raised, status
        """

    static func storedFinding(_ row: Row) throws -> StoredFinding {
        func code<Value: CodedValue>(_ column: String) throws -> Value {
            let raw: String = row[column]
            guard let value = Value(rawValue: raw) else {
                throw StoreError(table: "findings", column: column, value: raw)
            }
            return value
        }
        let regionText: String = row["region_code"]
        guard let region = RegionCode(regionText) else {
            throw StoreError(table: "findings", column: "region_code", value: regionText)
        }
        let evidence: String = row["evidence"]
        let finding = Finding(
            ruleID: row["rule_id"], severity: try code("severity"), regionCode: region,
            subjectType: try code("subject_type"), subjectID: row["subject_id"], amount: Money(fen: row["amount"]),
            detail: row["detail"], evidence: evidence.split(separator: ";").map(String.init),
            findingID: row["finding_id"])
        return StoredFinding(
            finding: finding, firstRunID: row["first_run_id"], lastRunID: row["last_run_id"],
            stillRaised: row["still_raised"], status: try code("status"))
    }
}
