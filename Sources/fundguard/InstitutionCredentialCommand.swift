import ArgumentParser
import Foundation
import FundModel
import FundStore
import Settlement

/// `fundguard institution credential`: the settlement API credentials of a contracted institution (issue 13),
/// issued, rotated and revoked by a province user (an administrator or a supervisor), each act in the audit log.
struct InstitutionCredentialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential",
        abstract: "结算接口凭证 Settlement API credentials of an institution: issue, rotate, revoke, list.",
        subcommands: [Issue.self, Rotate.self, Revoke.self, List.self]
    )

    /// `--db`, `--institution`, `--by` (a province user of the console).
    struct Target: ParsableArguments {
        @OptionGroup var store: StoreOption
        @Option(help: "Institution id.") var institution: String
        @Option(name: .customLong("by"), help: "省级用户 The province user (admin or supervisor) who acts.")
        var user: String

        /// The store and the acting user, checked to be a province user.
        func open() throws -> (SQLiteFundStore, UserAccount) {
            let store = try store.store()
            do {
                return (store, try InstitutionKeys.provinceUser(store: store, name: user))
            } catch let error as SettlementError {
                throw CommandFailure("--by \(user): \(error.message) must be an active admin or supervisor")
            }
        }

        func audit(_ store: SQLiteFundStore, _ account: UserAccount, _ action: String, _ detail: String) throws {
            try store.appendAudit(
                AuditEntry(
                    userID: account.id, userName: account.name, role: account.role.rawValue, action: action,
                    targetType: "institution", targetID: institution, detail: detail, remoteAddress: "cli"))
        }
    }

    static func issue(_ target: Target, label: String?, rotate: Bool) throws {
        let (store, account) = try target.open()
        do {
            let issued = try InstitutionKeys.issue(
                store: store, institutionID: target.institution, label: label ?? "", by: account.name, at: Date(),
                rotate: rotate)
            try target.audit(
                store, account, rotate ? "institution.credential.rotate" : "institution.credential.issue",
                "credential \(issued.credential.id) \(issued.credential.prefix)…")
            print("凭证 \(issued.credential.id)（只显示这一次 shown once）:")
            print(issued.key)
        } catch let error as SettlementError {
            throw CommandFailure("\(error.code): \(error.message)")
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "签发 Issue a credential (printed once).")
        @OptionGroup var target: Target
        @Option(help: "名称 A label, e.g. the institution's system.") var label: String?
        func run() throws { try InstitutionCredentialCommand.issue(target, label: label, rotate: false) }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "轮换 Issue a new credential and revoke every other one of the institution at once.")
        @OptionGroup var target: Target
        @Option(help: "名称 A label.") var label: String?
        func run() throws { try InstitutionCredentialCommand.issue(target, label: label, rotate: true) }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "吊销 Revoke one credential.")
        @OptionGroup var target: Target
        @Option(help: "Credential id (see `list`).") var id: Int64
        func run() throws {
            let (store, account) = try target.open()
            do {
                try InstitutionKeys.revoke(
                    store: store, institutionID: target.institution, credentialID: id, by: account.name, at: Date())
            } catch let error as SettlementError {
                throw CommandFailure("\(error.code): \(error.message)")
            }
            try target.audit(store, account, "institution.credential.revoke", "credential \(id)")
            print("已吊销凭证 \(id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列表 The institution's credentials (never the keys).")
        @OptionGroup var store: StoreOption
        @Option(help: "Institution id.") var institution: String
        func run() throws {
            let credentials = try store.store().institutionCredentials(institutionID: institution)
            for c in credentials {
                let state =
                    c.revokedAt.map { "吊销 \(ISO8601DateFormatter().string(from: $0)) \(c.revokedBy ?? "")" } ?? "在用"
                print(
                    "\(c.id)  \(c.prefix)…  \(c.label)  签发 \(ISO8601DateFormatter().string(from: c.createdAt)) \(c.createdBy)  \(state)"
                )
            }
            print("共 \(credentials.count) 个")
        }
    }
}
