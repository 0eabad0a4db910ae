import Foundation
import FundModel
import FundStore
import Settlement
import Testing

@Suite("institutions' credentials")
struct InstitutionKeysTests {
    typealias W = SettlementWorld

    @Test("issued, rotated and revoked; accepted only unrevoked and with an agreement in force; stored hashed")
    func lifecycle() throws {
        let world = try W()
        let store = world.store
        let first = try InstitutionKeys.issue(
            store: store, institutionID: "H1", label: "HIS", by: "prov", at: W.now, rotate: false)
        #expect(first.key.hasPrefix("fgi_") && first.key.count == 47)
        #expect(try InstitutionKeys.authenticate(store: store, key: first.key, on: W.today).institutionID == "H1")
        let second = try InstitutionKeys.issue(
            store: store, institutionID: "H1", label: "", by: "prov", at: W.now, rotate: true)
        #expect(second.key != first.key)
        func code(_ key: String) -> String? {
            do {
                _ = try InstitutionKeys.authenticate(store: store, key: key, on: W.today)
                return nil
            } catch let error as SettlementError {
                return error.code
            } catch {
                return "\(error)"
            }
        }
        #expect(code(first.key) == "invalid_institution_key")
        #expect(code(second.key) == nil)
        try InstitutionKeys.revoke(
            store: store, institutionID: "H1", credentialID: second.credential.id, by: "prov", at: W.now)
        #expect(code(second.key) == "invalid_institution_key")
        #expect(throws: SettlementError.self) {
            try InstitutionKeys.revoke(
                store: store, institutionID: "H1", credentialID: second.credential.id, by: "prov", at: W.now)
        }
        // R1's agreement ended in 2025.
        let ended = try InstitutionKeys.issue(
            store: store, institutionID: "R1", label: "", by: "prov", at: W.now, rotate: false)
        #expect(code(ended.key) == "no_active_agreement")
        #expect(code("fgk_not-an-institution-key") == "invalid_institution_key")
        #expect(throws: SettlementError.self) {
            try InstitutionKeys.issue(
                store: store, institutionID: "NOPE", label: "", by: "prov", at: W.now, rotate: false)
        }
        let listed = try store.institutionCredentials(institutionID: "H1")
        #expect(listed.map(\.isRevoked) == [true, true])
        #expect(listed.allSatisfy { first.key.hasPrefix($0.prefix) || second.key.hasPrefix($0.prefix) })
    }

    @Test("only an active administrator or supervisor acts on credentials")
    func provinceUser() throws {
        let world = try W()
        for (name, role, region) in [
            ("prov", Role.supervisor, nil), ("root", .admin, nil), ("nj", .cityHandler, RegionCode("320100")),
            ("aud", .auditor, nil),
        ] as [(String, Role, RegionCode?)] {
            _ = try world.store.createUser(
                name: name, displayName: name, role: role, regionCode: region, passwordHash: "x", at: W.now)
        }
        #expect(try InstitutionKeys.provinceUser(store: world.store, name: "prov").name == "prov")
        #expect(try InstitutionKeys.provinceUser(store: world.store, name: "root").name == "root")
        for name in ["nj", "aud", "nobody"] {
            #expect(throws: SettlementError.self) { try InstitutionKeys.provinceUser(store: world.store, name: name) }
        }
        let root = try #require(try world.store.user(name: "root"))
        try world.store.setActive(userID: root.id, active: false)
        #expect(throws: SettlementError.self) { try InstitutionKeys.provinceUser(store: world.store, name: "root") }
    }
}
