import ArgumentParser
import Foundation
import FundApp
import FundStore

/// `fundguard user`: the people who use the console.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "用户管理 Manage the users of the console.",
        subcommands: [Add.self, List.self]
    )

    /// `fundguard user add`: creates a user; the password comes from standard input or is generated and printed once.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建用户 Add a user (password from stdin, or generated and printed once).",
            discussion: """
                Roles: admin 省级管理员, supervisor 省级监督员, city_handler 市级经办 (needs --region), auditor 审计.
                With --password-stdin the first line of standard input is the password; otherwise one is generated.
                """)

        @Option(help: "The SQLite database of the platform.")
        var db: String

        @Option(help: "Sign-in name (letters, digits, . _ -; starts with a letter).")
        var name: String

        @Option(help: "admin | supervisor | city_handler | auditor")
        var role: String

        @Option(help: "The city of a city_handler (XXXX00).")
        var region: String?

        @Option(help: "The person's name as shown in the console (default: the sign-in name).")
        var displayName: String?

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        @Flag(
            help:
                "Make the person change the password at the first sign-in (always so for a generated password).")
        var mustChangePassword = false

        func run() throws {
            let store = try SQLiteFundStore(path: db)
            var password: String?
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw ValidationError("标准输入中没有密码 no password on standard input")
                }
                password = line
            }
            do {
                let (user, generated) = try UserDirectory(store: store).create(
                    .init(name: name, displayName: displayName ?? name, role: role, region: region, password: password),
                    mustChangePassword: mustChangePassword ? true : nil)
                print(
                    "已创建用户 user created: \(user.name) (\(user.role.chineseName)\(user.regionCode.map { " \($0.raw)" } ?? ""))"
                )
                if let generated {
                    print("初始密码（只显示这一次）one-time password: \(generated)")
                }
            } catch let invalid as UserDirectory.Invalid {
                throw ValidationError("无法创建用户 cannot create the user:\n" + invalid.description)
            }
        }
    }

    /// `fundguard user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出用户 List the users.")

        @Option(help: "The SQLite database of the platform.")
        var db: String

        func run() throws {
            let store = try SQLiteFundStore(path: db)
            for user in try store.users() {
                print(
                    "\(user.name)\t\(user.displayName)\t\(user.role.rawValue)\t\(user.regionCode?.raw ?? "-")\t\(user.active ? "active" : "inactive")"
                )
            }
        }
    }
}
