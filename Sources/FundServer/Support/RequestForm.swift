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

    /// Parses a `multipart/form-data` body (RFC 7578) with the boundary from its content type.
    ///
    /// - Returns: `nil` when the body is not well-formed.
    public static func multipart(_ body: [UInt8], boundary: String) -> RequestForm? {
        let delimiter = Array("--\(boundary)".utf8)
        var form = RequestForm()
        guard var position = find(delimiter, in: body, from: 0) else { return nil }
        position += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if position + 2 <= body.count, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-")
            {
                return form
            }
            guard position + 2 <= body.count, body[position] == 13, body[position + 1] == 10 else { return nil }
            position += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: position) else { return nil }
            let headerText = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find([13, 10] + delimiter, in: body, from: contentStart) else { return nil }
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
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        let first = needle[0]
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
