import FundModel

/// The findings file of interchange.md ("Findings"): CSV, or the same fields in JSON.
///
/// Money is written as yuan with two decimals, evidence ids `;`-joined, rows
/// in the order given (the engine's interchange order). JSON carries exactly
/// the CSV's fields and values, so the two files say the same thing.
public enum FindingsFormat: String, Sendable, CaseIterable {
    case csv, json

    /// The format for a file name by its extension (`findings.csv`, `findings.json`), or `nil`.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }

    /// The columns, in file order.
    public static let columns = [
        "finding_id", "rule_id", "severity", "region_code", "subject_type", "subject_id", "amount", "detail",
        "evidence",
    ]

    /// The findings as the text of a file.
    public func encode(_ findings: [Finding]) -> String {
        switch self {
        case .csv: Self.csv(findings)
        case .json: Self.json(findings)
        }
    }

    /// The cells of one finding, in column order.
    public static func cells(_ finding: Finding) -> [String] {
        [
            finding.findingID, finding.ruleID, finding.severity.rawValue, finding.regionCode.raw,
            finding.subjectType.rawValue, finding.subjectID, finding.amount.yuanString, finding.detail,
            finding.evidence.joined(separator: ";"),
        ]
    }

    public static func csv(_ findings: [Finding]) -> String {
        var writer = CSVWriter(header: columns)
        for finding in findings { writer.append(row: cells(finding)) }
        return writer.text
    }

    /// A JSON array of objects; `amount` is a number with two decimals, every other field a string.
    public static func json(_ findings: [Finding]) -> String {
        var out = "["
        for (index, finding) in findings.enumerated() {
            out += index == 0 ? "\n  {" : ",\n  {"
            for (column, (name, cell)) in zip(columns, cells(finding)).enumerated() {
                out += column == 0 ? "" : ", "
                out += jsonString(name) + ": " + (name == "amount" ? cell : jsonString(cell))
            }
            out += "}"
        }
        out += findings.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
