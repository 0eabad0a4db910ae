/// Passwords that meet the length and character rules yet are among the first an attacker tries (issue 11 #7
/// "passwords checked against a list of common ones"). A small list, bundled in the code: the most common
/// passwords of the published leak lists that are at least 10 characters with letters and digits, and the
/// obvious ones of this system (its name, 工伤, 社保, 基金 in pinyin). Compared without case.
public enum CommonPasswords {
    public static func contains(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if list.contains(lowered) { return true }
        // A common word followed by digits only (password2024, fundguard123456, …).
        return words.contains { word in
            guard lowered.hasPrefix(word) else { return false }
            let rest = lowered.dropFirst(word.count)
            return !rest.isEmpty && rest.allSatisfy { $0 >= "0" && $0 <= "9" }
        }
    }

    /// Words that, followed by nothing but digits, make a common password.
    static let words: Set<String> = [
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "admin", "administrator", "root", "user", "test", "guest",
        "welcome", "qwerty", "qwertyuiop", "asdfgh", "zxcvbnm", "abc", "abcd", "abcdef", "iloveyou", "woaini",
        "letmein", "changeme", "fundguard", "gongshang", "shebao", "jijin", "gongshangbaoxian", "china", "beijing",
        "nanjing", "jiangsu", "zhang", "wang", "li", "liu", "chen", "dragon", "monkey", "master", "shadow",
        "sunshine", "princess", "football", "baseball", "superman", "michael", "computer", "internet", "hello",
        "secret", "default", "system", "manager", "a", "aa", "aaa", "q", "qq", "qwe", "asd", "zxc",
    ]

    static let list: Set<String> = [
        "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "1qaz2wsx3e", "zaq12wsxcde3", "zaq1zaq1zaq1", "qazwsx123456",
        "qwer1234asdf", "1234qwerasdf", "asdf1234qwer", "q1w2e3r4t5y6", "q1w2e3r4t5", "a1b2c3d4e5", "a1b2c3d4e5f6",
        "1a2b3c4d5e", "123456abcdef", "123456qwerty", "qwerty123456", "abc123abc123", "aaaa1111bbbb",
        "1234567890a", "1234567890q", "123456789a", "123456789q", "0123456789a", "1234abcd1234", "abcd1234abcd",
        "abcdefg123", "abcdefgh12", "qwertyui12", "1qazxsw23edc", "1qaz@wsx3edc", "1qaz!qaz2wsx", "2wsx3edc4rfv",
        "qweasdzxc123", "qweasd123456", "zxcvbnm123", "zxcvbn123456", "asdfghjkl1", "asdfghjkl123",
        "trustno1trustno1", "iloveyou1314", "woaini1314", "woaini520520", "5201314abc", "abc5201314",
        "a5201314520", "wo5201314", "p@ssw0rd-123", "password-123", "admin-123456", "qwerty-123456",
    ]
}
