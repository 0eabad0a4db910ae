import Casework
import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

/// Every casework route of the console and of `/api/v1/casework`, against docs/decisions.md "FundServer: casework
/// roles": every role reads; only the roles that may handle or manage change; a city handler gets 404 outside his
/// city; bad input is 422 naming the field; a refused step is 409 with the Casework message and writes nothing.
@Suite("Casework routes: roles, region, input and refusals of every route")
struct CaseworkRouteMatrixTests {
    static let w1 = TestWorld.worker1.raw
    static var soon: String { CaseworkWorld.day(10).iso }
    static var yesterday: String { CaseworkWorld.day(-1).iso }

    // MARK: Reading

    /// The read routes with a text each answer must contain; `wx` (无锡) does not see the 南京 files.
    static let reads: [(probe: CaseworkProbe, nanjingOnly: Bool)] = [
        (.get("", "/casework/determinations", expect: "工伤认定"), false),
        (.get("", "/casework/determinations/D-NJ-1", expect: "D-NJ-1"), true),
        (.get("", "/casework/due", .path("/api/v1/casework/deadlines"), expect: "办理时限"), false),
        (.get("", "/casework/assessments", expect: "劳动能力鉴定"), false),
        (.get("", "/casework/assessments/A-NJ-1", expect: "A-NJ-1"), true),
        (.get("", "/casework/experts", expect: "专家抽取统计"), false),
        (.get("", "/casework/institutions", expect: "协议机构"), false),
        (.get("", "/casework/campaigns", expect: "CP1"), false),
        (.get("", "/casework/campaigns/CP1", expect: "2026年协议机构专项检查"), false),
        (.get("", "/casework/campaigns/CP1/report", .none, expect: "自查报告与风险清单"), false),
        (.get("", "/casework/campaigns/CP1/report.csv", .none, expect: "机构编号"), false),
        (.get("", "/casework/campaigns/CP1/risks.csv", .none, expect: "序号,来源,机构编号"), false),
        (.get("", "/casework/risk-points", expect: "风险点清单"), false),
        (.get("", "/casework/risk-points.csv", .none, expect: "编号,环节,风险点"), false),
    ]

    @Test func everyRoleReadsEveryRegister() async throws {
        let world = try CaseworkWorld.make()
        let before = try CaseworkWorld.historyTotal(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            for (template, nanjingOnly) in Self.reads {
                for user in ["admin", "sup", "nj", "aud", "wx"] where !(nanjingOnly && user == "wx") {
                    var probe = template
                    probe.user = user
                    let page = try #require(try await prober.page(probe))
                    #expect(page.status == .ok && page.contains(probe.expect), "\(probe)")
                    if let api = try await prober.api(probe) {
                        #expect(api.status == .ok, "API \(probe)")
                        #expect(api.headers[.contentType]?.hasPrefix("application/json") == true, "API \(probe)")
                    }
                }
                let anonymous = try await client.get(template.page!)
                #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/login") == true)
                if let path = template.apiPath {
                    #expect(try await client.request(.get, path).status == .unauthorized, "\(path)")
                }
            }
        }
        // Reading writes no casework.
        #expect(try CaseworkWorld.historyTotal(world) == before)
    }

    // MARK: Region

    /// A city handler asking for a file, an agreement, a campaign or an institution outside his city.
    static let elsewhere: [CaseworkProbe] = [
        .get("wx", "/casework/determinations/D-NJ-1"),
        .post("wx", "/casework/determinations/D-NJ-1/steps", [("action", "accept")]),
        .post("nj", "/casework/determinations", [("case_id", "C3"), ("from_import", "1")]),
        .get("wx", "/casework/assessments/A-NJ-1"),
        .post("wx", "/casework/assessments/A-NJ-1/steps", [("action", "extend"), ("reason", "复杂")]),
        .post(
            "wx", "/casework/assessments",
            [("assessment_id", "A-WX"), ("case_id", "D-NJ-DONE"), ("specialties", "骨科")]),
        .post("nj", "/casework/agreements/AG2/steps", [("action", "suspend"), ("reason", "违规")]),
        .get("nj", "/casework/campaigns/\(CaseworkWorld.wuxiCampaign)"),
        .get("nj", "/casework/campaigns/\(CaseworkWorld.wuxiCampaign)/report", .none),
        .get("nj", "/casework/campaigns/\(CaseworkWorld.wuxiCampaign)/report.csv", .none),
        .get("nj", "/casework/campaigns/\(CaseworkWorld.wuxiCampaign)/risks.csv", .none),
        .post(
            "nj", "/casework/campaigns/\(CaseworkWorld.wuxiCampaign)/steps",
            [("action", "answer"), ("institution_id", "H2"), ("result_C01", "compliant")]),
        .post(
            "nj", "/casework/campaigns/CP1/steps",
            [("action", "answer"), ("institution_id", "H2"), ("result_C01", "compliant")]),
        .post(
            "wx", "/casework/campaigns/CP1/steps", [("action", "submit"), ("institution_id", "H1"), ("report", "x")]),
    ]

    @Test func outsideTheCityIsNotFound() async throws {
        let world = try CaseworkWorld.make()
        try CaseworkWorld.openWuxiCampaign(world)
        let before = try CaseworkWorld.historyTotal(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            for probe in Self.elsewhere {
                let page = try #require(try await prober.page(probe))
                #expect(page.status == .notFound, "\(probe)")
                #expect(!page.contains("D-NJ-1") && !page.contains("无锡协议机构检查"), "\(probe)")
                if let api = try await prober.api(probe) {
                    #expect(api.status == .notFound && CaseworkProber.error(api).code == "not_found", "API \(probe)")
                }
            }
        }
        #expect(try CaseworkWorld.historyTotal(world) == before)
    }

    @Test func listsAndReportsKeepToTheCity() async throws {
        let world = try CaseworkWorld.make()
        try CaseworkWorld.openWuxiCampaign(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            // (user, page, must not contain, API path, API must not contain)
            let lists: [(String, String, String, String, String)] = [
                ("wx", "/casework/determinations", "D-NJ-1", "/api/v1/casework/determinations", "D-NJ"),
                ("wx", "/casework/assessments", "A-NJ-1", "/api/v1/casework/assessments", "A-NJ-1"),
                ("wx", "/casework/due?days=365", "D-NJ-OLD", "/api/v1/casework/deadlines?days=365", "D-NJ-OLD"),
                ("wx", "/casework/experts", "甲专家", "/api/v1/casework/experts", "\"X1\""),
                ("nj", "/casework/institutions", "无锡医院", "/api/v1/casework/institutions", "\"H2\""),
                ("nj", "/casework/campaigns", "CP-WX", "/api/v1/casework/campaigns", "CP-WX"),
                ("nj", "/casework/campaigns/CP1", "无锡医院", "/api/v1/casework/campaigns/CP1", "\"H2\""),
                ("nj", "/casework/campaigns/CP1/report", "无锡医院", "", ""),
                ("nj", "/casework/campaigns/CP1/report.csv", "H2,", "", ""),
            ]
            for (user, path, hidden, apiPath, apiHidden) in lists {
                let page = try #require(
                    try await prober.page(.get(user, path, apiPath.isEmpty ? .none : .path(apiPath))))
                #expect(page.status == .ok && !page.contains(hidden), "\(user) \(path)")
                if let api = try await prober.api(.get(user, path, apiPath.isEmpty ? .none : .path(apiPath))) {
                    #expect(api.status == .ok && !api.contains(apiHidden), "\(user) \(apiPath)")
                }
            }
            // …while the province sees both cities.
            let sup = try #require(try await prober.page(.get("sup", "/casework/campaigns/CP1/report.csv", .none)))
            #expect(sup.contains("H1,") && sup.contains("H2,"))
        }
    }

    // MARK: Roles

    /// Steps by a role that may not take them: the auditor changes nothing; a city handler does not do what binds
    /// the province.
    static var forbidden: [CaseworkProbe] {
        [
            .post(
                "aud", "/casework/determinations",
                [("case_id", "D-R"), ("worker_id", w1), ("region", "320100"), ("accident_date", yesterday)]),
            .post("aud", "/casework/determinations/D-NJ-1/steps", [("action", "accept")]),
            .post(
                "aud", "/casework/assessments", [("assessment_id", "A-R"), ("case_id", "C1"), ("specialties", "骨科")]),
            .post("aud", "/casework/assessments/A-NJ-1/steps", [("action", "draw"), ("size", "3")]),
            .post(
                "aud", "/casework/campaigns/CP1/steps",
                [("action", "answer"), ("institution_id", "H1"), ("result_C01", "compliant")]),
            .post(
                "aud", "/casework/institutions",
                [("institution_id", "H9"), ("name", "新医院"), ("kind", "medical"), ("region", "320100")]),
            .post(
                "nj", "/casework/institutions",
                [("institution_id", "H9"), ("name", "新医院"), ("kind", "medical"), ("region", "320100")]),
            .post(
                "nj", "/casework/agreements",
                [
                    ("agreement_id", "AG9"), ("institution_id", "H3"), ("services", "medical"),
                    ("start_date", yesterday), ("end_date", soon),
                ]),
            .post("nj", "/casework/agreements/AG1/steps", [("action", "suspend"), ("reason", "违规")]),
            .post("aud", "/casework/agreements/AG1/steps", [("action", "suspend"), ("reason", "违规")]),
            .post(
                "nj", "/casework/campaigns",
                [("campaign_id", "CP9"), ("title", "检查"), ("region", "320100"), ("due", soon)]),
            .post("nj", "/casework/campaigns/CP1/steps", [("action", "startSpotChecks")]),
            .post("nj", "/casework/campaigns/CP1/steps", [("action", "close")]),
            .post("nj", "/casework/campaigns/CP1/steps", [("action", "draw"), ("size", "1")]),
            .post("nj", "/casework/risk-points", [("action", "seed")]),
            .post("aud", "/casework/risk-points", [("action", "seed")]),
        ]
    }

    @Test func rolesThatMayNotAreRefusedAndAudited() async throws {
        let world = try CaseworkWorld.make()
        let before = try CaseworkWorld.historyTotal(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            for probe in Self.forbidden {
                let page = try #require(try await prober.page(probe))
                #expect(page.status == .forbidden, "\(probe)")
                let api = try #require(try await prober.api(probe))
                #expect(api.status == .forbidden, "API \(probe)")
            }
        }
        #expect(try CaseworkWorld.historyTotal(world) == before)
        let denied = try world.auditEntries().filter { $0.action.hasPrefix("casework.") && $0.outcome == "denied" }
        #expect(denied.count == 2 * Self.forbidden.count)
        #expect(try world.store.agreements().allSatisfy { $0.status == .active })
    }

    // MARK: Input

    /// Bad input, with the field the answer must name.
    static var badInput: [CaseworkProbe] {
        [
            .get("sup", "/casework/determinations?state=x", expect: "state"),
            .get("nj", "/casework/assessments?state=x", expect: "state"),
            .get("nj", "/casework/due?days=abc", .path("/api/v1/casework/deadlines?days=abc"), expect: "days"),
            .get("nj", "/casework/experts?from=2026-02-30", expect: "from"),
            .get("nj", "/casework/experts?from=2026-02-01&to=2026-01-01", expect: "from"),
            .get("nj", "/casework/institutions?days=x", expect: "days"),
            .post("nj", "/casework/determinations", [("case_id", "D-B"), ("worker_id", "123")], expect: "worker_id"),
            .post("nj", "/casework/determinations", [("case_id", "D-B"), ("worker_id", w1)], expect: "accident_date"),
            .post("nj", "/casework/determinations/D-NJ-1/steps", [("action", "fly")], expect: "action"),
            .post(
                "nj", "/casework/determinations/D-NJ-1/steps", [("action", "accept"), ("on", "2025-13-40")],
                expect: "on"),
            .post(
                "nj", "/casework/determinations/D-NJ-1/steps",
                [("action", "accept"), ("on", CaseworkWorld.day(3).iso)],
                expect: "on"),
            .post(
                "nj", "/casework/determinations/D-NJ-1/steps",
                [("action", "decide"), ("outcome", "recognized"), ("basis", "第十四条")], expect: "basis"),
            .post("nj", "/casework/assessments", [("assessment_id", "A3"), ("case_id", "C1")], expect: "specialties"),
            .post("nj", "/casework/assessments/A-NJ-1/steps", [("action", "draw"), ("size", "4")], expect: "size"),
            .post("nj", "/casework/assessments/A-NJ-1/steps", [("action", "extend")], expect: "reason"),
            .post(
                "nj", "/casework/assessments/A-NJ-1/steps", [("action", "postpone"), ("days", "0"), ("reason", "x")],
                expect: "days"),
            .post(
                "sup", "/casework/institutions", [("institution_id", "H9"), ("name", "x"), ("kind", "spa")],
                expect: "kind"),
            .post(
                "sup", "/casework/agreements", [("agreement_id", "AG9"), ("institution_id", "H3"), ("services", "x")],
                expect: "services"),
            .post(
                "sup", "/casework/agreements/AG1/steps", [("action", "renew"), ("until", "2026-99-01")],
                expect: "until"),
            .post("sup", "/casework/agreements/AG1/steps", [("action", "suspend")], expect: "reason"),
            .post(
                "sup", "/casework/campaigns",
                [("campaign_id", "CP9"), ("title", "检查"), ("region", "3201"), ("due", soon)],
                expect: "region"),
            .post("sup", "/casework/campaigns/CP1/steps", [("action", "draw"), ("size", "0")], expect: "size"),
            .post(
                "nj", "/casework/campaigns/CP1/steps",
                [("action", "answer"), ("institution_id", "H1"), ("result_C01", "maybe")], expect: "result_C01"),
            .post(
                "nj", "/casework/campaigns/CP1/steps",
                [("action", "rectify"), ("institution_id", "H1"), ("description", "x"), ("owner", "y")],
                expect: "deadline"),
            .post(
                "sup", "/casework/risk-points", [("action", "add"), ("risk_point_id", "RP99"), ("step", "nowhere")],
                expect: "step"),
            .post("sup", "/casework/risk-points", [("action", "retire"), ("risk_point_id", "RP01")], expect: "reason"),
            .post("sup", "/casework/risk-points", [("action", "fly")], expect: "action"),
        ]
    }

    @Test func badInputNamesTheField() async throws {
        let world = try CaseworkWorld.make()
        let before = try CaseworkWorld.historyTotal(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            for probe in Self.badInput {
                let page = try #require(try await prober.page(probe))
                #expect(page.status == .unprocessableContent, "\(probe)")
                // "输入有误：field：…" on the page (the banner of a form, the error page of a query).
                #expect(page.contains("\(probe.expect)："), "\(probe): \(CaseworkProber.flashError(page))")
                let api = try #require(try await prober.api(probe))
                #expect(api.status == .unprocessableContent, "API \(probe)")
                #expect(CaseworkProber.fields(api)[probe.expect] != nil, "API \(probe): \(api.body)")
            }
        }
        #expect(try CaseworkWorld.historyTotal(world) == before)
    }

    // MARK: Refusals

    /// Steps the procedure refuses, with (part of) the Casework message.
    static var refused: [CaseworkProbe] {
        [
            .post(
                "nj", "/casework/determinations",
                [("case_id", "D-NJ-1"), ("worker_id", w1), ("region", "320100"), ("accident_date", yesterday)],
                expect: "编号 D-NJ-1 已存在"),
            .post("nj", "/casework/determinations/D-NJ-1/steps", [("action", "deliver")], expect: "作出认定决定后方可送达"),
            .post(
                "nj", "/casework/determinations/D-NJ-1/steps", [("action", "notifyIncomplete")],
                expect: "条例第十八条：申请材料齐全"),
            .post(
                "nj", "/casework/assessments", [("assessment_id", "A2"), ("case_id", "D-NJ-1"), ("specialties", "骨科")],
                expect: "尚未认定为工伤或视同工伤"),
            .post(
                "nj", "/casework/assessments/A-NJ-1/steps",
                [("action", "conclude"), ("grade", "8"), ("nursing", "none"), ("injured_parts", "右手")],
                expect: "本鉴定尚未抽取专家组"),
            .post(
                "nj", "/casework/assessments/A-NJ-1/steps", [("action", "redraw"), ("size", "3"), ("reason", "回避")],
                expect: "尚未抽取专家组，无需重新抽取"),
            .post(
                "sup", "/casework/institutions",
                [("institution_id", "H1"), ("name", "重复"), ("kind", "medical"), ("region", "320100")],
                expect: "编号 H1 已存在"),
            .post(
                "sup", "/casework/agreements",
                [
                    ("agreement_id", "AG9"), ("institution_id", "H1"), ("services", "medical"),
                    ("start_date", yesterday), ("end_date", soon),
                ], expect: "已有同类服务协议 AG1"),
            .post(
                "sup", "/casework/agreements/AG1/steps", [("action", "reinstate"), ("reason", "整改完成")],
                expect: "协议 AG1 未暂停，无需恢复"),
            .post(
                "sup", "/casework/agreements/AG3/steps", [("action", "reinstate"), ("reason", "整改完成")],
                expect: "协议 AG3 已解除"),
            .post(
                "sup", "/casework/campaigns",
                [("campaign_id", "CP1"), ("title", "重复"), ("region", "320000"), ("due", soon)],
                expect: "编号 CP1 已存在"),
            .post("sup", "/casework/campaigns/CP1/steps", [("action", "close")], expect: "专项检查尚在自查阶段"),
            .post(
                "nj", "/casework/campaigns/CP1/steps",
                [("action", "submit"), ("institution_id", "H1"), ("report", "x")],
                expect: "自查清单尚有未作答的项目"),
            .post("sup", "/casework/risk-points", [("action", "seed")], expect: "风险点清单已有内容"),
            .post(
                "sup", "/casework/risk-points", [("action", "retire"), ("risk_point_id", "RP02"), ("reason", "重复")],
                expect: "风险点 RP02 已停用"),
        ]
    }

    @Test func refusedStepsSayWhyAndWriteNothing() async throws {
        let world = try CaseworkWorld.make()
        let casework = Casework(store: world.store, today: { Formatting.today() })
        let act = CaseworkAct(actor: "测试", day: CaseworkWorld.day(-1), reason: "测试准备")
        try casework.riskInventory.seedDefaults(act: act)
        try casework.riskInventory.retire("RP02", act: act)
        try casework.institutions.apply(.terminate, agreementID: "AG3", act: act)
        let before = try CaseworkWorld.historyTotal(world)
        try await world.test { client in
            let prober = CaseworkProber(world, client)
            for probe in Self.refused {
                let page = try #require(try await prober.page(probe))
                #expect(page.status == .conflict, "\(probe)")
                #expect(
                    CaseworkProber.flashError(page).contains(probe.expect),
                    "\(probe): \(CaseworkProber.flashError(page))")
                let api = try #require(try await prober.api(probe))
                let answer = CaseworkProber.error(api)
                #expect(api.status == .conflict && ["refused", "conflict"].contains(answer.code), "API \(probe)")
                #expect(answer.message.contains(probe.expect), "API \(probe): \(answer.message)")
            }
        }
        #expect(try CaseworkWorld.historyTotal(world) == before)
        #expect(try casework.determinations.file("D-NJ-1")?.state == .applied)
        #expect(try casework.assessments.file("A2") == nil && casework.panels.draws(assessmentID: "A-NJ-1").isEmpty)
        #expect(try casework.institutions.institution("H1")?.name == "南京第一医院")
        #expect(try world.store.agreements().first { $0.agreementID == "AG1" }?.status == .active)
        #expect(try !world.store.agreements().contains { $0.agreementID == "AG9" })
        #expect(try casework.campaigns.campaign("CP1")?.title == "2026年协议机构专项检查")
        #expect(try casework.campaigns.campaign("CP1")?.state == .selfInspection)
        let failed = try world.auditEntries().filter { $0.action.hasPrefix("casework.") && $0.outcome == "failed" }
        #expect(failed.count == 2 * Self.refused.count)
    }

    // MARK: Successes not covered elsewhere

    @Test func campaignOpensFromTheConsole() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            let open = try await client.post(
                "/casework/campaigns",
                [("campaign_id", "CP9"), ("title", "南京专项检查"), ("region", "320100"), ("due", Self.soon)], session: sup)
            #expect(open.location == "/casework/campaigns/CP9?done=campaign.open")
            let page = try await client.get(open.location!, session: sup)
            #expect(page.contains("南京专项检查") && page.contains("已启动专项检查"))
            // The API registers an assessment for an imported, recognised case.
            let api = try await CaseworkAPITests.post(
                client, "/api/v1/casework/assessments",
                ["assessment_id": "A-API", "case_id": "C1", "specialties": "骨科"], try APITests.key(world, "nj"))
            #expect(try api.status == .created && CaseworkAPITests.object(api)["state"] as? String != nil)
        }
        let campaign = try #require(try Casework(store: world.store).campaigns.campaign("CP9"))
        // 320100 has H1 and H3, not H2 (无锡).
        #expect(campaign.institutionIDs.sorted() == ["H1", "H3"])
        #expect(try Casework(store: world.store).assessments.file("A-API")?.caseID == "C1")
    }

    @Test func riskPointAddUpdateRetire() async throws {
        let world = try CaseworkWorld.make()
        try await world.test { client in
            let sup = try await client.login("sup")
            let add = try await client.post(
                "/casework/risk-points",
                [
                    ("action", "add"), ("risk_point_id", "RP90"), ("step", "payment"), ("risk", "重复支付护理费"),
                    ("rules", "R08"), ("owner", "待遇支付科"),
                ], session: sup)
            #expect(add.location == "/casework/risk-points?done=riskPoint.add")
            let update = try await client.post(
                "/casework/risk-points",
                [
                    ("action", "update"), ("risk_point_id", "RP90"), ("step", "benefitReview"),
                    ("risk", "重复核定护理费"), ("rules", "R08,R05"), ("controls", "核定前比对"), ("owner", "待遇核定科"),
                    ("reason", "职责调整"),
                ], session: sup)
            #expect(update.location == "/casework/risk-points?done=riskPoint.update")
            let page = try await client.get(update.location!, session: sup)
            #expect(page.contains("已修改风险点") && page.from(id: "risk-points").contains("重复核定护理费"))
            #expect(!page.from(id: "risk-points").contains("重复支付护理费"))
            let noReason = try await client.post(
                "/casework/risk-points",
                [
                    ("action", "update"), ("risk_point_id", "RP90"), ("step", "payment"), ("risk", "x"),
                    ("owner", "y"),
                ], session: sup)
            #expect(noReason.status == .unprocessableContent && CaseworkProber.flashError(noReason).contains("reason："))
            let unknown = try await client.post(
                "/casework/risk-points",
                [
                    ("action", "update"), ("risk_point_id", "RP91"), ("step", "payment"), ("risk", "x"),
                    ("owner", "y"), ("reason", "z"),
                ], session: sup)
            #expect(unknown.status == .notFound)
            let forbidden = try await client.post(
                "/casework/risk-points",
                [
                    ("action", "update"), ("risk_point_id", "RP90"), ("step", "payment"), ("risk", "x"),
                    ("owner", "y"), ("reason", "z"),
                ], session: try await client.login("nj"))
            #expect(forbidden.status == .forbidden)
            // The API edits the same point.
            let api = try await CaseworkAPITests.post(
                client, "/api/v1/casework/risk-points",
                [
                    "action": "update", "risk_point_id": "RP90", "step": "payment", "risk": "API 修改",
                    "owner": "稽核科", "rules": "R08", "reason": "复核",
                ], try APITests.key(world, "sup"))
            #expect(
                try api.status == .ok && CaseworkAPITests.object(api)["done"] as? String == "已修改风险点 RP90", "\(api.body)"
            )
            let retire = try await client.post(
                "/casework/risk-points", [("action", "retire"), ("risk_point_id", "RP90"), ("reason", "并入 RP05")],
                session: sup)
            #expect(retire.location == "/casework/risk-points?done=riskPoint.retire")
        }
        let inventory = Casework(store: world.store).riskInventory
        let point = try #require(try inventory.points().first { $0.riskPointID == "RP90" })
        #expect(point.risk == "API 修改" && point.step == .payment && point.owner == "稽核科" && !point.active)
        // add, two updates, retire; the console's update carried its reason.
        let history = try inventory.history("RP90")
        #expect(history.map(\.event.action) == ["add", "update", "update", "retire"])
        #expect(history[1].event.act.reason == "职责调整" && history[1].event.act.actor == "省监督")
    }
}
