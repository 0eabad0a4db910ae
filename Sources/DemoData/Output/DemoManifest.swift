import FundModel

/// `demo_manifest.json`: how a demo province was made, so that screening uses the same as-of date.
public struct DemoManifest: Sendable, Hashable {
    public var asOf: Day
    public var seed: UInt64
    public var workers: Int
    /// The first day of the data (payments and the fund ledger start here).
    public var windowStart: Day
    public var province: RegionCode
    /// Whether every rule and indicator was planted (a province of at least `DemoOptions.fullPlantMinimum` workers).
    public var plantsEveryRule: Bool
    /// Rows written per file.
    public var rowCounts: [Table: Int]
    public var groundTruthRows: Int

    /// The JSON text, keys in a fixed order so that the same province gives the same bytes.
    public var json: String {
        var lines: [String] = []
        lines.append("  \"as_of\": \"\(asOf.iso)\"")
        lines.append("  \"seed\": \(seed)")
        lines.append("  \"workers\": \(workers)")
        lines.append("  \"window_start\": \"\(windowStart.iso)\"")
        lines.append("  \"province\": \"\(province.raw)\"")
        lines.append("  \"generator\": \"FundGuard DemoData \(DemoManifest.generatorVersion)\"")
        lines.append("  \"plants_every_rule\": \(plantsEveryRule)")
        lines.append("  \"ground_truth_rows\": \(groundTruthRows)")
        let counts = Table.allCases.map { "    \"\($0.fileName)\": \(rowCounts[$0] ?? 0)" }
        lines.append("  \"rows\": {\n" + counts.joined(separator: ",\n") + "\n  }")
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// Bumped whenever the same options would give a different province.
    public static let generatorVersion = 1
}
