import FundModel
import GRDB

/// Counts rows whose references point nowhere, after the files are loaded.
///
/// interchange.md keeps such rows (a payment of an unknown case is exactly
/// what the rules must see) but wants them counted and reported. A reference
/// is checked only against tables that have been imported: before any
/// workers.csv, every payment's worker would be "unknown", which says nothing.
/// The whole table is checked (rows of earlier imports too), with one scan per
/// table for all its references.
enum ReferenceChecker {
    static func check(
        tables: [FundModel.Table], importedTables: Set<FundModel.Table>, db: Database, state: ImportState
    ) throws -> [UnmatchedReferences] {
        var result: [UnmatchedReferences] = []
        for table in tables {
            let spec = TableSpec.spec(for: table)
            var checks: [(reference: ReferenceSpec, targets: [(table: FundModel.Table, column: String)], condition: String)] =
                []
            for reference in spec.references {
                let targets = reference.targets.filter { importedTables.contains($0.table) }
                guard !targets.isEmpty else {
                    let names = reference.targets.map(\.table.fileName).joined(separator: " / ")
                    state.warn("\(table.fileName) \(reference.column): 未检查引用（未导入 \(names)）reference not checked: \(names) never imported")
                    continue
                }
                checks.append((reference, targets, condition(reference, targets)))
            }
            guard !checks.isEmpty else { continue }
            state.report(ImportProgress(phase: .checking, table: table, rows: 0, bytesRead: 0, bytesTotal: 0))
            let sums = checks.map { "coalesce(sum(\($0.condition)), 0)" }.joined(separator: ", ")
            guard let counts = try Row.fetchOne(db, sql: "SELECT \(sums) FROM \(table.rawValue) AS x") else { continue }
            for (index, check) in checks.enumerated() {
                let count: Int = counts[index]
                guard count > 0 else { continue }
                let key = spec.keyColumns[0]
                let column = check.reference.column
                let examples = try Row.fetchAll(
                    db, sql: "SELECT x.\(key), x.\(column) FROM \(table.rawValue) AS x WHERE \(check.condition) LIMIT 5"
                ).map { row -> String in
                    let keyValue: String = row[0]
                    let value: String = row[1]
                    return key == column ? value : "\(keyValue) → \(value)"
                }
                result.append(
                    UnmatchedReferences(
                        table: table, column: column,
                        target: check.targets.map { "\($0.table.rawValue).\($0.column)" }.joined(separator: "|"),
                        count: count, examples: examples))
            }
        }
        return result
    }

    /// `x.col IS NOT NULL AND NOT EXISTS (…)` for every target.
    private static func condition(_ reference: ReferenceSpec, _ targets: [(table: FundModel.Table, column: String)]) -> String {
        var parts = ["x.\(reference.column) IS NOT NULL"]
        if !reference.exempt.isEmpty {
            parts.append("x.\(reference.column) NOT IN (" + reference.exempt.map { "'\($0)'" }.joined(separator: ", ") + ")")
        }
        for target in targets {
            parts.append(
                "NOT EXISTS (SELECT 1 FROM \(target.table.rawValue) AS t WHERE t.\(target.column) = x.\(reference.column))")
        }
        return "(" + parts.joined(separator: " AND ") + ")"
    }
}
