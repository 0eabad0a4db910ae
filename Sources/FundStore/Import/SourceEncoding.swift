#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The character encoding of an interchange CSV file.
///
/// The interchange is UTF-8, but Excel on a Chinese Windows saves "CSV" in GB18030 (its GBK code page 936,
/// which GB18030 contains). `auto` takes a file that is valid UTF-8 as UTF-8 and any other as GB18030;
/// a file can also be named one or the other (`fundguard import --encoding`). GB18030 is decoded with the
/// C library's iconv (docs/decisions.md: Foundation on Linux has no GB18030 decoder of its own).
public enum SourceEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030

    /// `utf-8`, `utf8`, `gb18030`, `gbk`, `gb2312` (GBK and GB2312 are subsets of GB18030), `auto`.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: return nil
        }
    }
}

/// A file's bytes made UTF-8 for the reader, or why they cannot be.
enum SourceText {
    /// Why a file could not be decoded: the line (1-based) of the first bad byte sequence.
    struct Failure: Error, Sendable, Hashable {
        var line: Int
        var reason: String
    }

    /// `bytes` as UTF-8: unchanged when already UTF-8 (or named UTF-8: then bad cells are reported one by one
    /// as before), else decoded from GB18030. `nil` means "use the bytes as they are".
    static func utf8(_ bytes: UnsafeRawBufferPointer, encoding: SourceEncoding) throws(Failure) -> [UInt8]? {
        switch encoding {
        case .utf8: return nil
        case .auto: return isValidUTF8(bytes) ? nil : try fromGB18030(bytes)
        case .gb18030: return try fromGB18030(bytes)
        }
    }

    /// Whether the bytes are UTF-8 (ASCII runs skipped eight bytes at a time: most of a file is ASCII).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(b & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(b & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(b & 0x07))
            default: return false
            }
            guard i + length <= n else { return false }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            i += length
        }
        return true
    }

    /// GB18030 → UTF-8 with iconv; a byte sequence that is not GB18030 fails with its line.
    static func fromGB18030(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> [UInt8] {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            throw Failure(line: 1, reason: "本机无法解码 GB18030 the C library has no GB18030 converter")
        }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return [] }
        // UTF-8 takes at most 2 bytes per GB18030 byte for CJK (2 → 3) and 4 → 4 for the rest: 2× is enough.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var failedAt: Int?
        let written = output.withUnsafeMutableBytes { out -> Int in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                mutating: base.assumingMemoryBound(to: CChar.self))
            var inLeft = bytes.count
            var outPointer: UnsafeMutablePointer<CChar>? = out.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outLeft = out.count
            while inLeft > 0 {
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    failedAt = bytes.count - inLeft  // EILSEQ or EINVAL (cut short at the end) alike
                    break
                }
            }
            return out.count - outLeft
        }
        if let failedAt {
            var line = 1
            for i in 0..<failedAt where bytes[i] == 0x0A { line += 1 }
            let shown = (failedAt..<min(failedAt + 4, bytes.count)).map { hex(bytes[$0]) }.joined(separator: " ")
            throw Failure(
                line: line,
                reason:
                    "编码错误：既不是 UTF-8 也不是 GB18030（字节 \(shown)）not valid UTF-8 or GB18030 (bytes \(shown)); save the file as UTF-8 or GB18030"
            )
        }
        output.removeSubrange(written...)
        return output
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
