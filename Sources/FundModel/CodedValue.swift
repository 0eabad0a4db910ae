/// A closed vocabulary of the interchange files (`kind`, `decision`, `channel`, …).
///
/// The raw value is the code written in the CSV files and the API; the
/// Chinese name is what the console shows.
public protocol CodedValue: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    var chineseName: String { get }
}

extension CodedValue {
    /// The accepted codes, for error messages: `injury | disease | deemed`.
    public static var codeList: String { allCases.map(\.rawValue).joined(separator: " | ") }
}
