import FundModel

/// Personal data as lists and read-only roles show it (architecture.md "Personal data is protected").
enum Masking {
    /// The family name kept, the given name hidden: 张三 → 张*, 欧阳娜娜 → 欧***.
    static func name(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// An id number masked (PersonID.masked), or the text masked by position when it is not a valid id.
    static func personID(_ text: String) -> String {
        if let id = PersonID(text) { return id.masked }
        guard text.count > 6 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 5) + String(text.suffix(2))
    }
}

extension Masking {
    /// A bank account masked like an id number (issue 11 #4): the first four and the last four characters
    /// kept, `6222********1234`; a short one keeps only its last two.
    static func account(_ text: String) -> String {
        let count = text.count
        if count <= 4 { return String(repeating: "*", count: count) }
        if count <= 10 { return String(repeating: "*", count: count - 2) + String(text.suffix(2)) }
        return String(text.prefix(4)) + String(repeating: "*", count: count - 8) + String(text.suffix(4))
    }

    /// Every id number inside a text (e.g. a finding's detail line) masked.
    static func maskIDs(in text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if i + 18 <= chars.count, (i == 0 || !chars[i - 1].isASCIIDigit),
                let id = PersonID(String(chars[i..<(i + 18)])),
                i + 18 == chars.count || !chars[i + 18].isASCIIDigit
            {
                out += id.masked
                i += 18
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
