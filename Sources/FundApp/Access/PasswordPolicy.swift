/// What a password must be: long enough to resist guessing, with letters and digits.
///
/// Checked when a user is created and when a password is changed; the
/// messages are in Chinese because they are shown on the form.
public enum PasswordPolicy {
    public static let minimumLength = 10

    /// The problems with a password, or none.
    public static func problems(_ password: String, userName: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("密码至少 \(minimumLength) 个字符") }
        if password.count > 72 { problems.append("密码最多 72 个字符") }
        if !password.contains(where: \.isLetter) || !password.contains(where: \.isNumber) {
            problems.append("密码须同时包含字母和数字")
        }
        if !userName.isEmpty && password.lowercased().contains(userName.lowercased()) {
            problems.append("密码不能包含用户名")
        }
        if CommonPasswords.contains(password) { problems.append("这是常见密码，容易被猜中，请换一个") }
        return problems
    }
}

/// What a sign-in name must be.
public enum UserNamePolicy {
    /// ASCII letters, digits, `.`, `_`, `-`; 3 to 32 characters; starts with a letter.
    public static func problems(_ name: String) -> [String] {
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.value >= 0x61 && $0.value <= 0x7a) || ($0.value >= 0x41 && $0.value <= 0x5a)
                || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard (2...32).contains(name.count), allowed, let first = name.unicodeScalars.first,
            (first.value >= 0x61 && first.value <= 0x7a) || (first.value >= 0x41 && first.value <= 0x5a)
        else { return ["用户名须为 2–32 个英文字母、数字或 . _ -，以字母开头"] }
        return []
    }
}
