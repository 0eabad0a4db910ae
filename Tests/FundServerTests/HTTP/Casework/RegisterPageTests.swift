import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("Casework pages: assessments and panels, institutions, campaigns, risk points")
struct RegisterPageTests {
    static let assessment = "/casework/assessments/A-NJ-1"

    @Test func assessmentPanelDrawShowsSeedPoolAndRecusal() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try await client.login("nj")
            let list = try await client.get("/casework/assessments", session: nj)
            #expect(list.status == .ok && list.contains("A-NJ-1") && list.contains("鉴定中"))
            let page = try await client.get(Self.assessment, session: nj)
            #expect(page.contains("id=\"form-draw\"") && !page.contains("id=\"form-conclude\""))
            // The conclusion is due 60 days from the complete application (条例 25).
            #expect(page.contains(CaseworkWorld.due(50).iso))
            let draw = try await client.post(
                Self.assessment + "/steps", [("action", "draw"), ("size", "3"), ("seed", "42")], session: nj)
            #expect(draw.status == .seeOther)
            let drawn = try await client.get(Self.assessment, session: nj)
            #expect(drawn.contains("<dd>42</dd>") && drawn.contains("按种子重演结果一致"))
            // X1 works at H1, which issued the medical evidence; X5 is not of the needed specialty.
            #expect(drawn.contains("X1 甲专家：出具医疗证明的机构的专家"))
            #expect(drawn.contains("可抽取专家（3 名）") && drawn.contains("id=\"form-redraw\""))
            let again = try await client.post(
                Self.assessment + "/steps", [("action", "draw"), ("size", "3")], session: nj)
            #expect(again.status == .conflict && again.contains("重新抽取须说明理由"))
            let noReason = try await client.post(
                Self.assessment + "/steps", [("action", "redraw"), ("size", "3")], session: nj)
            #expect(noReason.status == .unprocessableContent && noReason.contains("理由"))
            let badSize = try await client.post(
                Self.assessment + "/steps", [("action", "redraw"), ("size", "4"), ("reason", "x")], session: nj)
            #expect(badSize.status == .unprocessableContent && badSize.contains("size"))
            let wx = try await client.post(
                Self.assessment + "/steps", [("action", "extend"), ("reason", "x")],
                session: try await client.login("wx"))
            #expect(wx.status == .notFound)
            let aud = try await client.post(
                Self.assessment + "/steps", [("action", "extend"), ("reason", "x")],
                session: try await client.login("aud"))
            #expect(aud.status == .forbidden)
            let conclude = try await client.post(
                Self.assessment + "/steps",
                [("action", "conclude"), ("grade", "8"), ("nursing", "none"), ("injured_parts", "左腿")], session: nj)
            #expect(conclude.status == .unprocessableContent || conclude.status == .conflict)
            #expect(conclude.contains("右手"))
            let experts = try await client.get("/casework/experts", session: nj)
            #expect(experts.status == .ok && experts.contains("E1 ×1"))
            let badPeriod = try await client.get("/casework/experts?from=2026-02-30", session: nj)
            #expect(badPeriod.status == .unprocessableContent)
        }
        let panels = Casework(store: world.store).panels
        let draws = try panels.draws(assessmentID: "A-NJ-1")
        #expect(draws.count == 1 && draws[0].seed == 42 && !draws[0].drawn.contains("X1"))
        #expect(try Casework(store: world.store).assessments.file("A-NJ-1")?.conclusion == nil)
    }

    @Test func assessmentOpenChecksTheCase() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let nj = try await client.login("nj")
            let pending = try await client.post(
                "/casework/assessments", [("assessment_id", "A2"), ("case_id", "D-NJ-1"), ("specialties", "骨科")],
                session: nj)
            #expect(pending.status == .conflict)
            let missing = try await client.post("/casework/assessments", [("assessment_id", "A3")], session: nj)
            #expect(
                missing.status == .unprocessableContent && missing.contains("case_id")
                    && missing.contains("specialties"))
            let aud = try await client.post(
                "/casework/assessments", [("assessment_id", "A4")], session: try await client.login("aud"))
            #expect(aud.status == .forbidden)
            let ok = try await client.post(
                "/casework/assessments", [("assessment_id", "A5"), ("case_id", "C1"), ("specialties", "骨科")],
                session: nj)
            #expect(ok.status == .seeOther && ok.location?.hasPrefix("/casework/assessments/A5") == true)
        }
        #expect(try Casework(store: world.store).assessments.file("A2") == nil)
    }

    @Test func institutionsAndAgreements() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            let page = try await client.get("/casework/institutions", session: sup)
            let expiring = page.from(id: "expiring").components(separatedBy: "id=\"institutions\"")[0]
            #expect(page.status == .ok && expiring.contains("AG1"))
            #expect(!expiring.contains("AG2"))
            let nj = try await client.login("nj")
            let njPage = try await client.get("/casework/institutions", session: nj)
            #expect(njPage.contains("H1") && !njPage.contains("无锡医院") && !njPage.contains("id=\"form-institution\""))
            let forbidden = try await client.post(
                "/casework/institutions",
                [("institution_id", "H9"), ("name", "x"), ("kind", "medical"), ("region", "320100")],
                session: nj)
            #expect(forbidden.status == .forbidden)
            let bad = try await client.post(
                "/casework/institutions", [("institution_id", "H9"), ("kind", "spa")], session: sup)
            #expect(bad.status == .unprocessableContent && bad.contains("kind") && bad.contains("name"))
            let registered = try await client.post(
                "/casework/institutions",
                [("institution_id", "H9"), ("name", "新医院"), ("kind", "medical"), ("region", "320100")],
                session: sup)
            #expect(registered.status == .seeOther)
            let signed = try await client.post(
                "/casework/agreements",
                [
                    ("agreement_id", "AG9"), ("institution_id", "H9"), ("services", "medical"),
                    ("start_date", CaseworkWorld.day(-1).iso), ("end_date", CaseworkWorld.day(365).iso),
                ], session: sup)
            #expect(signed.status == .seeOther)
            let overlap = try await client.post(
                "/casework/agreements",
                [
                    ("agreement_id", "AG10"), ("institution_id", "H9"), ("services", "medical"),
                    ("start_date", CaseworkWorld.day(-1).iso), ("end_date", CaseworkWorld.day(30).iso),
                ], session: sup)
            #expect(overlap.status == .conflict && overlap.contains("AG9"))
            let noReason = try await client.post(
                "/casework/agreements/AG1/steps", [("action", "suspend")], session: sup)
            #expect(noReason.status == .unprocessableContent && noReason.contains("理由"))
            let suspend = try await client.post(
                "/casework/agreements/AG1/steps", [("action", "suspend"), ("reason", "抽查发现违规")], session: sup)
            #expect(suspend.status == .seeOther)
            let twice = try await client.post(
                "/casework/agreements/AG1/steps", [("action", "suspend"), ("reason", "再次")], session: sup)
            #expect(twice.status == .conflict && twice.contains("已暂停"))
            let hidden = try await client.post(
                "/casework/agreements/AG2/steps", [("action", "suspend"), ("reason", "x")], session: nj)
            #expect(hidden.status == .notFound)
            let njForbidden = try await client.post(
                "/casework/agreements/AG1/steps", [("action", "reinstate"), ("reason", "x")], session: nj)
            #expect(njForbidden.status == .forbidden)
        }
        let agreements = try world.store.agreements()
        #expect(agreements.first { $0.agreementID == "AG1" }?.status == .suspended)
        #expect(agreements.contains { $0.agreementID == "AG9" } && !agreements.contains { $0.agreementID == "AG10" })
        #expect(
            try world.auditEntries(action: "casework.agreement.suspend").map(\.outcome).sorted() == [
                "failed", "failed", "ok",
            ])
    }

    @Test func campaignFromSelfInspectionToReport() async throws {
        let world = try CaseworkWorld.make()
        let page = "/casework/campaigns/CP1"
        try await world.test { client in
            let nj = try await client.login("nj")
            let sup = try await client.login("sup")
            let list = try await client.get("/casework/campaigns", session: nj)
            #expect(list.contains("CP1"))
            let njPage = try await client.get(page, session: nj)
            #expect(njPage.contains("南京第一医院") && !njPage.contains("无锡医院") && njPage.contains("id=\"form-answer\""))
            let answer = try await client.post(
                page + "/steps",
                [
                    ("action", "answer"), ("institution_id", "H1"), ("result_C01", "compliant"),
                    ("result_C02", "nonCompliant"), ("note_C02", "未核验身份"),
                ], session: nj)
            #expect(answer.status == .seeOther)
            let otherCity = try await client.post(
                page + "/steps", [("action", "answer"), ("institution_id", "H2"), ("result_C01", "compliant")],
                session: nj)
            #expect(otherCity.status == .notFound)
            let noNote = try await client.post(
                page + "/steps", [("action", "answer"), ("institution_id", "H3"), ("result_C01", "nonCompliant")],
                session: nj)
            #expect(noNote.status == .unprocessableContent && noNote.contains("须说明"))
            let early = try await client.post(
                page + "/steps", [("action", "submit"), ("institution_id", "H3"), ("report", "x")], session: nj)
            #expect(early.status == .conflict && early.contains("未作答"))
            let submit = try await client.post(
                page + "/steps", [("action", "submit"), ("institution_id", "H1"), ("report", "已自查")], session: nj)
            #expect(submit.status == .seeOther)
            let njDraw = try await client.post(page + "/steps", [("action", "startSpotChecks")], session: nj)
            #expect(njDraw.status == .forbidden)
            let start = try await client.post(page + "/steps", [("action", "startSpotChecks")], session: sup)
            #expect(start.status == .seeOther)
            let badSize = try await client.post(page + "/steps", [("action", "draw"), ("size", "0")], session: sup)
            #expect(badSize.status == .unprocessableContent && badSize.contains("size"))
            let draw = try await client.post(
                page + "/steps", [("action", "draw"), ("size", "3"), ("method", "random"), ("seed", "7")], session: sup)
            #expect(draw.status == .seeOther)
            let check = try await client.post(
                page + "/steps",
                [
                    ("action", "check"), ("institution_id", "H1"), ("inspectors", "张三,李四"),
                    ("problems", "重复收费|C02|1200.00"), ("summary", "现场检查"),
                ], session: nj)
            #expect(check.status == .seeOther)
            let rectify = try await client.post(
                page + "/steps",
                [
                    ("action", "rectify"), ("institution_id", "H1"), ("problem_id", "CP1/H1#1"),
                    ("description", "退回重复收费"),
                    ("owner", "医保办"), ("deadline", CaseworkWorld.day(30).iso),
                ], session: nj)
            #expect(rectify.status == .seeOther)
            let close = try await client.post(page + "/steps", [("action", "close")], session: sup)
            #expect(close.status == .conflict)
            let report = try await client.get(page + "/report", session: sup)
            #expect(report.status == .ok && report.contains("自查报告") && report.contains("退回重复收费"))
            #expect(report.from(id: "risks").contains("未核验身份"))
            let csv = try await client.get(page + "/risks.csv", session: sup)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.contains("序号,来源,机构编号") && csv.contains("未核验身份") && csv.contains("退回重复收费"))
            let lines = try await client.get(page + "/report.csv", session: nj)
            #expect(lines.contains("H1,南京第一医院") && !lines.contains("H2,"))
            let noEvidence = try await client.post(
                page + "/steps", [("action", "closeRectification"), ("rectification_id", "CP1-R1")], session: nj)
            #expect(noEvidence.status == .unprocessableContent && noEvidence.contains("evidence"))
            let closed = try await client.post(
                page + "/steps",
                [("action", "closeRectification"), ("rectification_id", "CP1-R1"), ("evidence", "退款凭证")],
                session: nj)
            #expect(closed.status == .seeOther)
            let missing = try await client.get("/casework/campaigns/NOPE", session: sup)
            #expect(missing.status == .notFound)
        }
        let campaigns = Casework(store: world.store).campaigns
        #expect(try campaigns.campaign("CP1")?.state == .spotChecking)
        #expect(try campaigns.rectifications(campaignID: "CP1").first?.state == .closed)
        #expect(try world.auditEntries(action: "export.risk_list").count == 1)
    }

    @Test func riskPointsBesideRules() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            let empty = try await client.get("/casework/risk-points", session: sup)
            #expect(empty.contains("风险点清单为空") && empty.contains("id=\"form-seed\""))
            let nj = try await client.post(
                "/casework/risk-points", [("action", "seed")], session: try await client.login("nj"))
            #expect(nj.status == .forbidden)
            let seed = try await client.post("/casework/risk-points", [("action", "seed")], session: sup)
            #expect(seed.status == .seeOther)
            let again = try await client.post("/casework/risk-points", [("action", "seed")], session: sup)
            #expect(again.status == .conflict)
            let page = try await client.get("/casework/risk-points", session: sup)
            #expect(page.from(id: "risk-points").contains("R05 死亡后支出"))
            let noReason = try await client.post(
                "/casework/risk-points", [("action", "retire"), ("risk_point_id", "RP01")], session: sup)
            #expect(noReason.status == .unprocessableContent && noReason.contains("理由"))
            let badStep = try await client.post(
                "/casework/risk-points", [("action", "add"), ("risk_point_id", "RP99"), ("step", "nowhere")],
                session: sup)
            #expect(badStep.status == .unprocessableContent && badStep.contains("step") && badStep.contains("owner"))
            let csv = try await client.get("/casework/risk-points.csv", session: sup)
            #expect(csv.status == .ok && csv.contains("编号,环节,风险点"))
        }
        #expect(try Casework(store: world.store).riskInventory.points().count == DefaultRiskInventory.points.count)
    }
}
