import FundModel
import GRDB

extension SQLiteFundStore {
    /// Writes a run's indicator readings (called inside `saveScreeningRun`'s transaction).
    ///
    /// A repeated key (the same indicator, region and period twice in one run) keeps the last one, so that a
    /// malformed report never makes the whole run fail after its findings were merged.
    static func insertIndicatorReadings(_ readings: [IndicatorReading], runID: Int64, _ db: Database) throws {
        guard !readings.isEmpty else { return }
        let insert = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO indicator_history (run_id, indicator_id, region_code, period_kind, period_end,
                    value, province_value, level, comparison, threshold_red, threshold_orange, threshold_yellow)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for r in readings {
            try insert.execute(arguments: [
                runID, r.indicatorID, r.regionCode.raw, r.periodKind.rawValue, Int64(r.periodEnd.index),
                r.value?.tenThousandths, r.provinceValue?.tenThousandths, r.level?.rawValue, r.comparison.rawValue,
                r.thresholds[.red]?.tenThousandths, r.thresholds[.orange]?.tenThousandths,
                r.thresholds[.yellow]?.tenThousandths,
            ])
        }
    }

    /// The stored readings matching the query, and how many match in all (for paging), ordered by indicator,
    /// period kind, region (the province last), period end and run.
    public func indicatorReadings(_ query: IndicatorHistoryQuery) throws -> (
        rows: [StoredIndicatorReading], total: Int
    ) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        switch query.scope {
        case .all: break
        case .city(let city):
            conditions.append("(substr(h.region_code, 1, 4) = ? OR h.region_code = ?)")
            arguments += [String(city.raw.prefix(4)), city.province.raw]
        }
        if let id = query.indicatorID {
            conditions.append("h.indicator_id = ?")
            arguments.append(id)
        }
        if let region = query.regionCode {
            conditions.append("h.region_code = ?")
            arguments.append(region.raw)
        }
        if let kind = query.periodKind {
            conditions.append("h.period_kind = ?")
            arguments.append(kind.rawValue)
        }
        if let from = query.from {
            conditions.append("h.period_end >= ?")
            arguments.append(Int64(from.index))
        }
        if let to = query.to {
            conditions.append("h.period_end <= ?")
            arguments.append(Int64(to.index))
        }
        switch query.runs {
        case .all: break
        case .latest: conditions.append("h.run_id = (SELECT max(run_id) FROM indicator_history)")
        case .run(let id):
            conditions.append("h.run_id = ?")
            arguments.append(id)
        case .newestPerPeriod:
            conditions.append(
                """
                h.run_id = (SELECT max(n.run_id) FROM indicator_history n WHERE n.indicator_id = h.indicator_id
                    AND n.period_kind = h.period_kind AND n.region_code = h.region_code
                    AND n.period_end = h.period_end)
                """)
        }
        let whereSQL = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let from = " FROM indicator_history h JOIN screening_runs r ON r.id = h.run_id"
        let order = """
             ORDER BY h.indicator_id, h.period_kind, CASE WHEN substr(h.region_code, 3) = '0000' THEN 1 ELSE 0 END,
                h.region_code, h.period_end, h.run_id
            """
        let pageSQL =
            "SELECT h.*, r.as_of\(from)\(whereSQL)\(order) LIMIT \(max(0, query.limit)) OFFSET \(max(0, query.offset))"
        let countSQL = "SELECT count(*)\(from)\(whereSQL)"
        let statementArguments = StatementArguments(arguments) ?? StatementArguments()
        return try pool.read { db in
            let rows = try Row.fetchAll(db, sql: pageSQL, arguments: statementArguments).map(Self.storedReading)
            let total = try Int.fetchOne(db, sql: countSQL, arguments: statementArguments) ?? 0
            return (rows, total)
        }
    }

    static func storedReading(_ row: Row) throws -> StoredIndicatorReading {
        func decimal(_ column: String) -> Decimal4? {
            (row[column] as Int64?).map { Decimal4(tenThousandths: $0) }
        }
        let regionText: String = row["region_code"]
        guard let region = RegionCode(regionText) else {
            throw StoreError(table: "indicator_history", column: "region_code", value: regionText)
        }
        let kindText: String = row["period_kind"]
        guard let kind = IndicatorReading.PeriodKind(rawValue: kindText) else {
            throw StoreError(table: "indicator_history", column: "period_kind", value: kindText)
        }
        let comparisonText: String = row["comparison"]
        guard let comparison = IndicatorReading.Comparison(rawValue: comparisonText) else {
            throw StoreError(table: "indicator_history", column: "comparison", value: comparisonText)
        }
        let levelText: String? = row["level"]
        var level: Severity?
        if let levelText {
            guard let parsed = Severity(rawValue: levelText) else {
                throw StoreError(table: "indicator_history", column: "level", value: levelText)
            }
            level = parsed
        }
        var thresholds: [Severity: Decimal4] = [:]
        for severity in Severity.allCases {
            if let figure = decimal("threshold_\(severity.rawValue)") { thresholds[severity] = figure }
        }
        let reading = IndicatorReading(
            indicatorID: row["indicator_id"], regionCode: region, periodKind: kind,
            periodEnd: YearMonth(index: Int32(truncatingIfNeeded: row["period_end"] as Int64)),
            value: decimal("value"), provinceValue: decimal("province_value"), level: level, comparison: comparison,
            thresholds: thresholds)
        return StoredIndicatorReading(
            runID: row["run_id"], asOf: Day(ordinal: Int32(truncatingIfNeeded: row["as_of"] as Int64)),
            reading: reading)
    }
}

extension SQLiteFundStore {
    /// The runs that stored indicator figures, newest first, with their screening dates (at most `limit`).
    public func indicatorRuns(limit: Int) throws -> [(runID: Int64, asOf: Day)] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.as_of FROM screening_runs r
                    WHERE EXISTS (SELECT 1 FROM indicator_history h WHERE h.run_id = r.id)
                    ORDER BY r.id DESC LIMIT ?
                    """, arguments: [max(0, limit)]
            ).map { ($0["id"], Day(ordinal: Int32(truncatingIfNeeded: $0["as_of"] as Int64))) }
        }
    }
}
