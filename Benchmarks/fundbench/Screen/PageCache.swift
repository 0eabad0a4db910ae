import Foundation

/// Reads files once so that the timed reader finds them in the page cache.
///
/// The two sides of the comparison read different files (FundGuard its SQLite database, DuckDB the CSV
/// files), and on this machine the kernel evicts pages of a file not read for a while: whichever side
/// came second could find its input on disk while the other found it in memory. Warming each side's
/// input just before it runs measures both on a warm cache, as a screening run a day would find it.
enum PageCache {
    /// Reads every byte of the files (in 4 MiB chunks) and returns the megabytes read.
    @discardableResult
    static func warm(_ paths: [String]) -> Int {
        var total = 0
        for path in paths {
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            while let chunk = try? handle.read(upToCount: 4 << 20), !chunk.isEmpty { total += chunk.count }
        }
        return total >> 20
    }

    /// The regular files directly in a directory.
    static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { directory + "/" + $0 }
    }
}
