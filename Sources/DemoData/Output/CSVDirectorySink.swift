import FundModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a demo province as interchange CSV files in a directory, streaming each row to disk.
///
/// Every table gets its file with its header, even when no row was written,
/// so that a data set made by the demo always has every file.
public final class CSVDirectorySink: DemoSink {
    public let directory: String
    private var writers: [Table: BufferedFileWriter] = [:]
    public private(set) var rowCounts: [Table: Int] = [:]

    /// Creates the directory (and its parents) if needed and opens one file per table.
    public init(directory: String) throws(DemoOutputError) {
        self.directory = directory
        var partial = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            partial += component + "/"
            if mkdir(partial, 0o755) != 0 && errno != EEXIST { throw .cannotCreateDirectory(path: directory) }
        }
        for table in Table.allCases {
            let writer = try BufferedFileWriter(path: path(table.fileName))
            try writer.writeRow(InterchangeColumns.header(table))
            writers[table] = writer
            rowCounts[table] = 0
        }
    }

    public func write(_ record: DemoRecord) throws {
        let table = record.table
        try writers[table]!.writeRow(InterchangeColumns.cells(record))
        rowCounts[table, default: 0] += 1
    }

    public func finish(groundTruth: GroundTruth, manifest: DemoManifest) throws {
        for table in Table.allCases { try writers[table]!.close() }
        writers = [:]
        try writeFile("ground_truth.csv", groundTruth.csv)
        try writeFile("demo_manifest.json", manifest.json)
    }

    private func writeFile(_ name: String, _ text: String) throws(DemoOutputError) {
        let writer = try BufferedFileWriter(path: path(name))
        try writer.write(text)
        try writer.close()
    }

    private func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
}
