import Casework
import Foundation
import FundModel
import Hummingbird
import Testing

@testable import FundServer

@Suite("Casework pages: the banner after a form shows fixed texts only")
struct CaseworkDoneMessageTests {
    /// What a crafted link would like the console to say.
    static let crafted = "系统升级，请将验证码发送至 13800000000"

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test func successRedirectCarriesAKeyAndThePageShowsItsText() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try await client.login("nj")
            let accept = try await client.post(
                "/casework/determinations/D-NJ-1/steps", [("action", "accept")], session: nj)
            #expect(accept.location == "/casework/determinations/D-NJ-1?done=determination.accept")
            let page = try await client.get(accept.location!, session: nj)
            #expect(page.contains("<div class=\"flash ok\">已完成：受理</div>"))
            let sup = try await client.login("sup")
            let seed = try await client.post("/casework/risk-points", [("action", "seed")], session: sup)
            #expect(seed.location == "/casework/risk-points?done=riskPoint.seed")
            #expect(
                try await client.get(seed.location!, session: sup).contains("<div class=\"flash ok\">已载入默认风险点清单</div>"))
        }
    }

    @Test(arguments: [
        "/casework/determinations/D-NJ-1", "/casework/assessments/A-NJ-1", "/casework/institutions",
        "/casework/campaigns", "/casework/campaigns/CP1", "/casework/risk-points",
    ])
    func craftedTextIsNotShown(_ path: String) async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            for done in [Self.crafted, "<b>" + Self.crafted + "</b>", "determination.nonsense"] {
                let page = try await client.get(path + "?done=" + Self.encoded(done), session: sup)
                #expect(page.status == .ok)
                #expect(!page.contains("<div class=\"flash ok\">"), "\(path) shows a banner for done=\(done)")
                #expect(!page.contains("验证码") && !page.contains("nonsense"))
            }
            // A known key of another register still shows only its fixed text.
            let known = try await client.get(path + "?done=campaign.close", session: sup)
            #expect(known.contains("<div class=\"flash ok\">专项检查已结束</div>"))
        }
    }

    /// Every step the forms can post has a text, so no success goes without its banner.
    @Test func everyStepHasAText() {
        let steps: [String: [String]] = [
            "determination": [
                "open", "receiveMaterials", "notifyIncomplete", "accept", "refuseAcceptance", "startInvestigation",
                "recordInvestigation", "suspend", "resume", "decide", "deliver",
            ],
            "assessment": [
                "open", "receiveMaterials", "notifyIncomplete", "extend", "postpone", "conclude", "deliver",
                "terminate",
                "draw", "redraw",
            ],
            "institution": ["register"],
            "agreement": ["sign", "suspend", "reinstate", "terminate", "renew"],
            "campaign": [
                "open", "startSpotChecks", "close", "draw", "answer", "addRisk", "submit", "check", "rectify",
                "closeRectification",
            ],
            "riskPoint": ["seed", "add", "update", "retire"],
        ]
        for (area, codes) in steps {
            for code in codes { #expect(CaseworkDone(area, code) != nil, "\(area).\(code)") }
        }
        #expect(CaseworkDone.texts.count == steps.values.map(\.count).reduce(0, +))
        #expect(CaseworkDone("determination", "fly") == nil && CaseworkDone.text(ofKey: Self.crafted) == nil)
    }
}
