import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files and directories that hold personal data, created readable by their owner only (issue 11).
///
/// The database (and, through it, SQLite's `-wal` and `-shm` files, which SQLite creates with the database
/// file's mode), a backup, the uploaded import files and the rejects of a lenient import are created with
/// mode 0600, their directories with 0700, whatever the process's umask. The mode is given to `open(2)` and
/// `mkdir(2)` themselves, so there is no moment at which a wider mode exists. Files and directories that
/// already exist keep their mode: an operator who widened it did so on purpose.
public enum OwnerOnlyFiles {
    /// 0600: read and write for the owner.
    public static let fileMode: mode_t = 0o600
    /// 0700: the owner may list, enter and create.
    public static let directoryMode: mode_t = 0o700

    /// Creates `path` empty with mode 0600 if it does not exist; returns whether it created it.
    @discardableResult public static func createEmptyFileIfMissing(_ path: String) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw OwnerOnlyFileError(path: path, errno: errno)
        }
        _ = fchmod(fd, fileMode)
        close(fd)
        return true
    }

    /// Opens `path` for writing, truncated, created with mode 0600 if missing (an existing file is set to
    /// 0600 too, since its content is replaced), and returns a handle that owns the descriptor.
    public static func openForWriting(_ path: String) throws -> FileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw OwnerOnlyFileError(path: path, errno: errno) }
        _ = fchmod(fd, fileMode)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes `data` to `path` (replacing it), mode 0600.
    public static func write(_ data: Data, to path: String) throws {
        let handle = try openForWriting(path)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }

    /// Creates `path` and any missing parent with mode 0700 (existing ones are left as they are).
    public static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw OwnerOnlyFileError(path: path, errno: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createDirectory(parent) }
        if mkdir(path, directoryMode) != 0, errno != EEXIST { throw OwnerOnlyFileError(path: path, errno: errno) }
        _ = chmod(path, directoryMode)
    }

    /// The permission bits of `path` (`nil` when it does not exist).
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}

/// A file or directory that could not be created.
public struct OwnerOnlyFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var errno: Int32

    public var description: String {
        "无法创建 cannot create \(path): \(String(cString: strerror(errno)))"
    }
}
