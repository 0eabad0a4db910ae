import FundModel

/// One planted anomaly, keyed exactly like the finding a correct screening must raise for it.
public struct GroundTruthRow: Sendable, Hashable, Codable {
    public var ruleID: String
    public var subjectType: SubjectType
    /// The plain record id (worker id, payment id, region code, …), as in `Finding.subjectID`.
    public var subjectID: String
    /// What was planted, for a person reading the file.
    public var note: String

    public init(ruleID: String, subjectType: SubjectType, subjectID: String, note: String) {
        self.ruleID = ruleID
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.note = note
    }

    /// rule_id + subject_type + subject_id: what a finding is matched on.
    public var key: String { "\(ruleID)|\(subjectType.rawValue)|\(subjectID)" }
}

/// Everything planted in a demo province (`ground_truth.csv`).
///
/// The end-to-end test screens the province and requires, for every rule
/// with planted rows, that each row is found and that the rule finds nothing
/// else; `key` is what findings are matched on.
public struct GroundTruth: Sendable, Hashable {
    public private(set) var rows: [GroundTruthRow] = []

    public init(rows: [GroundTruthRow] = []) { self.rows = rows }

    mutating func add(_ ruleID: String, _ subjectType: SubjectType, _ subjectID: String, _ note: String) {
        rows.append(GroundTruthRow(ruleID: ruleID, subjectType: subjectType, subjectID: subjectID, note: note))
    }

    /// The rules with at least one planted row.
    public var ruleIDs: Set<String> { Set(rows.map(\.ruleID)) }

    /// The rows of one rule.
    public func rows(for ruleID: String) -> [GroundTruthRow] { rows.filter { $0.ruleID == ruleID } }

    /// The keys (rule_id|subject_type|subject_id) of every row.
    public var keys: Set<String> { Set(rows.map(\.key)) }

    public static let header = ["rule_id", "subject_type", "subject_id", "note"]

    /// The file's text: a header, then the rows sorted by rule, subject type and subject.
    public var csv: String {
        var writer = CSVWriter(header: GroundTruth.header)
        for row in sortedRows { writer.append(row: [row.ruleID, row.subjectType.rawValue, row.subjectID, row.note]) }
        return writer.text
    }

    /// Rows in file order.
    public var sortedRows: [GroundTruthRow] {
        rows.sorted {
            ($0.ruleID, $0.subjectType.rawValue, $0.subjectID) < ($1.ruleID, $1.subjectType.rawValue, $1.subjectID)
        }
    }

    /// Reads `ground_truth.csv` as written by `csv` (a header, four columns, RFC 4180 quotes).
    public init(csv text: String) throws(GroundTruthError) {
        let records = SimpleCSV.parse(text)
        guard let header = records.first else { throw .missingHeader }
        let index = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        guard let r = index["rule_id"], let t = index["subject_type"], let s = index["subject_id"] else {
            throw .missingHeader
        }
        let n = index["note"]
        for (line, record) in records.dropFirst().enumerated() where !(record.count == 1 && record[0].isEmpty) {
            guard record.count == header.count, let type = SubjectType(rawValue: record[t]) else {
                throw .badRow(line: line + 2)
            }
            rows.append(
                GroundTruthRow(
                    ruleID: record[r], subjectType: type, subjectID: record[s], note: n.map { record[$0] } ?? ""))
        }
    }
}

/// Why a ground-truth file could not be read.
public enum GroundTruthError: Error, Sendable, Equatable {
    case missingHeader
    case badRow(line: Int)
}

/// A small RFC 4180 reader for the demo's own files (ground truth); the importer lives in FundStore.
enum SimpleCSV {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.endIndex && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.endIndex && chars[i + 1] == "\n" { i += 1 }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
