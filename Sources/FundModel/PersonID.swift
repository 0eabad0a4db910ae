/// A citizen identity number (公民身份号码, GB 11643-1999): 17 digits and a check character.
///
/// The raw text is kept as given (upper-cased), because a person id with a
/// wrong check character is a data-quality finding (rule DQ01), not a reason
/// to drop the row. Only the shape (18 characters, 17 digits, then a digit or
/// `X`) is required to import a row.
public struct PersonID: Sendable, Hashable, Comparable, Codable {
    public let raw: String

    /// Accepts the shape of a citizen id; returns `nil` for anything else.
    /// A lower-case `x` is accepted and stored as `X`.
    public init?(_ text: some StringProtocol) {
        var string = String(text)
        guard let id = string.withUTF8({ PersonID(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// `init(_:)` from UTF-8 bytes (a database cell): the `String` is built once, and only for a valid shape.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 18 else { return nil }
        for i in 0..<17 where !(bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")) { return nil }
        let last = bytes[17]
        guard
            (last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9")) || last == UInt8(ascii: "X")
                || last == UInt8(ascii: "x")
        else { return nil }
        raw =
            last == UInt8(ascii: "x")
            ? String(decoding: bytes.prefix(17), as: UTF8.self) + "X" : String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: PersonID, rhs: PersonID) -> Bool { lhs.raw < rhs.raw }

    /// Whether the 18th character is the GB 11643 check character of the first 17.
    public var hasValidCheckCharacter: Bool {
        let bytes = Array(raw.utf8)
        return PersonID.checkCharacter(forFirst17: bytes[0..<17]) == bytes[17]
    }

    /// The region code of the person's registered residence at issue (the first six digits).
    public var issuingRegion: String { String(raw.prefix(6)) }

    /// The birth date embedded in characters 7–14, if it is a real date.
    public var embeddedBirthDate: Day? {
        let s = raw.utf8.dropFirst(6).prefix(8)
        return Day(
            iso:
                "\(String(decoding: s.prefix(4), as: UTF8.self))-\(String(decoding: s.dropFirst(4).prefix(2), as: UTF8.self))-\(String(decoding: s.dropFirst(6), as: UTF8.self))"
        )
    }

    /// The check character (ASCII byte `0`–`9` or `X`) of 17 digits, per ISO 7064 MOD 11-2.
    public static func checkCharacter(forFirst17 digits: some Collection<UInt8>) -> UInt8 {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (i, b) in digits.enumerated() { sum += Int(b - UInt8(ascii: "0")) * weights[i] }
        let table = Array("10X98765432".utf8)
        return table[sum % 11]
    }

    /// A valid id from 17 digits, with its check character appended (for demo data and tests).
    public static func withCheckCharacter(_ first17: String) -> PersonID? {
        guard first17.utf8.count == 17 else { return nil }
        let check = checkCharacter(forFirst17: Array(first17.utf8))
        return PersonID(first17 + String(UnicodeScalar(check)))
    }

    /// The id masked for lists: region and birth year kept, the rest hidden (e.g. `110101********123X` → `110101********`+4).
    public var masked: String { String(raw.prefix(6)) + "********" + String(raw.suffix(4)) }
}

extension PersonID: CustomStringConvertible {
    public var description: String { raw }
}
