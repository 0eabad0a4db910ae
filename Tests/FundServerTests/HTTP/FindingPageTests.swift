import Foundation
import FundModel
import FundStore
import Hummingbird
import Testing

@testable import FundServer

@Suite("A finding's page, its verification steps and evidence files")
struct FindingPageTests {
    static let red = "/findings/\(TestWorld.redNanjing)"

    @Test func pageShowsWhatFiredTheThresholdsAndTheEvidence() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get(Self.red, session: try await client.login("nj"))
            #expect(page.status == .ok)
            #expect(page.contains("R05 死亡后支出"))
            #expect(page.contains("1,234.50 元"))
            // The thresholds of the run's configuration: R05 is a single-level rule.
            #expect(page.contains("<td>预警等级</td><td>红色预警</td>"))
            // Evidence side by side: the payment, its case, the worker and the death record.
            #expect(page.contains("待遇支付") && page.contains("工伤认定") && page.contains("死亡登记（共享数据）"))
            #expect(page.contains("2025-06-30"))
            // The city handler verifies: the worker's id and name in full.
            #expect(page.contains(TestWorld.worker2.raw))
            #expect(page.contains("李秀英"))
            #expect(page.contains("id=\"form-assign\""))
        }
        let views = try world.auditEntries(action: "view.finding")
        #expect(views.count == 1 && views[0].targetID == TestWorld.redNanjing && views[0].userName == "nj")
    }

    @Test func auditorSeesMaskedAndCannotAct() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.get(Self.red, session: try await client.login("aud"))
            #expect(page.status == .ok)
            #expect(!page.visibleText.contains(TestWorld.worker2.raw))
            #expect(page.visibleText.contains(TestWorld.worker2.masked))
            #expect(!page.contains("李秀英") && page.contains("李**"))
            #expect(!page.contains("id=\"form-assign\"") && !page.contains("id=\"form-upload\""))
        }
    }

    @Test func anotherCitysFindingIsNotFound() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("wx")
            let page = try await client.get(Self.red, session: session)
            #expect(page.status == .notFound)
            #expect(!page.contains("R05"))
            let step = try await client.post(
                Self.red + "/steps", [("action", "assign"), ("assignee", "5")], session: session)
            #expect(step.status == .notFound)
            let missing = try await client.get("/findings/NOPE", session: session)
            #expect(missing.status == .notFound)
        }
        #expect(try world.auditEntries(action: "view.finding").isEmpty)
        #expect(try world.store.verificationSteps(findingID: TestWorld.redNanjing).isEmpty)
    }

    func userID(_ world: TestWorld, _ name: String) throws -> String {
        String(try #require(try world.store.user(name: name)).id)
    }

    @Test func verifyToIrregularRecoverAndClose() async throws {
        let world = try TestWorld()
        let nj = try userID(world, "nj")
        try await world.test { client in
            let session = try await client.login("nj")
            func step(_ fields: [(String, String)]) async throws -> Client.Page {
                try await client.post(Self.red + "/steps", fields, session: session)
            }
            var r = try await step([("action", "assign"), ("assignee", nj), ("reason", "本人认领")])
            #expect(r.status == .seeOther && r.location == Self.red + "?done=assign")
            r = try await step([("action", "start")])
            #expect(r.status == .seeOther)
            r = try await step([("action", "irregular"), ("amount", "1,234.50"), ("reason", "死亡后冒领医疗费")])
            #expect(r.status == .seeOther)
            r = try await step([("action", "recover"), ("amount", "1000"), ("reason", "缴款书 001")])
            #expect(r.status == .seeOther)
            let early = try await step([("action", "close"), ("reason", "办结")])
            #expect(early.status == .unprocessableContent)
            r = try await step([("action", "recover"), ("amount", "234.50"), ("reason", "缴款书 002")])
            #expect(r.status == .seeOther)
            r = try await step([("action", "close"), ("reason", "款项已全部追回")])
            #expect(r.status == .seeOther)
            let page = try await client.get(Self.red, session: session)
            #expect(page.contains("<span class=\"status closed\" id=\"status\">已办结</span>"))
            let history = page.from(id: "history")
            for text in ["本人认领", "死亡后冒领医疗费", "缴款书 001", "缴款书 002", "款项已全部追回", "南京经办甲"] {
                #expect(history.contains(text), "\(text)")
            }
        }
        let steps = try world.store.verificationSteps(findingID: TestWorld.redNanjing)
        #expect(steps.map(\.action) == [.assign, .start, .irregular, .recover, .recover, .close])
        #expect(steps.map(\.toStatus) == [.assigned, .verifying, .irregular, .irregular, .irregular, .closed])
        #expect(steps[2].amount == Money(fen: 123_450))
        let state = try #require(try world.store.verificationCase(findingID: TestWorld.redNanjing))
        #expect(state.status == .closed && state.recovered == Money(fen: 123_450))
        let audit = try world.auditEntries(action: "verification")
        #expect(audit.filter { $0.outcome == "ok" }.count == 6)
        #expect(audit.filter { $0.outcome == "failed" }.count == 1)
        #expect(audit.allSatisfy { $0.targetID == TestWorld.redNanjing && $0.userName == "nj" })
    }

    @Test func fraudWithFineAndReferral() async throws {
        let world = try TestWorld()
        let nj = try userID(world, "nj")
        try await world.test { client in
            let session = try await client.login("sup")
            _ = try await client.post(Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: session)
            _ = try await client.post(Self.red + "/steps", [("action", "start")], session: session)
            let low = try await client.post(
                Self.red + "/steps",
                [
                    ("action", "fraud"), ("amount", "1000"), ("fine", "1999.99"), ("referral", "宁公移〔2025〕8号"),
                    ("reason", "伪造"),
                ],
                session: session)
            #expect(low.status == .unprocessableContent)
            #expect(low.contains("罚款须为骗取金额的 2 至 5 倍（2,000.00 至 5,000.00 元"))
            let ok = try await client.post(
                Self.red + "/steps",
                [
                    ("action", "fraud"), ("amount", "1000"), ("fine", "3000"), ("referral", "宁公移〔2025〕8号"),
                    ("reason", "伪造死亡后票据"),
                ],
                session: session)
            #expect(ok.status == .seeOther)
        }
        let state = try #require(try world.store.verificationCase(findingID: TestWorld.redNanjing))
        #expect(state.status == .fraud && state.fine == Money(yuan: 3000) && state.referral == "宁公移〔2025〕8号")
    }

    static let badStepCases: [([(String, String)], String)] = [
        ([("action", "explode")], "未知的核查操作"),
        ([("action", "assign")], "请选择核查人"),
        ([("action", "assign"), ("assignee", "99999")], "核查人不存在"),
        ([("action", "clear"), ("reason", "x")], "不能执行“核查正常”"),
        ([("action", "note")], "请填写理由或说明"),
        ([("action", "note"), ("reason", String(repeating: "长", count: 2001))], "说明不能超过 2000 字"),
    ]

    @Test(arguments: badStepCases)
    func badStepInput(fields: [(String, String)], message: String) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.post(Self.red + "/steps", fields, session: try await client.login("sup"))
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(message))
        }
        #expect(try world.store.verificationSteps(findingID: TestWorld.redNanjing).isEmpty)
    }

    @Test func badAmountFields() async throws {
        let world = try TestWorld()
        let nj = try userID(world, "nj")
        try await world.test { client in
            let session = try await client.login("sup")
            _ = try await client.post(Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: session)
            _ = try await client.post(Self.red + "/steps", [("action", "start")], session: session)
            for (fields, message) in [
                ([("action", "irregular"), ("reason", "r")], "请填写应追回金额"),
                ([("action", "irregular"), ("amount", "12.345"), ("reason", "r")], "金额须为金额"),
                ([("action", "irregular"), ("amount", "0"), ("reason", "r")], "应追回金额须大于 0"),
                (
                    [("action", "fraud"), ("amount", "100"), ("fine", "x"), ("referral", "a"), ("reason", "r")],
                    "罚款须为金额"
                ),
                ([("action", "fraud"), ("amount", "100"), ("reason", "r"), ("referral", "a")], "请填写罚款金额"),
                ([("action", "fraud"), ("amount", "100"), ("fine", "300"), ("reason", "r")], "移送公安机关"),
            ] as [([(String, String)], String)] {
                let page = try await client.post(Self.red + "/steps", fields, session: session)
                #expect(page.status == .unprocessableContent, "\(fields)")
                #expect(page.contains(message), "\(fields)")
            }
        }
    }

    @Test func wrongRoleAndMissingToken() async throws {
        let world = try TestWorld()
        let nj = try userID(world, "nj")
        try await world.test { client in
            let auditor = try await client.login("aud")
            let page = try await client.post(
                Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: auditor)
            #expect(page.status == .forbidden)
            let handler = try await client.login("nj")
            let noToken = try await client.post(
                Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: handler, csrf: .none)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await client.post(
                Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: handler,
                csrf: .value(auditor.csrf))
            #expect(wrongToken.status == .forbidden)
            // A colleague may not conclude what nj was assigned.
            _ = try await client.post(Self.red + "/steps", [("action", "assign"), ("assignee", nj)], session: handler)
            _ = try await client.post(Self.red + "/steps", [("action", "start")], session: handler)
            let colleague = try await client.login("nj2")
            let denied = try await client.post(
                Self.red + "/steps", [("action", "clear"), ("reason", "无问题")], session: colleague)
            #expect(denied.status == .forbidden)
        }
        let denied = try world.auditEntries(action: "verification").filter { $0.outcome == "denied" }
        #expect(denied.map(\.userName).sorted() == ["aud", "nj2"])
    }

    @Test func concurrentStepIsAConflict() throws {
        let world = try TestWorld()
        let step = VerificationStep(
            findingID: TestWorld.redNanjing, userID: nil, userName: "x", action: .start, fromStatus: .assigned,
            toStatus: .verifying, reason: "", remoteAddress: "-")
        #expect(throws: VerificationStoreError.statusChanged(expected: .assigned, found: .new)) {
            try world.store.applyVerification(
                step, updated: VerificationCase(findingID: TestWorld.redNanjing, status: .verifying))
        }
    }

    @Test func historyIsAppendOnly() throws {
        let world = try TestWorld()
        let step = VerificationStep(
            findingID: TestWorld.redNanjing, userID: nil, userName: "x", action: .note, fromStatus: .new,
            toStatus: .new, reason: "n", remoteAddress: "-")
        try world.store.applyVerification(
            step, updated: VerificationCase(findingID: TestWorld.redNanjing, status: .new))
        #expect(throws: (any Error).self) {
            try world.store.databaseWriter.write { db in
                try db.execute(sql: "UPDATE verification_steps SET reason = 'x'")
            }
        }
        #expect(throws: (any Error).self) {
            try world.store.databaseWriter.write { db in try db.execute(sql: "DELETE FROM verification_steps") }
        }
    }

    @Test func evidenceUploadAndDownload() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("nj")
            let pdf = Data("%PDF-1.4 test".utf8)
            let up = try await client.postMultipart(
                Self.red + "/files", fields: [("description", "医院证明")],
                files: [.init(field: "file", fileName: "死亡证明.pdf", contentType: "application/pdf", data: pdf)],
                session: session)
            #expect(up.status == .seeOther)
            let page = try await client.get(Self.red, session: session)
            #expect(page.contains("死亡证明.pdf"))
            #expect(page.contains("上传证据：死亡证明.pdf。医院证明"))
            let files = try world.store.evidenceFiles(findingID: TestWorld.redNanjing)
            #expect(files.count == 1 && files[0].size == pdf.count && files[0].sha256 == SHA256.hex(Array(pdf)))
            let download = try await client.get(Self.red + "/files/\(files[0].id)", session: session)
            #expect(download.status == .ok)
            #expect(download.body == "%PDF-1.4 test")
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            // Bad files.
            let exe = try await client.postMultipart(
                Self.red + "/files", fields: [],
                files: [
                    .init(field: "file", fileName: "run.exe", contentType: "application/octet-stream", data: Data([1]))
                ],
                session: session)
            #expect(exe.status == .unprocessableContent && exe.contains("不支持的文件类型 .exe"))
            let empty = try await client.postMultipart(
                Self.red + "/files", fields: [],
                files: [.init(field: "file", fileName: "a.pdf", contentType: "application/pdf", data: Data())],
                session: session)
            #expect(empty.status == .unprocessableContent)
            let none = try await client.postMultipart(Self.red + "/files", fields: [], files: [], session: session)
            #expect(none.status == .unprocessableContent && none.contains("请选择要上传的文件"))
            let noToken = try await client.postMultipart(
                Self.red + "/files", fields: [],
                files: [.init(field: "file", fileName: "b.pdf", contentType: "application/pdf", data: pdf)],
                session: session,
                csrf: .none)
            #expect(noToken.status == .forbidden)
            // Another city sees neither the file nor its finding.
            let wx = try await client.login("wx")
            #expect(try await client.get(Self.red + "/files/\(files[0].id)", session: wx).status == .notFound)
            // A file id of another finding is not served under this one.
            #expect(
                try await client.get("/findings/\(TestWorld.orangeNanjing)/files/\(files[0].id)", session: session)
                    .status == .notFound)
        }
        #expect(try world.auditEntries(action: "download.evidence").count == 1)
        #expect(try world.auditEntries(action: "verification.upload").filter { $0.outcome == "failed" }.count == 3)
    }
}
