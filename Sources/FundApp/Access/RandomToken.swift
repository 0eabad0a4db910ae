/// Unguessable tokens for session cookies, CSRF tokens, API keys and generated passwords.
///
/// `SystemRandomNumberGenerator` reads the operating system's CSPRNG
/// (getrandom on Linux), which is what these need.
public enum RandomToken {
    private static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `length` characters of the URL-safe base64 alphabet (6 bits each): 43 characters ≈ 256 bits.
    public static func make(length: Int = 43) -> String {
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<length).map { _ in urlSafe[Int(generator.next() % 64)] }, as: UTF8.self)
    }

    /// A password a person can type: 16 characters without look-alikes (0/O, 1/l/I), ≈ 90 bits.
    public static func password() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".utf8)
        var generator = SystemRandomNumberGenerator()
        var chars = (0..<16).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        // Always at least one digit, so the generated password meets the policy it is checked against.
        chars[Int(generator.next() % 16)] = Array("23456789".utf8)[Int(generator.next() % 8)]
        return String(decoding: chars, as: UTF8.self)
    }
}
