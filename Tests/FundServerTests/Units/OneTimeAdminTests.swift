import FundApp
import FundStore
import HummingbirdBcrypt
import Testing

@testable import FundServer

@Suite("The one-time administrator of fundguard demo")
struct OneTimeAdminTests {
    @Test func createsAnAdminWithAUsablePasswordAndNeverReusesAName() throws {
        let world = try TestWorld()
        let first = try FundServer.createOneTimeAdmin(store: world.store, name: "demo")
        let second = try FundServer.createOneTimeAdmin(store: world.store, name: "demo")
        #expect(first.name == "demo" && second.name == "demo2")
        #expect(first.password != second.password)
        let user = try #require(try world.store.user(name: "demo"))
        #expect(user.role == .admin && user.regionCode == nil)
        #expect(Bcrypt.verify(first.password, hash: user.passwordHash))
        #expect(PasswordPolicy.problems(first.password, userName: "demo").isEmpty)
    }

    @Test func anonymousPostsAreRefusedWithoutReadingAForm() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.post(
                "/findings/\(TestWorld.redNanjing)/steps", [("action", "note")], session: nil, csrf: .none)
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login?next=") == true)
        }
    }
}
