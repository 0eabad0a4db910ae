/// A byte-level RFC 4180 reader: one record at a time, no allocation per record.
///
/// It works directly on the file's bytes (`CSVBytes`), so that the importer
/// can bind most cells to SQLite by pointer without ever building a String.
/// A field is handed out as an `UnsafeRawBufferPointer` that is valid until the
/// next call to `next()`: unquoted fields and quoted fields without doubled
/// quotes point into the file; only a field with doubled quotes (`""`) is
/// unescaped into a scratch buffer the reader owns.
///
/// What it accepts:
/// - a leading UTF-8 byte order mark, skipped;
/// - CRLF, LF or a lone CR as the end of a record;
/// - quoted fields holding commas, doubled quotes and line breaks;
/// - a quote inside an unquoted field (`5"`), kept literally, as most
///   spreadsheet exports expect;
/// - blank lines, skipped (they are not records with one empty field).
///
/// `line` is the physical line (1-based, counting the header) on which the
/// current record starts, so that an error in a record with a quoted line
/// break still names the line a person finds in an editor.
public final class CSVReader {
    private let source: CSVBytes
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var position: Int
    private var nextLine = 1

    /// The physical line on which the current record starts.
    public private(set) var line = 0

    /// The current record's fields (a manually grown buffer: no array bookkeeping per field).
    private var spans: UnsafeMutablePointer<Span>
    private var spanCount = 0
    private var spanCapacity = 32
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256
    private var scratchCount = 0

    /// Where a field's bytes are: in the file, or unescaped in the scratch buffer.
    private struct Span {
        var offset: Int
        var count: Int
        var inScratch: Bool
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    public init(_ source: CSVBytes) {
        self.source = source
        scratch = .allocate(capacity: scratchCapacity)
        spans = .allocate(capacity: spanCapacity)
        if let start = source.buffer.baseAddress {
            base = start.assumingMemoryBound(to: UInt8.self)
        } else {
            base = UnsafePointer(scratch)
        }
        end = source.buffer.count
        position = 0
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
    }

    deinit {
        scratch.deallocate()
        spans.deallocate()
    }

    /// The number of fields of the current record.
    public var fieldCount: Int { spanCount }

    /// The bytes of field `index` of the current record; valid until the next call to `next()`.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeRawBufferPointer {
        precondition(index >= 0 && index < spanCount, "field index out of range")
        let span = spans[index]
        if span.inScratch {
            return UnsafeRawBufferPointer(start: scratch + span.offset, count: span.count)
        }
        return UnsafeRawBufferPointer(start: base + span.offset, count: span.count)
    }

    /// Field `index` as a String (for headers, messages and small tables).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// All fields of the current record as Strings.
    public var strings: [String] { (0..<fieldCount).map(string) }

    /// How far the reader has got, in bytes, for progress reports.
    public var bytesRead: Int { position }

    /// The size of the input in bytes.
    public var byteCount: Int { end }

    /// Reads the next record. Returns `false` at the end of the input.
    ///
    /// A malformed record throws with the line it starts on; the reader has then
    /// skipped to the end of that physical line (or of the input), so that a
    /// caller collecting every error can simply call `next()` again.
    public func next() throws(CSVError) -> Bool {
        spanCount = 0
        scratchCount = 0
        // Skip blank lines.
        while position < end {
            let b = base[position]
            if b == Self.lf {
                position += 1
                nextLine += 1
            } else if b == Self.cr {
                position += 1
                if position < end, base[position] == Self.lf { position += 1 }
                nextLine += 1
            } else {
                break
            }
        }
        guard position < end else { return false }
        line = nextLine
        while true {
            if position < end, base[position] == Self.quote {
                try readQuotedField()
            } else {
                let start = position
                var p = position
                while p < end {
                    let b = base[p]
                    if b == Self.comma || b == Self.lf || b == Self.cr { break }
                    p += 1
                }
                position = p
                appendSpan(Span(offset: start, count: p - start, inScratch: false))
            }
            // After a field: a comma, the end of the record, or the end of the input.
            guard position < end else { return true }
            let b = base[position]
            if b == Self.comma {
                position += 1
                continue
            }
            if b == Self.lf || b == Self.cr {
                consumeLineBreak()
                return true
            }
            // Only reachable after a closing quote.
            let badLine = nextLine
            skipRestOfLine()
            throw CSVError(line: line, kind: .characterAfterClosingQuote(onLine: badLine))
        }
    }

    private func readQuotedField() throws(CSVError) {
        position += 1  // the opening quote
        let start = position
        var segmentStart = position
        var unescaping = false
        var scratchStart = 0
        while true {
            guard position < end else {
                throw CSVError(line: line, kind: .unterminatedQuotedField)
            }
            let b = base[position]
            if b == Self.quote {
                if position + 1 < end, base[position + 1] == Self.quote {
                    // A doubled quote: keep one, continue in the scratch buffer.
                    if !unescaping {
                        unescaping = true
                        scratchStart = scratchCount
                    }
                    appendToScratch(from: segmentStart, count: position + 1 - segmentStart)
                    position += 2
                    segmentStart = position
                    continue
                }
                if unescaping {
                    appendToScratch(from: segmentStart, count: position - segmentStart)
                    appendSpan(Span(offset: scratchStart, count: scratchCount - scratchStart, inScratch: true))
                } else {
                    appendSpan(Span(offset: start, count: position - start, inScratch: false))
                }
                position += 1  // the closing quote
                return
            }
            if b == Self.lf {
                nextLine += 1
            } else if b == Self.cr {
                if position + 1 < end, base[position + 1] == Self.lf { position += 1 }
                nextLine += 1
            }
            position += 1
        }
    }

    @inline(__always)
    private func consumeLineBreak() {
        if base[position] == Self.cr {
            position += 1
            if position < end, base[position] == Self.lf { position += 1 }
        } else {
            position += 1
        }
        nextLine += 1
    }

    private func skipRestOfLine() {
        while position < end {
            let b = base[position]
            if b == Self.lf || b == Self.cr {
                consumeLineBreak()
                return
            }
            position += 1
        }
    }

    @inline(__always)
    private func appendSpan(_ span: Span) {
        if spanCount == spanCapacity {
            let grown = UnsafeMutablePointer<Span>.allocate(capacity: spanCapacity * 2)
            grown.update(from: spans, count: spanCount)
            spans.deallocate()
            spans = grown
            spanCapacity *= 2
        }
        spans[spanCount] = span
        spanCount += 1
    }

    private func appendToScratch(from offset: Int, count: Int) {
        if scratchCount + count > scratchCapacity {
            var capacity = scratchCapacity * 2
            while capacity < scratchCount + count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = grown
            scratchCapacity = capacity
        }
        (scratch + scratchCount).update(from: base + offset, count: count)
        scratchCount += count
    }
}

/// A record that is not valid RFC 4180.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The physical line on which the record starts.
    public var line: Int
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        /// A quoted field that is never closed: it runs to the end of the file.
        case unterminatedQuotedField
        /// Text between a closing quote and the next comma or line break (`"abc"x`).
        case characterAfterClosingQuote(onLine: Int)
    }

    public var description: String {
        switch kind {
        case .unterminatedQuotedField:
            "引号未闭合 unterminated quoted field (runs to the end of the file)"
        case .characterAfterClosingQuote(let onLine):
            "右引号后有多余字符 text after a closing quote"
                + (onLine == line ? "" : " (on line \(onLine))")
        }
    }
}
