/// Text written into XML (the .xlsx and .docx parts): the five markup characters escaped, and the characters
/// XML 1.0 cannot hold (control characters but tab, line feed and carriage return; U+FFFE, U+FFFF) dropped, so a
/// name or a note with `<`, `&` or a stray control byte cannot break a document.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
