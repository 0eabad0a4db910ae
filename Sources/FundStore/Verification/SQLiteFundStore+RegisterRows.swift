import Foundation
import FundModel
import GRDB

/// What the indicators fed by the registers (I07–I09) read from the store, as of a screening date.
///
/// Whoever screens reads these once and hands them to the engine (Screening's
/// `RegisterFacts`): rules never touch the store.
public protocol RegisterRowsRepository: Sendable {
    /// Every finding of the findings register with its verification as it stood on `asOf` (I08, I09).
    func findingVerificationRows(asOf: Day) throws -> [FindingVerificationRow]
    /// Every file of the determination register as it stood on `asOf` (I07).
    func determinationTimingRows(asOf: Day) throws -> [DeterminationTimingRow]
}

extension SQLiteFundStore: RegisterRowsRepository {
    /// A finding is raised on the screening date of its first run; a step counts on its day in China Standard Time
    /// (the province's calendar, as the console shows it), and only when that day is not after `asOf`. Its
    /// conclusion is the first `clear`, `irregular` or `fraud` step; the amount confirmed is that step's.
    /// Findings first raised by a run dated after `asOf` did not exist yet and are left out.
    public func findingVerificationRows(asOf: Day) throws -> [FindingVerificationRow] {
        try pool.read { db in
            var rows: [FindingVerificationRow] = []
            var index: [String: Int] = [:]
            let findings = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.finding_id, f.region_code, r.as_of
                    FROM findings f JOIN screening_runs r ON r.id = f.first_run_id
                    WHERE r.as_of <= ? ORDER BY f.finding_id
                    """, arguments: [Int64(asOf.ordinal)])
            while let row = try findings.next() {
                let regionText: String = row["region_code"]
                guard let region = RegionCode(regionText) else {
                    throw StoreError(table: "findings", column: "region_code", value: regionText)
                }
                let id: String = row["finding_id"]
                index[id] = rows.count
                rows.append(
                    FindingVerificationRow(
                        findingID: id, regionCode: region,
                        raisedDate: Day(ordinal: Int32(truncatingIfNeeded: row["as_of"] as Int64))))
            }
            let steps = try Row.fetchCursor(
                db,
                sql: """
                    SELECT finding_id, at, action, amount FROM verification_steps
                    WHERE action IN ('clear', 'irregular', 'fraud', 'recover') ORDER BY id
                    """)
            while let step = try steps.next() {
                guard let i = index[step["finding_id"] as String] else { continue }
                let day = Self.chinaDay(Timestamp.date(step["at"]))
                guard day <= asOf else { continue }
                let amount = Money(fen: (step["amount"] as Int64?) ?? 0)
                let actionText: String = step["action"]
                if actionText == "recover" {
                    rows[i].recoveries.append(FindingVerificationRow.Recovery(day: day, amount: amount))
                } else if rows[i].concludedDate == nil, let conclusion = Self.conclusion(actionText) {
                    rows[i].concludedDate = day
                    rows[i].conclusion = conclusion
                    rows[i].confirmedAmount = conclusion == .cleared ? .zero : amount
                }
            }
            return rows
        }
    }

    public func determinationTimingRows(asOf: Day) throws -> [DeterminationTimingRow] {
        try documents(DeterminationFile.self).map { $0.timing(asOf: asOf) }
    }

    private static func conclusion(_ action: String) -> FindingVerificationRow.Conclusion? {
        switch action {
        case VerificationAction.clear.rawValue: .cleared
        case VerificationAction.irregular.rawValue: .irregular
        case VerificationAction.fraud.rawValue: .fraud
        default: nil
        }
    }

    /// The calendar day of a moment in China Standard Time, whatever the server's zone.
    static func chinaDay(_ moment: Date) -> Day {
        Day.inChina(moment)
    }
}
