import Foundation
import FundModel
import FundStore

/// Creating users with the checks the console and `fundguard user add` share.
public struct UserDirectory: Sendable {
    public let store: SQLiteFundStore
    public let hasher: PasswordHasher

    public init(store: SQLiteFundStore, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.hasher = hasher
    }

    /// A user to create, as typed.
    public struct NewUser: Sendable {
        public var name: String
        public var displayName: String
        public var role: String
        public var region: String?
        /// `nil`: generate one (returned once, never stored).
        public var password: String?

        public init(name: String, displayName: String, role: String, region: String?, password: String?) {
            self.name = name
            self.displayName = displayName
            self.role = role
            self.region = region
            self.password = password
        }
    }

    /// A refused user, with the problem of each field.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var fields: [String: String]
        public var description: String {
            fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        }
    }

    /// Checks and creates the user; returns it with the generated password, if one was generated.
    ///
    /// - Parameter mustChangePassword: whether the person must change the password at the first sign-in;
    ///   by default only when it was generated (a one-time password). The users page passes `true`: there
    ///   an administrator chooses the password for someone else (issue 11 #7).
    public func create(_ new: NewUser, at date: Date = Date(), mustChangePassword: Bool? = nil) throws -> (
        user: UserAccount, generatedPassword: String?
    ) {
        var problems: [String: String] = [:]
        let name = new.name.trimmingCharacters(in: .whitespaces)
        if let problem = UserNamePolicy.problems(name).first { problems["name"] = problem }
        let displayName = new.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty || displayName.count > 40 { problems["display_name"] = "请填写姓名（40 字以内）" }
        let role = Role(rawValue: new.role)
        if role == nil { problems["role"] = "角色须为 \(Role.codeList)" }
        var region: RegionCode?
        if let text = new.region?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let code = RegionCode(text), code.impliedLevel == .city {
                region = code
                let known = try store.regions()
                if !known.isEmpty && !known.contains(where: { $0.code == code }) {
                    problems["region"] = "地区 \(text) 不在地区表中"
                }
            } else {
                problems["region"] = "地区须为市级代码（6 位数字，以 00 结尾，如 320100）"
            }
        }
        if let role {
            if role.needsRegion && region == nil && problems["region"] == nil {
                problems["region"] = "市级经办须指定所属统筹地区"
            }
            if !role.needsRegion && region != nil { problems["region"] = "省级角色不属于某一城市，请勿填写地区" }
        }
        let generated = new.password == nil ? RandomToken.password() : nil
        let password = new.password ?? generated!
        if let problem = PasswordPolicy.problems(password, userName: name).first { problems["password"] = problem }
        if problems["name"] == nil, try store.user(name: name) != nil { problems["name"] = "用户名 \(name) 已存在" }
        guard problems.isEmpty, let role else { throw Invalid(fields: problems) }
        var user = try store.createUser(
            name: name, displayName: displayName, role: role, regionCode: region,
            passwordHash: hasher.hashNow(password), at: date)
        // A one-time password (generated, or chosen by someone else) is changed at the first sign-in.
        if mustChangePassword ?? (generated != nil) {
            try store.setMustChangePassword(userID: user.id, true)
            user.mustChangePassword = true
        }
        return (user, generated)
    }
}
