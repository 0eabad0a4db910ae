import FundModel
import GRDB

extension SQLiteFundStore: ConsoleRepository {
    public func findingPage(_ query: FindingListQuery) throws -> (rows: [FindingListRow], total: Int) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        func add(_ sql: String, _ value: (any DatabaseValueConvertible)?) {
            conditions.append(sql)
            if let value { arguments.append(value) }
        }
        if let scope = query.scope.condition("f.region_code") { add(scope.sql, scope.argument) }
        if let rule = query.ruleID { add("f.rule_id = ?", rule) }
        if let severity = query.severity { add("f.severity = ?", severity.rawValue) }
        if let region = query.regionCode {
            if region.impliedLevel == .city {
                add("substr(f.region_code, 1, 4) = ?", String(region.raw.prefix(4)))
            } else {
                add("f.region_code = ?", region.raw)
            }
        }
        if let status = query.status { add("f.status = ?", status.rawValue) }
        if let still = query.stillRaised { add("f.still_raised = ?", still ? 1 : 0) }
        if let min = query.minAmount { add("f.amount >= ?", min.fen) }
        if let max = query.maxAmount { add("f.amount <= ?", max.fen) }
        if let from = query.firstSeenFrom { add("r.as_of >= ?", Int64(from.ordinal)) }
        if let to = query.firstSeenTo { add("r.as_of <= ?", Int64(to.ordinal)) }
        if let subject = query.subjectID { add("f.subject_id = ?", subject) }
        let dueSQL = Self.dueDateSQL(query.dueDays)
        if let day = query.overdueOn {
            add("f.status IN \(Self.openStatusesSQL) AND \(dueSQL) < ?", Int64(day.ordinal))
        }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let direction = query.descending ? "DESC" : "ASC"
        let severityRank = "CASE f.severity WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END"
        let order: String
        switch query.sort {
        case .severity:
            order = "\(severityRank) \(direction), f.amount DESC"
        case .amount: order = "f.amount \(direction)"
        case .rule: order = "f.rule_id \(direction), \(severityRank)"
        case .region: order = "f.region_code \(direction), \(severityRank)"
        case .status:
            order =
                "CASE f.status WHEN 'new' THEN 0 WHEN 'assigned' THEN 1 WHEN 'verifying' THEN 2 WHEN 'irregular' THEN 3 WHEN 'fraud' THEN 4 WHEN 'cleared' THEN 5 ELSE 6 END \(direction), \(severityRank)"
        case .firstSeen: order = "r.as_of \(direction), \(severityRank)"
        case .due: order = "\(dueSQL) \(direction), \(severityRank)"
        }
        let from = """
             FROM findings f JOIN screening_runs r ON r.id = f.first_run_id
             LEFT JOIN verification_cases v ON v.finding_id = f.finding_id
            """
        let columns = Self.findingColumns.split(separator: ",").map {
            "f." + $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        .joined(separator: ", ")
        let pageSQL =
            "SELECT \(columns), r.as_of AS first_seen, v.assignee_name\(from)\(whereSQL) ORDER BY \(order), f.finding_id LIMIT \(max(0, query.limit)) OFFSET \(max(0, query.offset))"
        let countSQL = "SELECT count(*)\(from)\(whereSQL)"
        let statementArguments = StatementArguments(arguments) ?? StatementArguments()
        return try pool.read { db in
            let rows = try Row.fetchAll(db, sql: pageSQL, arguments: statementArguments).map { row in
                FindingListRow(
                    stored: try Self.storedFinding(row),
                    firstSeen: Day(ordinal: Int32(truncatingIfNeeded: row["first_seen"] as Int64)),
                    assigneeName: row["assignee_name"])
            }
            let total = try Int.fetchOne(db, sql: countSQL, arguments: statementArguments) ?? 0
            return (rows, total)
        }
    }

    public func findingCounts(scope: RegionScope) throws -> FindingCounts {
        let condition = scope.condition("region_code")
        let whereSQL = condition.map { " WHERE " + $0.sql } ?? ""
        let arguments: StatementArguments = condition.map { [$0.argument] } ?? []
        let done = "sum(CASE WHEN status IN ('cleared', 'irregular', 'fraud', 'closed') THEN 1 ELSE 0 END)"
        let red = "sum(CASE WHEN severity = 'red' THEN 1 ELSE 0 END)"
        return try pool.read { db in
            var bySeverity: [Severity: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT severity, count(*) AS n FROM findings\(whereSQL) GROUP BY severity",
                arguments: arguments)
            {
                if let severity = Severity(rawValue: row["severity"]) { bySeverity[severity] = row["n"] }
            }
            var byStatus: [FindingStatus: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT status, count(*) AS n FROM findings\(whereSQL) GROUP BY status", arguments: arguments)
            {
                if let status = FindingStatus(rawValue: row["status"]) { byStatus[status] = row["n"] }
            }
            func lines(_ key: String) throws -> [FindingCounts.Line] {
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(key) AS k, count(*) AS n, \(red) AS red, sum(amount) AS amount, \(done) AS done
                        FROM findings\(whereSQL) GROUP BY \(key)
                        """, arguments: arguments
                ).map {
                    FindingCounts.Line(
                        key: $0["k"], count: $0["n"], red: $0["red"], amount: Money(fen: $0["amount"]),
                        done: $0["done"])
                }
            }
            return FindingCounts(
                bySeverity: bySeverity, byStatus: byStatus, byRule: try lines("rule_id"),
                byRegion: try lines("region_code"))
        }
    }

    /// A city's month is its own row plus its counties'. The whole province's month is the province's own rows
    /// (`XX0000`) when the ledger has any — its consolidated account, which already holds the cities — else the
    /// sum of the cities' rows: adding both would count every yuan twice. The rule I01–I03 and the year-end
    /// report read the ledger by.
    public func ledgerByMonth(scope: RegionScope) throws -> [LedgerMonth] {
        let condition = scope.condition("region_code")
        let whereSQL = condition.map { " WHERE " + $0.sql } ?? ""
        let arguments: StatementArguments = condition.map { [$0.argument] } ?? []
        return try pool.read { db in
            let province = "substr(region_code, 3, 4) = '0000'"
            var hasProvinceRows = false
            if condition == nil {
                hasProvinceRows =
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM fund_ledger WHERE \(province))") ?? false
            }
            let rows =
                condition != nil ? whereSQL : hasProvinceRows ? " WHERE \(province)" : " WHERE NOT (\(province))"
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT month, sum(revenue) AS revenue,
                        sum(benefit_expenditure + prevention_expenditure + assessment_expenditure + other_expenditure)
                            AS expenditure,
                        sum(balance) AS balance
                    FROM fund_ledger\(rows) GROUP BY month ORDER BY month
                    """, arguments: arguments
            ).map {
                LedgerMonth(
                    month: YearMonth(index: Int32(truncatingIfNeeded: $0["month"] as Int64)),
                    revenue: Money(fen: $0["revenue"]), expenditure: Money(fen: $0["expenditure"]),
                    balance: Money(fen: $0["balance"]))
            }
        }
    }

    public func records(in table: FundModel.Table, where column: String, equals value: String, limit: Int) throws
        -> [DisplayRecord]
    {
        let spec = TableSpec.spec(for: table)
        guard spec.columns.contains(where: { $0.name == column }) else { return [] }
        let names = spec.columns.map(\.name)
        let sql =
            "SELECT \(names.joined(separator: ", ")) FROM \(table.rawValue) WHERE \(column) = ? LIMIT \(max(0, limit))"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [value]).map { row in
                DisplayRecord(
                    table: table,
                    cells: spec.columns.enumerated().map { index, columnSpec in
                        DisplayRecord.Cell(
                            column: columnSpec.name, text: Self.displayText(row[index], kind: columnSpec.kind),
                            isPersonID: columnSpec.kind.isPersonID,
                            isPersonName: columnSpec.name == "name" && (table == .workers))
                    })
            }
        }
    }

    public func findings(subjectIDs: [String]) throws -> [StoredFinding] {
        guard !subjectIDs.isEmpty else { return [] }
        return try pool.read { db in
            var found: [StoredFinding] = []
            // SQLite limits the number of parameters of a statement: ask in chunks.
            for start in stride(from: 0, to: subjectIDs.count, by: 500) {
                let chunk = Array(subjectIDs[start..<min(start + 500, subjectIDs.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                found += try Row.fetchAll(
                    db, sql: "SELECT \(Self.findingColumns) FROM findings WHERE subject_id IN (\(marks))",
                    arguments: StatementArguments(chunk)
                ).map(Self.storedFinding)
            }
            return found.sorted { Finding.interchangeOrder($0.finding, $1.finding) }
        }
    }

    public func screeningRun(id: Int64) throws -> ScreeningRunRecord? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM screening_runs WHERE id = ?", arguments: [id])
            else { return nil }
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

    public func cases(workerID: PersonID) throws -> [InjuryCase] {
        try pool.read { db in
            try Self.fetchAll(
                InjuryCase.self, db, where: "worker_id = ?", workerID.raw, orderBy: "accident_date, case_id")
        }
    }

    public func assessments(workerID: PersonID) throws -> [Assessment] {
        try pool.read { db in
            try Self.fetchAll(
                Assessment.self, db, where: "worker_id = ?", workerID.raw, orderBy: "applied_date, assessment_id")
        }
    }

    /// A stored value as the interchange file writes it (days as `YYYY-MM-DD`, money in yuan).
    static func displayText(_ value: DatabaseValue, kind: ColumnKind) -> String {
        if value.isNull { return "" }
        switch kind {
        case .day:
            guard let n = Int64.fromDatabaseValue(value) else { return "" }
            return Day(ordinal: Int32(truncatingIfNeeded: n)).iso
        case .month:
            guard let n = Int64.fromDatabaseValue(value) else { return "" }
            return YearMonth(index: Int32(truncatingIfNeeded: n)).iso
        case .money:
            guard let n = Int64.fromDatabaseValue(value) else { return "" }
            return Money(fen: n).yuanString
        case .bool:
            guard let n = Int64.fromDatabaseValue(value) else { return "" }
            return n != 0 ? "是" : "否"
        case .decimal4:
            guard let n = Int64.fromDatabaseValue(value) else { return "" }
            return Decimal4(tenThousandths: n).description
        case .integer:
            return Int64.fromDatabaseValue(value).map(String.init) ?? ""
        default:
            return String.fromDatabaseValue(value) ?? ""
        }
    }
}

extension ColumnKind {
    var isPersonID: Bool {
        if case .personID = self { return true }
        return false
    }
}
