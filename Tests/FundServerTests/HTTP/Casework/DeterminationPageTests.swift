import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("Casework pages: determinations and deadlines")
struct DeterminationPageTests {
    static let page = "/casework/determinations/D-NJ-1"

    @Test func listIsScopedAndFiltered() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let all = try await client.get("/casework/determinations", session: try await client.login("sup"))
            #expect(all.status == .ok)
            #expect(all.contains("D-NJ-1") && all.contains("D-WX-1") && all.contains("共 4 件"))
            // Lists mask the worker.
            #expect(!all.visibleText.contains(TestWorld.worker1.raw))
            let nj = try await client.login("nj")
            let mine = try await client.get("/casework/determinations", session: nj)
            #expect(mine.contains("D-NJ-1") && !mine.contains("D-WX-1") && mine.contains("共 3 件"))
            let applied = try await client.get("/casework/determinations?state=applied", session: nj)
            #expect(applied.contains("D-NJ-1") && !applied.contains("D-NJ-OLD") && applied.contains("共 1 件"))
            let bad = try await client.get("/casework/determinations?state=nonsense", session: nj)
            #expect(bad.status == .unprocessableContent && bad.contains("state"))
            let anonymous = try await client.get("/casework/determinations")
            #expect(anonymous.status == .seeOther)
        }
    }

    @Test func pageShowsChecklistDueDatesFormsAndIsAudited() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let page = try await client.get(Self.page, session: try await client.login("nj"))
            #expect(page.status == .ok)
            #expect(page.contains("工伤认定申请表") && page.contains("\(CaseworkWorld.day(-3).iso) 收到"))
            // 认定办法 8: acceptance within 15 days of the application.
            #expect(page.contains(CaseworkWorld.day(-3 + 15).iso))
            #expect(page.contains("id=\"form-accept\"") && page.contains("id=\"form-refuseAcceptance\""))
            #expect(!page.contains("id=\"form-decide\""))
            #expect(page.contains(TestWorld.worker1.raw))
            let auditor = try await client.get(Self.page, session: try await client.login("aud"))
            #expect(auditor.status == .ok && !auditor.contains("id=\"form-accept\""))
            #expect(!auditor.visibleText.contains(TestWorld.worker1.raw))
            let other = try await client.get(Self.page, session: try await client.login("wx"))
            #expect(other.status == .notFound && !other.contains("D-NJ-1"))
        }
        let views = try world.auditEntries(action: "view.determination")
        #expect(views.map(\.userName).sorted() == ["aud", "nj"])
    }

    @Test func stepsAdvanceAndAreAudited() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try await client.login("nj")
            let accept = try await client.post(Self.page + "/steps", [("action", "accept")], session: nj)
            #expect(accept.status == .seeOther && accept.location?.hasPrefix(Self.page + "?done=") == true)
            let after = try await client.get(accept.location!, session: nj)
            #expect(after.contains("已受理") && after.contains("id=\"form-decide\""))
            // 60 days from acceptance today (条例 20).
            #expect(after.contains(CaseworkWorld.due(60).iso))
        }
        let file = try #require(try Casework(store: world.store).determinations.file("D-NJ-1"))
        #expect(file.state == .accepted && file.acceptedDate == CaseworkWorld.today)
        let lines = try world.auditEntries(action: "casework.determination.accept")
        #expect(lines.count == 1 && lines[0].outcome == "ok" && lines[0].targetID == "D-NJ-1")
    }

    @Test func refusedStepShowsTheReasonAndChangesNothing() async throws {
        let world = try CaseworkWorld.make()
        let before = try CaseworkWorld.historyCount(world, determination: "D-NJ-1")
        try await world.test { client in
            let nj = try await client.login("nj")
            let decide = try await client.post(
                Self.page + "/steps",
                [
                    ("action", "decide"), ("outcome", "recognized"), ("basis", "14(1)"),
                    ("injured_parts", "右手"),
                ], session: nj)
            #expect(decide.status == .conflict)
            #expect(decide.contains("受理") && decide.contains("flash error"))
            // 条例 18: notice only once; a complete application needs no notice at all.
            let notice = try await client.post(Self.page + "/steps", [("action", "notifyIncomplete")], session: nj)
            #expect(notice.status == .conflict && notice.contains("条例第十八条"))
        }
        #expect(try CaseworkWorld.historyCount(world, determination: "D-NJ-1") == before)
        #expect(try Casework(store: world.store).determinations.file("D-NJ-1")?.state == .applied)
        #expect(try world.auditEntries(action: "casework.determination.decide").first?.outcome == "failed")
    }

    @Test func wrongRoleOtherRegionAndBadInput() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let auditor = try await client.post(
                Self.page + "/steps", [("action", "accept")], session: try await client.login("aud"))
            #expect(auditor.status == .forbidden)
            let wx = try await client.post(
                Self.page + "/steps", [("action", "accept")], session: try await client.login("wx"))
            #expect(wx.status == .notFound)
            let nj = try await client.login("nj")
            let noToken = try await client.post(Self.page + "/steps", [("action", "accept")], session: nj, csrf: .none)
            #expect(noToken.status == .forbidden)
            let unknown = try await client.post(Self.page + "/steps", [("action", "fly")], session: nj)
            #expect(unknown.status == .unprocessableContent && unknown.contains("action"))
            let badDay = try await client.post(
                Self.page + "/steps", [("action", "accept"), ("on", "2025-13-40")], session: nj)
            #expect(badDay.status == .unprocessableContent && badDay.contains("on"))
            let future = try await client.post(
                Self.page + "/steps", [("action", "accept"), ("on", CaseworkWorld.day(3).iso)], session: nj)
            #expect(future.status == .unprocessableContent && future.contains("晚于今天"))
        }
        #expect(try Casework(store: world.store).determinations.file("D-NJ-1")?.state == .applied)
        #expect(try world.auditEntries(action: "casework.determination.accept").contains { $0.outcome == "denied" })
    }

    @Test func openRegistersOrExplains() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try await client.login("nj")
            let ok = try await client.post(
                "/casework/determinations",
                [
                    ("case_id", "D-NEW"), ("worker_id", TestWorld.worker1.raw), ("region", "320100"),
                    ("accident_date", CaseworkWorld.day(-5).iso), ("materials", "applicationForm"),
                ], session: nj)
            #expect(ok.status == .seeOther && ok.location?.hasPrefix("/casework/determinations/D-NEW?done=") == true)
            let page = try await client.get(ok.location!, session: nj)
            #expect(page.contains("id=\"form-notifyIncomplete\"") && page.contains(">缺<"))
            let bad = try await client.post(
                "/casework/determinations", [("case_id", "D-BAD"), ("worker_id", "123"), ("kind", "x")], session: nj)
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.contains("worker_id") && bad.contains("region") && bad.contains("accident_date")
                    && bad.contains("kind"))
            let duplicate = try await client.post(
                "/casework/determinations",
                [
                    ("case_id", "D-NJ-1"), ("worker_id", TestWorld.worker1.raw), ("region", "320100"),
                    ("accident_date", CaseworkWorld.day(-5).iso),
                ], session: nj)
            #expect(duplicate.status == .conflict && duplicate.contains("已存在"))
            let otherCity = try await client.post(
                "/casework/determinations",
                [
                    ("case_id", "D-X"), ("worker_id", TestWorld.worker3.raw), ("region", "320200"),
                    ("accident_date", CaseworkWorld.day(-5).iso),
                ], session: nj)
            #expect(otherCity.status == .forbidden)
            let auditor = try await client.post(
                "/casework/determinations", [("case_id", "D-Y")], session: try await client.login("aud"))
            #expect(auditor.status == .forbidden)
            let fromImport = try await client.post(
                "/casework/determinations", [("case_id", "C1"), ("from_import", "1")], session: nj)
            #expect(fromImport.status == .seeOther)
        }
        let register = Casework(store: world.store).determinations
        #expect(try register.file("D-NEW")?.missingMaterials.count == 2)
        #expect(try register.file("D-BAD") == nil && register.file("D-X") == nil && register.file("D-Y") == nil)
        #expect(try register.file("C1")?.regionCode == TestWorld.nanjing)
    }

    @Test func dueListsOverduePerCity() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.get("/casework/due", session: try await client.login("sup"))
            #expect(sup.status == .ok)
            // D-NJ-OLD: accepted 90 days ago, decision due 30 days ago.
            #expect(sup.contains("南京市 · 逾期 1"))
            #expect(sup.contains("D-NJ-OLD") && sup.contains(CaseworkWorld.day(-30).iso) && sup.contains("逾期 30 天"))
            // D-WX-1: acceptance due in 13 days, outside the default 7 days.
            #expect(!sup.contains("D-WX-1"))
            let wider = try await client.get("/casework/due?days=20", session: try await client.login("sup"))
            #expect(wider.contains("D-WX-1") && wider.contains("剩余 13 天"))
            let wx = try await client.get("/casework/due?days=20", session: try await client.login("wx"))
            #expect(wx.contains("D-WX-1") && !wx.contains("D-NJ-OLD"))
            let bad = try await client.get("/casework/due?days=abc", session: try await client.login("wx"))
            #expect(bad.status == .unprocessableContent && bad.contains("days"))
        }
    }

    @Test func dashboardCountsCasework() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let page = try await client.get("/dashboard", session: try await client.login("sup"))
            #expect(page.status == .ok && page.contains("id=\"casework-summary\""))
            let summary = page.from(id: "casework-summary")
            #expect(summary.contains("逾期工伤认定</div><div class=\"value\">1<"))
            // AG1 ends in 20 days.
            #expect(summary.contains("30 天内到期协议</div><div class=\"value\">1<"))
            #expect(summary.contains("<td><a href=\"/casework/due\">南京市</a></td><td class=\"num\">1</td>"))
            let wx = try await client.get("/dashboard", session: try await client.login("wx"))
            #expect(wx.from(id: "casework-summary").contains("逾期工伤认定</div><div class=\"value\">0<"))
        }
    }
}
