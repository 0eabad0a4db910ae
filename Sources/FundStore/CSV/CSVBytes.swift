#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one CSV file, kept alive for as long as a reader points into them.
///
/// A file is memory-mapped rather than read: the importer parses payments
/// straight from the page cache, binds cells to SQLite by pointer, and never
/// copies the file into a Swift array (10 million payments are about 1.5 GB).
/// Bytes from memory (tests, small inputs) are copied into a buffer this
/// object owns, so both cases look the same to `CSVReader`.
public final class CSVBytes {
    /// The file's bytes; valid until this object is deinitialized.
    public let buffer: UnsafeRawBufferPointer
    private let release: Release

    private enum Release {
        case unmap(UnsafeMutableRawPointer, Int)
        case deallocate(UnsafeMutableRawPointer)
        case nothing
    }

    /// Copies `bytes` into a buffer owned by this object.
    public init(_ bytes: some Collection<UInt8>) {
        let count = bytes.count
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        let typed = memory.bindMemory(to: UInt8.self, capacity: max(count, 1))
        var index = 0
        for byte in bytes {
            typed[index] = byte
            index += 1
        }
        buffer = UnsafeRawBufferPointer(start: memory, count: count)
        release = .deallocate(memory)
    }

    /// The UTF-8 bytes of `text`.
    public convenience init(text: String) {
        self.init(Array(text.utf8))
    }

    /// Maps the file at `path` read-only.
    public init(contentsOfFile path: String) throws(CSVFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVFileError(path: path, reason: Self.errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CSVFileError(path: path, reason: Self.errnoText()) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw CSVFileError(path: path, reason: "is a directory") }
        let size = Int(info.st_size)
        guard size > 0 else {
            buffer = UnsafeRawBufferPointer(start: nil, count: 0)
            release = .nothing
            return
        }
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), memory != MAP_FAILED else {
            throw CSVFileError(path: path, reason: Self.errnoText())
        }
        // The importer reads the file once, front to back.
        _ = madvise(memory, size, MADV_SEQUENTIAL)
        buffer = UnsafeRawBufferPointer(start: memory, count: size)
        release = .unmap(memory, size)
    }

    deinit {
        switch release {
        case .unmap(let memory, let size): munmap(memory, size)
        case .deallocate(let memory): memory.deallocate()
        case .nothing: break
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A file that could not be opened or mapped.
public struct CSVFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): 无法读取 cannot read: \(reason)" }
}
