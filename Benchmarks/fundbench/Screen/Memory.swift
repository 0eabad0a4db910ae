import Foundation

/// The process's memory from /proc/self/status: the peak (VmHWM) and the current resident set (VmRSS).
///
/// The peak is what the machine must have; it is read at the end of each phase so that the report says
/// which phase set it. Where /proc is missing (macOS) both are 0.
enum Memory {
    /// Peak resident set size in bytes (VmHWM).
    static var peak: Int { field("VmHWM:") }
    /// Current resident set size in bytes (VmRSS).
    static var resident: Int { field("VmRSS:") }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) })
        else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }

    /// "1.23 GiB".
    static func format(_ bytes: Int) -> String {
        String(format: "%.2f GiB", Double(bytes) / Double(1 << 30))
    }
}
