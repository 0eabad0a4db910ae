import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("JSON API under /api/v1/casework")
struct CaseworkAPITests {
    static func post(_ client: Client, _ path: String, _ body: [String: Any], _ headers: HTTPFields) async throws
        -> Client.Page
    {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await client.request(.post, path, headers: headers, body: ByteBuffer(bytes: data))
    }

    static func object(_ page: Client.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func array(_ page: Client.Page) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [[String: Any]])
    }

    @Test func determinationsListGetAndAct() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try APITests.key(world, "nj")
            let wx = try APITests.key(world, "wx")
            let list = try Self.array(try await client.request(.get, "/api/v1/casework/determinations", headers: nj))
            #expect(Set(list.compactMap { $0["caseID"] as? String }) == ["D-NJ-1", "D-NJ-OLD", "D-NJ-DONE"])
            #expect(list.allSatisfy { ($0["workerID"] as? String)?.contains("*") == true })
            let bad = try await client.request(.get, "/api/v1/casework/determinations?state=x", headers: nj)
            #expect(
                try bad.status == .unprocessableContent
                    && (Self.object(bad)["fields"] as? [String: String])?["state"] != nil)
            let one = try Self.object(
                try await client.request(.get, "/api/v1/casework/determinations/D-NJ-1", headers: nj))
            #expect((one["file"] as? [String: Any])?["workerID"] as? String == TestWorld.worker1.raw)
            #expect((one["history"] as? [[String: Any]])?.count == 1)
            let hidden = try await client.request(.get, "/api/v1/casework/determinations/D-NJ-1", headers: wx)
            #expect(hidden.status == .notFound)
            let refused = try await Self.post(
                client, "/api/v1/casework/determinations/D-NJ-1/steps", ["action": "deliver"], nj)
            #expect(try refused.status == .conflict && (Self.object(refused)["code"] as? String) == "refused")
            let accepted = try await Self.post(
                client, "/api/v1/casework/determinations/D-NJ-1/steps", ["action": "accept", "clear_case": "1"], nj)
            #expect(try accepted.status == .ok && (Self.object(accepted)["state"] as? String) == "accepted")
            let opened = try await Self.post(
                client, "/api/v1/casework/determinations",
                [
                    "case_id": "D-API", "worker_id": TestWorld.worker1.raw, "region": "320100",
                    "accident_date": CaseworkWorld.day(-3).iso,
                ], nj)
            #expect(try opened.status == .created && (Self.object(opened)["state"] as? String) == "applied")
            let invalid = try await Self.post(client, "/api/v1/casework/determinations", ["case_id": "D-API2"], nj)
            let fields = try Self.object(invalid)["fields"] as? [String: String]
            #expect(invalid.status == .unprocessableContent && fields?["worker_id"] != nil && fields?["region"] != nil)
            let auditor = try await Self.post(
                client, "/api/v1/casework/determinations/D-NJ-1/steps", ["action": "startInvestigation"],
                try APITests.key(world, "aud"))
            #expect(auditor.status == .forbidden)
            var jsonHeaders = nj
            jsonHeaders[.contentType] = "application/json"
            let notJSON = try await client.request(
                .post, "/api/v1/casework/determinations", headers: jsonHeaders, body: ByteBuffer(string: "{"))
            #expect(notJSON.status == .badRequest)
        }
        #expect(try Casework(store: world.store).determinations.file("D-NJ-1")?.clearCase == true)
    }

    @Test func assessmentsDrawAndDeadlines() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try APITests.key(world, "nj")
            let list = try Self.array(try await client.request(.get, "/api/v1/casework/assessments", headers: nj))
            #expect(list.map { $0["assessmentID"] as? String } == ["A-NJ-1"])
            let draw = try await Self.post(
                client, "/api/v1/casework/assessments/A-NJ-1/steps", ["action": "draw", "size": 3, "seed": "9"], nj)
            #expect(draw.status == .ok)
            let drawn = try Self.object(draw)
            #expect((drawn["panel"] as? [String])?.count == 3)
            let one = try Self.object(
                try await client.request(.get, "/api/v1/casework/assessments/A-NJ-1", headers: nj))
            let draws = try #require(one["draws"] as? [[String: Any]])
            #expect(draws.first?["seed"] as? String == "9" && draws.first?["replayMatches"] as? Bool == true)
            let excluded = try #require(draws.first?["excluded"] as? [[String: Any]])
            #expect(excluded.first?["expertID"] as? String == "X1")
            #expect(excluded.first?["reasons"] as? [String] == ["evidenceInstitution"])
            let badSize = try await Self.post(
                client, "/api/v1/casework/assessments/A-NJ-1/steps", ["action": "redraw", "size": 2, "reason": "x"], nj)
            #expect(badSize.status == .unprocessableContent)
            let open = try await Self.post(
                client, "/api/v1/casework/assessments",
                ["assessment_id": "A-API", "case_id": "D-NJ-1", "specialties": "骨科"], nj)
            #expect(open.status == .conflict)
            let hidden = try await client.request(
                .get, "/api/v1/casework/assessments/A-NJ-1", headers: try APITests.key(world, "wx"))
            #expect(hidden.status == .notFound)
            let deadlines = try Self.array(try await client.request(.get, "/api/v1/casework/deadlines", headers: nj))
            let overdue = try #require(deadlines.first?["overdue"] as? [[String: Any]])
            #expect(overdue.first?["id"] as? String == "D-NJ-OLD" && overdue.first?["daysLeft"] as? Int == -30)
            let experts = try Self.array(try await client.request(.get, "/api/v1/casework/experts", headers: nj))
            #expect(experts.filter { ($0["panels"] as? Int) == 1 }.count == 3)
            let badDays = try await client.request(.get, "/api/v1/casework/deadlines?days=-1", headers: nj)
            #expect(badDays.status == .unprocessableContent)
        }
    }

    @Test func institutionsCampaignsRiskPoints() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try APITests.key(world, "sup")
            let nj = try APITests.key(world, "nj")
            let institutions = try Self.object(
                try await client.request(.get, "/api/v1/casework/institutions", headers: nj))
            #expect((institutions["institutions"] as? [[String: Any]])?.count == 2)
            #expect((institutions["expiring"] as? [[String: Any]])?.first?["agreementID"] as? String == "AG1")
            let register = try await Self.post(
                client, "/api/v1/casework/institutions",
                ["institution_id": "H8", "name": "新机构", "kind": "rehab", "region": "320200"], sup)
            #expect(register.status == .created)
            let forbidden = try await Self.post(
                client, "/api/v1/casework/institutions",
                ["institution_id": "H7", "name": "x", "kind": "rehab", "region": "320100"], nj)
            #expect(forbidden.status == .forbidden)
            let sign = try await Self.post(
                client, "/api/v1/casework/agreements",
                [
                    "agreement_id": "AG8", "institution_id": "H8", "services": "rehab",
                    "start_date": CaseworkWorld.day(0).iso,
                    "end_date": CaseworkWorld.day(10).iso,
                ], sup)
            #expect(sign.status == .created)
            let terminate = try await Self.post(
                client, "/api/v1/casework/agreements/AG8/steps", ["action": "terminate", "reason": "机构注销"], sup)
            #expect(try terminate.status == .ok && (Self.object(terminate)["status"] as? String) == "terminated")
            let after = try await Self.post(
                client, "/api/v1/casework/agreements/AG8/steps", ["action": "reinstate", "reason": "x"], sup)
            #expect(after.status == .conflict)
            let campaigns = try Self.array(try await client.request(.get, "/api/v1/casework/campaigns", headers: nj))
            #expect(campaigns.map { $0["campaignID"] as? String } == ["CP1"])
            let open = try await Self.post(
                client, "/api/v1/casework/campaigns",
                ["campaign_id": "CP2", "title": "无锡检查", "region": "320200", "due": CaseworkWorld.day(5).iso], sup)
            #expect(open.status == .created)
            let hiddenCampaign = try await client.request(.get, "/api/v1/casework/campaigns/CP2", headers: nj)
            #expect(hiddenCampaign.status == .notFound)
            let answer = try await Self.post(
                client, "/api/v1/casework/campaigns/CP1/steps",
                [
                    "action": "answer", "institution_id": "H1", "item_id": "C01", "result": "nonCompliant",
                    "note": "协议过期",
                ], nj)
            #expect(answer.status == .ok)
            let cp1 = try Self.object(try await client.request(.get, "/api/v1/casework/campaigns/CP1", headers: nj))
            #expect((cp1["institutions"] as? [[String: Any]])?.map { $0["institutionID"] as? String } == ["H1", "H3"])
            #expect((cp1["risks"] as? [[String: Any]])?.first?["description"] as? String == "协议过期")
            let badAction = try await Self.post(client, "/api/v1/casework/campaigns/CP1/steps", ["action": "x"], sup)
            #expect(badAction.status == .unprocessableContent)
            let seed = try await Self.post(client, "/api/v1/casework/risk-points", ["action": "seed"], sup)
            #expect(seed.status == .ok)
            let points = try Self.array(try await client.request(.get, "/api/v1/casework/risk-points", headers: nj))
            #expect(points.count == DefaultRiskInventory.points.count)
            let njEdit = try await Self.post(client, "/api/v1/casework/risk-points", ["action": "seed"], nj)
            #expect(njEdit.status == .forbidden)
        }
    }
}
