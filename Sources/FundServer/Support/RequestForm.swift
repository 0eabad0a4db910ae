import Foundation

/// The fields and files of a submitted form (`application/x-www-form-urlencoded` or `multipart/form-data`).
///
/// Parsed once by `CSRFMiddleware` (which needs the `_csrf` field) and kept in
/// the request context, so handlers read fields by name and validate them with
/// messages a person can act on.
public struct RequestForm: Sendable {
    public struct File: Sendable {
        public var field: String
        public var fileName: String
        public var contentType: String
        public var data: Data
    }

    public var fields: [String: [String]] = [:]
    public var files: [File] = []

    public init() {}

    /// The first value of a field, trimmed; `nil` when absent or empty.
    public subscript(name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The value exactly as sent (passwords keep their spaces).
    public func raw(_ name: String) -> String? { fields[name]?.first }

    mutating func add(_ name: String, _ value: String) { fields[name, default: []].append(value) }

    /// Parses `a=1&b=%E4%B8%AD`.
    public static func urlEncoded(_ bytes: [UInt8]) -> RequestForm {
        var form = RequestForm()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(Array(parts[0]))
            let value = parts.count > 1 ? percentDecode(Array(parts[1])) : ""
            form.add(name, value)
        }
        return form
    }

    /// Query strings use the same encoding as forms.
    public static func query(_ text: String?) -> RequestForm { urlEncoded(Array((text ?? "").utf8)) }

    static func percentDecode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]),
                let lo = hexValue(bytes[i + 2])
            {
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest boundary RFC 2046 §5.1.1 allows.
    static let maxBoundaryLength = 70
    /// The most parts and the longest header block of a part a form may have.
    static let maxParts = 1000
    static let maxPartHeaderLength = 8 * 1024

    /// Parses a `multipart/form-data` body (RFC 7578) with the boundary from its content type.
    ///
    /// Linear in the length of the body: the boundary is at most 70 characters (RFC 2046) and every search
    /// is a Knuth–Morris–Pratt scan that moves forward only (issue 11 #1).
    ///
    /// - Returns: `nil` when the body is not well-formed or the boundary is not a valid RFC 2046 boundary.
    public static func multipart(_ body: [UInt8], boundary: String) -> RequestForm? {
        guard isValidBoundary(boundary) else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        let delimiterSearch = ByteSearch([13, 10] + delimiter)
        let headerEndSearch = ByteSearch([13, 10, 13, 10])
        var form = RequestForm()
        var parts = 0
        guard var position = ByteSearch(delimiter).first(in: body, from: 0) else { return nil }
        position += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if position + 2 <= body.count, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-")
            {
                return form
            }
            guard position + 2 <= body.count, body[position] == 13, body[position + 1] == 10 else { return nil }
            parts += 1
            guard parts <= maxParts else { return nil }
            position += 2
            guard
                let headerEnd = headerEndSearch.first(
                    in: body, from: position, before: min(body.count, position + maxPartHeaderLength + 4))
            else { return nil }
            let headerText = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = delimiterSearch.first(in: body, from: contentStart) else { return nil }
            let content = Array(body[contentStart..<next])
            var name: String?
            var fileName: String?
            var contentType = "application/octet-stream"
            for line in headerText.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: String(line))
                    fileName = parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            if let name {
                if let fileName {
                    if !fileName.isEmpty || !content.isEmpty {
                        form.files.append(
                            File(field: name, fileName: fileName, contentType: contentType, data: Data(content)))
                    }
                } else {
                    form.add(name, String(decoding: content, as: UTF8.self))
                }
            }
            position = next + 2 + delimiter.count
        }
    }

    /// RFC 2046 §5.1.1: 1 to 70 characters of `bchars`, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...maxBoundaryLength).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        let others = Set("'()+_,-./:=? ".utf8)
        return bytes.allSatisfy { b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || others.contains(b)
        }
    }

    /// `name="value"` in a header line (quotes optional).
    static func parameter(_ key: String, in line: String) -> String? {
        for part in line.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == key else {
                continue
            }
            var value = pieces[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            // Browsers may send a full path (old IE); keep the last component only.
            if key == "filename", let slash = value.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
                value = String(value[value.index(after: slash)...])
            }
            return value
        }
        return nil
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        ByteSearch(needle).first(in: haystack, from: start)
    }
}

/// A Knuth–Morris–Pratt search for a byte string: each byte of the haystack is looked at a bounded number of
/// times, whatever the needle and the haystack (the hand-written search it replaces was quadratic in the
/// boundary's length).
struct ByteSearch {
    let needle: [UInt8]
    /// `failure[i]`: the length of the longest proper border of `needle[0...i]`.
    let failure: [Int]

    init(_ needle: [UInt8]) {
        self.needle = needle
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        var i = 1
        while i < needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
            i += 1
        }
        self.failure = failure
    }

    /// The first index at or after `start` where the needle starts and ends before `end` (the whole haystack
    /// when `nil`).
    func first(in haystack: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let end = min(end ?? haystack.count, haystack.count)
        guard !needle.isEmpty, start >= 0, start <= end else { return nil }
        var k = 0
        var i = start
        while i < end {
            let b = haystack[i]
            while k > 0 && b != needle[k] { k = failure[k - 1] }
            if b == needle[k] { k += 1 }
            if k == needle.count { return i - needle.count + 1 }
            i += 1
        }
        return nil
    }
}
