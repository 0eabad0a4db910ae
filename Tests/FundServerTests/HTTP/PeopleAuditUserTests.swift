import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("Worker and case pages, the audit log page, user administration")
struct PeopleAuditUserTests {
    @Test func workerPageInFullForTheHandlerAndAudited() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/workers/\(TestWorld.worker3.raw)", session: try await client.login("wx"))
            #expect(page.status == .ok)
            #expect(page.contains("王强") && page.contains(TestWorld.worker3.raw))
            #expect(page.contains("共 2 笔，合计 1,600.00 元"))
            #expect(page.contains("C3"))
            #expect(page.contains("DQ01 身份证号校验错误") && page.contains("R08 重复票据"))
        }
        let views = try world.auditEntries(action: "view.worker")
        #expect(views.count == 1 && views[0].targetID == TestWorld.worker3.raw && views[0].userName == "wx")
    }

    @Test func workerPageMaskedForTheAuditor() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/workers/\(TestWorld.worker3.raw)", session: try await client.login("aud"))
            #expect(page.status == .ok)
            #expect(!page.contains("王强") && page.contains("王*"))
            #expect(
                !page.visibleText.contains(TestWorld.worker3.raw) && page.visibleText.contains(TestWorld.worker3.masked)
            )
            #expect(!page.contains("1990-03-03"))
        }
        #expect(try world.auditEntries(action: "view.worker").count == 1)
    }

    @Test func anotherCitysPeopleAreNotFound() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            #expect(try await client.get("/workers/\(TestWorld.worker3.raw)", session: session).status == .notFound)
            #expect(try await client.get("/cases/C3", session: session).status == .notFound)
            #expect(try await client.get("/workers/not-an-id", session: session).status == .notFound)
            #expect(try await client.get("/cases/NOPE", session: session).status == .notFound)
        }
        #expect(try world.auditEntries(action: "view").isEmpty)
    }

    @Test func casePage() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get("/cases/C1", session: try await client.login("nj"))
            #expect(page.status == .ok)
            #expect(page.contains("认定案件 C1") && page.contains("机械伤手") && page.contains("8,000.00 元"))
            #expect(page.contains("共 2 笔，合计 251,234.50 元"))
            #expect(page.contains("R05 死亡后支出") && page.contains("R03 大额支出"))
        }
        let views = try world.auditEntries(action: "view.case")
        #expect(views.count == 1 && views[0].targetID == "C1")
    }

    @Test func auditLogForAdminsAndAuditorsOnly() async throws {
        let world = try TestWorld()
        try await world.test { client in
            for name in ["sup", "nj"] {
                let page = try await client.get("/audit", session: try await client.login(name))
                #expect(page.status == .forbidden, "\(name)")
            }
            let auditor = try await client.login("aud")
            let page = try await client.get("/audit", session: auditor)
            #expect(page.status == .ok)
            // Sign-ins of sup, nj and aud so far.
            #expect(page.contains("共 3 条"))
            #expect(page.contains("10.1.2.3"))
            let filtered = try await client.get("/audit?user=nj&action=login", session: auditor)
            #expect(filtered.contains("共 1 条"))
            let none = try await client.get("/audit?outcome=failed", session: auditor)
            #expect(none.contains("共 0 条"))
            for (query, message) in [
                ("outcome=maybe", "结果须为"), ("from=2025-02-30", "起始日期"), ("to=x", "截止日期"), ("page=-1", "页码"),
            ] {
                let bad = try await client.get("/audit?" + query, session: auditor)
                #expect(bad.status == .unprocessableContent, "\(query)")
                #expect(bad.contains(message), "\(query)")
            }
        }
    }

    @Test func auditLogIsAppendOnly() throws {
        let world = try TestWorld()
        try world.store.appendAudit(
            AuditEntry(userID: nil, userName: "x", role: "", action: "login", remoteAddress: "-"))
        #expect(throws: (any Error).self) {
            try world.store.databaseWriter.write { db in try db.execute(sql: "UPDATE audit_log SET user_name = 'y'") }
        }
        #expect(throws: (any Error).self) {
            try world.store.databaseWriter.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
        #expect(try world.store.auditCount(AuditQuery()) == 1)
    }

    @Test func adminCreatesUsersWithAGeneratedPassword() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let admin = try await client.login("admin")
            let page = try await client.post(
                "/users",
                [
                    ("name", "sz.handler"), ("display_name", "苏州经办"), ("role", "city_handler"), ("region", "320100"),
                    ("password", ""),
                ],
                session: admin)
            #expect(page.status == .ok)
            let password = try #require(
                Client.Page.firstMatch(in: page.body, after: "<code id=\"generated-password\">", until: "</code>"))
            #expect(password.count == 16)
            let session = try await client.login("sz.handler", password: password)
            // The generated password must be changed before anything else (issue 11 #7).
            let dashboard = try await client.get("/dashboard", session: session)
            #expect(dashboard.status == .seeOther && dashboard.location == "/account/password")
        }
        let created = try world.auditEntries(action: "user.create")
        #expect(created.count == 1 && created[0].targetID == "sz.handler" && created[0].userName == "admin")
        #expect(try world.store.user(name: "sz.handler")?.regionCode == TestWorld.nanjing)
    }

    static let badUserCases: [([(String, String)], String)] = [
        ([("name", "1abc"), ("display_name", "x"), ("role", "auditor")], "用户名须为"),
        ([("name", "nj"), ("display_name", "x"), ("role", "auditor")], "用户名 nj 已存在"),
        ([("name", "newone"), ("display_name", ""), ("role", "auditor")], "请填写姓名"),
        ([("name", "newone"), ("display_name", "x"), ("role", "king")], "角色须为"),
        ([("name", "newone"), ("display_name", "x"), ("role", "city_handler")], "市级经办须指定所属统筹地区"),
        ([("name", "newone"), ("display_name", "x"), ("role", "city_handler"), ("region", "320101")], "地区须为市级代码"),
        ([("name", "newone"), ("display_name", "x"), ("role", "city_handler"), ("region", "330100")], "不在地区表中"),
        ([("name", "newone"), ("display_name", "x"), ("role", "auditor"), ("region", "320100")], "省级角色不属于某一城市"),
        ([("name", "newone"), ("display_name", "x"), ("role", "auditor"), ("password", "abc")], "密码至少 10 个字符"),
    ]

    @Test(arguments: badUserCases)
    func badUserInput(fields: [(String, String)], message: String) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.post("/users", fields, session: try await client.login("admin"))
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(message))
        }
        #expect(try world.store.users().count == 6)
        #expect(try world.auditEntries(action: "user.create").first?.outcome == "failed")
    }

    @Test func onlyAdminsManageUsers() async throws {
        let world = try TestWorld()
        let wx = try #require(try world.store.user(name: "wx"))
        try await world.test { client in
            let sup = try await client.login("sup")
            #expect(try await client.get("/users", session: sup).status == .forbidden)
            let create = try await client.post(
                "/users", [("name", "x1"), ("display_name", "x"), ("role", "auditor")], session: sup)
            #expect(create.status == .forbidden)
            let admin = try await client.login("admin")
            let noToken = try await client.post(
                "/users/\(wx.id)/active", [("active", "0")], session: admin, csrf: .none)
            #expect(noToken.status == .forbidden)
            let bad = try await client.post("/users/\(wx.id)/active", [("active", "maybe")], session: admin)
            #expect(bad.status == .unprocessableContent)
            let off = try await client.post("/users/\(wx.id)/active", [("active", "0")], session: admin)
            #expect(off.status == .seeOther)
            let unknown = try await client.post("/users/99999/active", [("active", "0")], session: admin)
            #expect(unknown.status == .notFound)
        }
        #expect(try world.store.user(name: "wx")?.active == false)
        #expect(try world.auditEntries(action: "user.deactivate").count == 1)
    }
}
