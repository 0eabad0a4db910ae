import Foundation
import FundModel

/// Writes the rows that lenient mode skipped: `<table>.rejects.csv`.
///
/// Columns: `line` (the physical line of the record in the original file),
/// `reason` (every problem of the row, `; `-separated), then the original
/// header's columns with the raw cells, so that a person can fix the rows and
/// import the rejects file itself once the two leading columns are removed.
/// The file is created on the first rejected row only.
final class RejectsWriter {
    let path: String
    private let header: [String]
    private var handle: FileHandle?
    private var buffer = ""

    init(path: String, header: [String]) {
        self.path = path
        self.header = header
    }

    var isOpen: Bool { handle != nil }

    func write(line: Int, reasons: [String], fields: [String]) throws {
        if handle == nil {
            // Rejected rows are personal data: the file is the owner's only (0600).
            do {
                handle = try OwnerOnlyFiles.openForWriting(path)
            } catch {
                throw CSVFileError(path: path, reason: "cannot create the rejects file")
            }
            append(["line", "reason"] + header)
        }
        append([String(line), reasons.joined(separator: "; ")] + fields)
        if buffer.utf8.count >= 1 << 16 { try flush() }
    }

    func close() throws {
        try flush()
        try handle?.close()
        handle = nil
    }

    private func append(_ cells: [String]) {
        buffer += cells.map(CSVWriter.escape).joined(separator: ",")
        buffer += "\n"
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }
}
