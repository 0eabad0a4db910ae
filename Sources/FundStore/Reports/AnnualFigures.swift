import FundModel
import GRDB

/// The year's figures that the year-end report (年终情况报告) reads from the store as sums, not rows: the
/// payments of a province are millions of rows, the report needs a few hundred sums.
///
/// Every sum names what it was taken over (`AnnualFigures.sources`), so that each figure of the report can be
/// traced to its rows.
public protocol AnnualFiguresRepository: Sendable {
    /// The payments made in `year` (by `paid_date`, China days), summed by city, item and channel; reversals
    /// (negative amounts) are included, so the sums are net.
    func paymentSums(year: Int) throws -> [PaymentSum]
    /// The findings first raised by a run dated in `year`, summed by city, rule and level, with their
    /// verification as it stands now.
    func findingSums(year: Int) throws -> [FindingSum]
    /// The money recovered by verification steps dated in `year` (China days), by city.
    func recoveries(year: Int) throws -> [RegionCode: Money]
    /// The screening runs dated in `year`.
    func screeningRunCount(year: Int) throws -> Int
}

/// One sum of payments: a city (`XXXX00`; a province-level payment keeps the province's code), an item, a channel.
public struct PaymentSum: Sendable, Hashable {
    public var city: RegionCode
    public var itemCode: String
    /// `direct`, `reimbursement`, `bank`, or `nil` when the file left it empty.
    public var channel: String?
    public var count: Int
    public var amount: Money

    public init(city: RegionCode, itemCode: String, channel: String?, count: Int, amount: Money) {
        self.city = city
        self.itemCode = itemCode
        self.channel = channel
        self.count = count
        self.amount = amount
    }
}

/// One sum of findings: a city, a rule, a level, with where their verification stands.
public struct FindingSum: Sendable, Hashable {
    public var city: RegionCode
    public var ruleID: String
    public var severity: Severity
    public var count: Int
    public var amountAtRisk: Money
    /// Concluded as 核查正常.
    public var cleared: Int
    /// Concluded as 违规.
    public var irregular: Int
    /// Concluded as 欺诈骗保 (referred to public security; 条例 60's fine of 2–5 times).
    public var fraud: Int
    /// The amounts confirmed by the irregular and fraud conclusions.
    public var confirmed: Money
    /// The amounts confirmed by the fraud conclusions alone.
    public var confirmedFraud: Money
    /// The fines recorded with the fraud conclusions (条例 60: 2 to 5 times the amount).
    public var fines: Money

    public init(
        city: RegionCode, ruleID: String, severity: Severity, count: Int, amountAtRisk: Money, cleared: Int = 0,
        irregular: Int = 0, fraud: Int = 0, confirmed: Money = .zero, confirmedFraud: Money = .zero,
        fines: Money = .zero
    ) {
        self.city = city
        self.ruleID = ruleID
        self.severity = severity
        self.count = count
        self.amountAtRisk = amountAtRisk
        self.cleared = cleared
        self.irregular = irregular
        self.fraud = fraud
        self.confirmed = confirmed
        self.confirmedFraud = confirmedFraud
        self.fines = fines
    }
}

extension SQLiteFundStore: AnnualFiguresRepository {
    /// The first and last day ordinals of a year.
    static func bounds(_ year: Int) -> (Int64, Int64)? {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
            return nil
        }
        return (Int64(first.ordinal), Int64(last.ordinal))
    }

    public func paymentSums(year: Int) throws -> [PaymentSum] {
        guard let (first, last) = Self.bounds(year) else { return [] }
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN substr(region_code, 3, 4) = '0000' THEN region_code
                                ELSE substr(region_code, 1, 4) || '00' END AS city,
                        item_code, channel, count(*) AS n, sum(amount) AS amount
                    FROM payments WHERE paid_date BETWEEN ? AND ?
                    GROUP BY city, item_code, channel ORDER BY city, item_code, channel
                    """, arguments: [first, last]
            ).map { row in
                let cityText: String = row["city"]
                guard let city = RegionCode(cityText) else {
                    throw StoreError(table: "payments", column: "region_code", value: cityText)
                }
                return PaymentSum(
                    city: city, itemCode: row["item_code"], channel: row["channel"], count: row["n"],
                    amount: Money(fen: row["amount"]))
            }
        }
    }

    public func findingSums(year: Int) throws -> [FindingSum] {
        guard let (first, last) = Self.bounds(year) else { return [] }
        return try pool.read { db in
            // A finding's conclusion is its first clear / irregular / fraud step (as I08 and I09 read it).
            try Row.fetchAll(
                db,
                sql: """
                    WITH concluded AS (
                        SELECT s.finding_id, s.action, s.amount, s.fine FROM verification_steps s
                        WHERE s.id = (SELECT min(t.id) FROM verification_steps t
                                      WHERE t.finding_id = s.finding_id AND t.action IN ('clear', 'irregular', 'fraud')))
                    SELECT CASE WHEN substr(f.region_code, 3, 4) = '0000' THEN f.region_code
                                ELSE substr(f.region_code, 1, 4) || '00' END AS city,
                        f.rule_id, f.severity, count(*) AS n, sum(f.amount) AS at_risk,
                        sum(c.action = 'clear') AS cleared, sum(c.action = 'irregular') AS irregular,
                        sum(c.action = 'fraud') AS fraud,
                        sum(CASE WHEN c.action IN ('irregular', 'fraud') THEN ifnull(c.amount, 0) ELSE 0 END) AS confirmed,
                        sum(CASE WHEN c.action = 'fraud' THEN ifnull(c.amount, 0) ELSE 0 END) AS confirmed_fraud,
                        sum(CASE WHEN c.action = 'fraud' THEN ifnull(c.fine, 0) ELSE 0 END) AS fines
                    FROM findings f JOIN screening_runs r ON r.id = f.first_run_id
                    LEFT JOIN concluded c ON c.finding_id = f.finding_id
                    WHERE r.as_of BETWEEN ? AND ?
                    GROUP BY city, f.rule_id, f.severity ORDER BY city, f.rule_id, f.severity
                    """, arguments: [first, last]
            ).map { row in
                let cityText: String = row["city"]
                let severityText: String = row["severity"]
                guard let city = RegionCode(cityText) else {
                    throw StoreError(table: "findings", column: "region_code", value: cityText)
                }
                guard let severity = Severity(rawValue: severityText) else {
                    throw StoreError(table: "findings", column: "severity", value: severityText)
                }
                return FindingSum(
                    city: city, ruleID: row["rule_id"], severity: severity, count: row["n"],
                    amountAtRisk: Money(fen: row["at_risk"]), cleared: row["cleared"] ?? 0,
                    irregular: row["irregular"] ?? 0, fraud: row["fraud"] ?? 0,
                    confirmed: Money(fen: row["confirmed"] ?? 0),
                    confirmedFraud: Money(fen: row["confirmed_fraud"] ?? 0),
                    fines: Money(fen: row["fines"] ?? 0))
            }
        }
    }

    public func recoveries(year: Int) throws -> [RegionCode: Money] {
        try pool.read { db in
            var sums: [RegionCode: Money] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.region_code, s.at, s.amount FROM verification_steps s
                    JOIN findings f ON f.finding_id = s.finding_id WHERE s.action = 'recover'
                    """)
            while let row = try rows.next() {
                // Steps are stamped in UTC; the year is counted in China days.
                guard Day.inChina(Timestamp.date(row["at"])).year == year else { continue }
                let regionText: String = row["region_code"]
                guard let region = RegionCode(regionText) else {
                    throw StoreError(table: "findings", column: "region_code", value: regionText)
                }
                let city = region.city
                sums[city, default: .zero] = sums[city, default: .zero] + Money(fen: (row["amount"] as Int64?) ?? 0)
            }
            return sums
        }
    }

    public func screeningRunCount(year: Int) throws -> Int {
        guard let (first, last) = Self.bounds(year) else { return 0 }
        return try pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM screening_runs WHERE as_of BETWEEN ? AND ?", arguments: [first, last])
                ?? 0
        }
    }
}
