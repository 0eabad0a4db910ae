import Foundation

/// Moments (when a run started) are stored as ISO 8601 text in UTC: readable in
/// the sqlite3 shell and sortable as text. Days are not moments: see `SchemaMigrations`.
enum Timestamp {
    static func text(_ date: Date) -> String {
        formatter().string(from: date)
    }

    static func date(_ text: String) -> Date {
        formatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
