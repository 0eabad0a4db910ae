import FundModel
import GRDB

extension SQLiteFundStore {
    /// The statuses of a verification still open: the ones a due date applies to.
    static let openStatusesSQL = "('new', 'assigned', 'verifying')"

    /// The due date of `findings f` joined to its first run `r`, as a day ordinal: the first run's screening
    /// date plus the level's days (whole numbers from a validated configuration, written into the SQL).
    static func dueDateSQL(_ days: FindingDueDays) -> String {
        "(r.as_of + CASE f.severity WHEN 'red' THEN \(days.red) WHEN 'orange' THEN \(days.orange) ELSE \(days.yellow) END)"
    }

    /// Per city, the findings whose verification is open and overdue on `day`, and those open at all: what the
    /// dashboard counts and an evaluation of the cities reads (issue 14 #7). Findings of the province's own
    /// code count under the province.
    public func findingDeadlineCounts(dueDays: FindingDueDays, on day: Day, scope: RegionScope = .all) throws
        -> [RegionCode: (open: Int, overdue: Int)]
    {
        var sql = """
            SELECT CASE WHEN substr(f.region_code, 3) = '0000' THEN f.region_code
                        ELSE substr(f.region_code, 1, 4) || '00' END AS city,
                   count(*) AS open,
                   sum(CASE WHEN \(Self.dueDateSQL(dueDays)) < ? THEN 1 ELSE 0 END) AS overdue
            FROM findings f JOIN screening_runs r ON r.id = f.first_run_id
            WHERE f.status IN \(Self.openStatusesSQL)
            """
        var arguments: [any DatabaseValueConvertible] = [Int64(day.ordinal)]
        if let condition = scope.condition("f.region_code") {
            sql += " AND " + condition.sql
            arguments.append(condition.argument)
        }
        sql += " GROUP BY city"
        let finalSQL = sql
        let finalArguments = StatementArguments(arguments) ?? StatementArguments()
        return try pool.read { db in
            var counts: [RegionCode: (open: Int, overdue: Int)] = [:]
            for row in try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments) {
                guard let city = RegionCode(row["city"] as String) else { continue }
                counts[city] = (row["open"], row["overdue"])
            }
            return counts
        }
    }
}

/// A finding as the evaluation judges its verification's timeliness: where, how severe, when first found, and
/// the day its verification concluded (as of the day asked), if it had.
public struct FindingTimelinessRow: Sendable, Hashable {
    public var regionCode: RegionCode
    public var severity: Severity
    public var firstSeen: Day
    public var concluded: Day?

    public init(regionCode: RegionCode, severity: Severity, firstSeen: Day, concluded: Day?) {
        self.regionCode = regionCode
        self.severity = severity
        self.firstSeen = firstSeen
        self.concluded = concluded
    }
}

extension SQLiteFundStore {
    /// Every finding first found on or before `asOf`, with the China day of its verification's first conclusion
    /// (clear, irregular, fraud) if that day is not after `asOf`: the register as it stood that day.
    public func findingTimelinessRows(asOf: Day) throws -> [FindingTimelinessRow] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.region_code, f.severity, r.as_of,
                        (SELECT min(s.at) FROM verification_steps s WHERE s.finding_id = f.finding_id
                            AND s.action IN ('clear', 'irregular', 'fraud')) AS concluded_at
                    FROM findings f JOIN screening_runs r ON r.id = f.first_run_id
                    WHERE r.as_of <= ?
                    """, arguments: [Int64(asOf.ordinal)]
            ).map { row in
                let regionText: String = row["region_code"]
                let severityText: String = row["severity"]
                guard let region = RegionCode(regionText), let severity = Severity(rawValue: severityText) else {
                    throw StoreError(table: "findings", column: "region_code/severity", value: regionText)
                }
                let concluded = (row["concluded_at"] as String?).map { Day.inChina(Timestamp.date($0)) }
                return FindingTimelinessRow(
                    regionCode: region, severity: severity,
                    firstSeen: Day(ordinal: Int32(truncatingIfNeeded: row["as_of"] as Int64)),
                    concluded: concluded.flatMap { $0 <= asOf ? $0 : nil })
            }
        }
    }
}
