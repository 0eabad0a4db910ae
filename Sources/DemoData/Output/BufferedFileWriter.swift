#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends bytes to a file through a large buffer: the demo writes tens of millions of rows.
final class BufferedFileWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private let capacity: Int
    let path: String

    init(path: String, capacity: Int = 1 << 20) throws(DemoOutputError) {
        guard let file = fopen(path, "wb") else { throw .cannotOpen(path: path) }
        self.file = file
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4_096)
    }

    func write(_ text: String) throws(DemoOutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// One CSV row of cells, escaped per RFC 4180, straight into the buffer.
    func writeRow(_ cells: [String]) throws(DemoOutputError) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            var plain = true
            for byte in cell.utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
                plain = false
                break
            }
            if plain {
                buffer.append(contentsOf: cell.utf8)
            } else {
                buffer.append(UInt8(ascii: "\""))
                for byte in cell.utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            }
        }
        buffer.append(10)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws(DemoOutputError) {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw .cannotWrite(path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(DemoOutputError) {
        try flush()
        guard fclose(file) == 0 else { throw .cannotWrite(path: path) }
    }
}

/// Why the demo could not be written.
public enum DemoOutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String)
    case cannotWrite(path: String)
    case cannotCreateDirectory(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): "无法创建文件 \(path) (cannot create file)"
        case .cannotWrite(let path): "写入文件 \(path) 失败 (cannot write file)"
        case .cannotCreateDirectory(let path): "无法创建目录 \(path) (cannot create directory)"
        }
    }
}
