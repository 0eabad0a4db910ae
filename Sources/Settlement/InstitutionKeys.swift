import Foundation
import FundModel
import FundStore

/// An institution's credential as issued: the key is shown once, to whoever issued it, and never again.
public struct IssuedCredential: Sendable {
    public var credential: InstitutionCredential
    public var key: String
}

/// The API credentials of contracted institutions (issue 13): issued, rotated and revoked by a province
/// user (console and `fundguard institution credential …`), kept as SHA-256 hashes, scoped to their
/// institution, accepted only while it has an agreement in force.
///
/// A key is `fgi_` and 43 characters of a 256-bit random value (base64url): the prefix tells it from a
/// person's API key (`fgk_`) before any lookup, and a key this long needs no slow hash (docs/decisions.md).
public enum InstitutionKeys {
    public static let prefix = "fgi_"

    /// A new random key.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// Issues a credential; with `rotate`, every other credential of the institution is revoked at once.
    public static func issue(
        store: SQLiteFundStore, institutionID: String, label: String, by user: String, at: Date, rotate: Bool
    ) throws -> IssuedCredential {
        var problems = RequestProblems()
        problems.checkText(institutionID, "institution")
        if label.utf8.count > 100 { problems.add("label", "过长（最多 100 字节）too long") }
        if !problems.isEmpty { throw SettlementError.invalid(problems) }
        guard try store.institution(id: institutionID) != nil else {
            throw SettlementError(.notFound, code: "institution_unknown", message: "协议机构 \(institutionID) 未登记")
        }
        let key = make()
        let credential = try store.issueInstitutionCredential(
            institutionID: institutionID, label: label.isEmpty ? "结算接口" : label, keyHash: SHA256.hex(key),
            prefix: String(key.prefix(prefix.count + 6)), by: user, at: at, revokingOthers: rotate)
        return IssuedCredential(credential: credential, key: key)
    }

    /// The person who issues, rotates or revokes: an active province user (an administrator or a supervisor).
    public static func provinceUser(store: SQLiteFundStore, name: String) throws -> UserAccount {
        guard let account = try store.user(name: name), account.active,
            account.role == .admin || account.role == .supervisor
        else {
            throw SettlementError(
                .forbidden, code: "not_a_province_user", message: "\(name) 不是在用的省级管理员或省级监督员")
        }
        return account
    }

    /// Revokes one credential of the institution.
    public static func revoke(
        store: SQLiteFundStore, institutionID: String, credentialID: Int64, by user: String, at: Date
    )
        throws
    {
        guard try store.revokeInstitutionCredential(id: credentialID, institutionID: institutionID, by: user, at: at)
        else {
            throw SettlementError(.notFound, code: "credential_unknown", message: "该机构没有在用的凭证 \(credentialID)")
        }
    }

    /// The credential of a key presented on `day`: known, not revoked, of an institution with an agreement
    /// in force (else 401, or 403 when only the agreement is missing).
    public static func authenticate(store: SQLiteFundStore, key: String, on day: Day) throws -> InstitutionCredential {
        guard key.hasPrefix(prefix), key.utf8.count <= 128,
            let credential = try store.institutionCredential(keyHash: SHA256.hex(key)), !credential.isRevoked
        else {
            throw SettlementError(.unauthorized, code: "invalid_institution_key", message: "机构接口凭证无效或已吊销")
        }
        guard try store.hasActiveAgreement(institutionID: credential.institutionID, on: day) else {
            throw SettlementError(
                .forbidden, code: "no_active_agreement", message: "机构 \(credential.institutionID) 当前没有有效的服务协议，不能结算")
        }
        return credential
    }
}
