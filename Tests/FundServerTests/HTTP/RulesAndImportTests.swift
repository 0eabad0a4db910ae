import Foundation
import FundModel
import FundStore
import Hummingbird
import Screening
import Testing

@testable import FundServer

@Suite("Rules and thresholds (editing, history, trial run) and data import")
struct RulesAndImportTests {
    /// The configuration in force with R03's MED threshold changed.
    static func draft(threshold: String) -> String {
        RulesConfiguration.default.yaml().replacingOccurrences(
            of: "      MED: 100000\n", with: "      MED: \(threshold)\n")
    }

    @Test func draftReallyChangesTheThreshold() {
        #expect(Self.draft(threshold: "300000") != RulesConfiguration.default.yaml())
    }

    @Test func everyoneReadsOnlyEditorsEdit() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let nj = try await client.login("nj")
            let page = try await client.get("/rules", session: nj)
            #expect(page.status == .ok)
            #expect(page.contains("R03") && page.contains("大额支出") && page.contains("内置默认配置"))
            #expect(!page.contains("id=\"rules-form\""))
            let save = try await client.post(
                "/rules", [("yaml", Self.draft(threshold: "1")), ("reason", "x")], session: nj)
            #expect(save.status == .forbidden)
            let trial = try await client.post(
                "/rules/trial", [("yaml", Self.draft(threshold: "1")), ("as_of", "2025-10-01")], session: nj)
            #expect(trial.status == .forbidden)
            let sup = try await client.login("sup")
            #expect(try await client.get("/rules", session: sup).contains("id=\"rules-form\""))
        }
    }

    @Test func saveKeepsWhoWhenWhyAndBothTexts() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let noToken = try await client.post(
                "/rules", [("yaml", Self.draft(threshold: "300000")), ("reason", "提高阈值")], session: session, csrf: .none
            )
            #expect(noToken.status == .forbidden)
            let saved = try await client.post(
                "/rules", [("yaml", Self.draft(threshold: "300000")), ("reason", "医疗费用普遍上涨")], session: session)
            #expect(saved.status == .seeOther && saved.location == "/rules?done=saved")
            let page = try await client.get("/rules", session: session)
            #expect(page.contains("医疗费用普遍上涨") && page.contains("省监督"))
            #expect(page.contains("MED：300,000.00 元"))
        }
        let change = try #require(try world.store.currentRulesConfiguration())
        #expect(change.reason == "医疗费用普遍上涨" && change.userName == "省监督")
        #expect(change.oldYAML == RulesConfiguration.default.yaml())
        #expect(
            try RulesConfiguration(yaml: change.newYAML).settings("R03", region: nil).amount(
                "params", "threshold", "MED") == Money(yuan: 300_000))
        #expect(try world.auditEntries(action: "rules.change").first?.detail == "医疗费用普遍上涨")
    }

    static let badRulesCases: [([(String, String)], String)] = [
        ([("yaml", ""), ("reason", "r")], "请填写规则配置"),
        (
            [("yaml", "rules:\n  R03:\n    levels:\n      yellow: 5\n      orange: 2\n"), ("reason", "r")],
            "levels.orange"
        ),
        ([("yaml", "rules:\n  R99:\n    enabled: true\n"), ("reason", "r")], "R99"),
        ([("yaml", "rules:\n  R03:\n    enabled: true\n"), ("reason", "")], "请填写修改理由"),
        ([("yaml", "version: 1\n"), ("reason", "r")], "配置没有变化"),
    ]

    @Test(arguments: badRulesCases)
    func badRulesInput(fields: [(String, String)], message: String) async throws {
        let world = try TestWorld()
        try await world.test { client in
            let page = try await client.post("/rules", fields, session: try await client.login("admin"))
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(message))
        }
        #expect(try world.store.currentRulesConfiguration() == nil)
        #expect(try world.auditEntries(action: "rules.change").first?.outcome == "failed")
    }

    @Test func trialRunComparesWithoutStoring() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            // The fixture's P2 is a MED payment of 250,000 yuan: above T = 100,000 (R03 fires), below 300,000.
            let started = try await client.post(
                "/rules/trial", [("yaml", Self.draft(threshold: "300000")), ("as_of", "2025-10-01")], session: session)
            #expect(started.status == .seeOther && started.location?.hasPrefix("/jobs/") == true)
            let page = try await client.finished(started, session: session)
            #expect(page.status == .ok)
            let trial = page.from(id: "trial")
            #expect(
                trial.contains(
                    "<td class=\"nowrap\">R03 大额支出</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\"><span class=\"diff-down\">-1</span>"
                ))
            let bad = try await client.post(
                "/rules/trial", [("yaml", Self.draft(threshold: "300000")), ("as_of", "soon")], session: session)
            #expect(bad.status == .unprocessableContent && bad.contains("筛查日期须为"))
        }
        #expect(try world.store.currentRulesConfiguration() == nil)
        #expect(try world.store.screeningRuns(limit: 10).count == 1)
        #expect(try world.auditEntries(action: "rules.trial").count == 1)
    }

    @Test func importUploadedFilesThenScreen() async throws {
        let world = try TestWorld()
        let newWorker = PersonID.withCheckCharacter("32010219850808004")!
        try await world.test { client in
            let session = try await client.login("admin")
            let workers = """
                worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until
                \(newWorker.raw),赵敏,F,1985-08-08,E1,320100,2020-01-01,

                """
            let page = try await client.postMultipart(
                "/imports", fields: [],
                files: [
                    .init(field: "files", fileName: "workers.csv", contentType: "text/csv", data: Data(workers.utf8))
                ],
                session: session)
            #expect(page.status == .ok)
            #expect(
                page.from(id: "import-report").contains(
                    "<td>workers.csv</td><td class=\"num\">1</td><td class=\"num\">1</td>"))
            let screened = try await client.finished(
                try await client.post("/screenings", [("as_of", "2025-10-01")], session: session), session: session)
            #expect(screened.status == .ok)
            #expect(screened.contains("第 2 次筛查完成"))
            let badDate = try await client.post("/screenings", [("as_of", "tomorrow")], session: session)
            #expect(badDate.status == .unprocessableContent)
        }
        #expect(try world.store.worker(id: newWorker)?.name == "赵敏")
        // The uploaded files are kept for the owner only: folders 0700, files 0600 (issue 11).
        let uploads = world.directory + "/uploads"
        #expect(OwnerOnlyFiles.mode(of: uploads) == 0o700)
        let folders = try FileManager.default.contentsOfDirectory(atPath: uploads)
        #expect(folders.count == 1)
        for folder in folders {
            #expect(OwnerOnlyFiles.mode(of: uploads + "/" + folder) == 0o700)
            #expect(OwnerOnlyFiles.mode(of: uploads + "/" + folder + "/workers.csv") == 0o600)
        }
        #expect(OwnerOnlyFiles.mode(of: world.store.path) == 0o600)
        #expect(try world.store.screeningRuns(limit: 10).count == 2)
        #expect(try world.auditEntries(action: "import").first?.outcome == "ok")
        #expect(try world.auditEntries(action: "screening").count == 1)
    }

    @Test func rejectedImportChangesNothing() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let session = try await client.login("sup")
            let bad =
                "worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until\nnot-an-id,甲,M,1985-08-08,E1,320100,2020-01-01,\n"
            let page = try await client.postMultipart(
                "/imports", fields: [],
                files: [.init(field: "files", fileName: "workers.csv", contentType: "text/csv", data: Data(bad.utf8))],
                session: session)
            #expect(page.status == .unprocessableContent)
            #expect(page.from(id: "import-failure").contains("workers.csv:2"))
            let unknown = try await client.postMultipart(
                "/imports", fields: [],
                files: [.init(field: "files", fileName: "people.csv", contentType: "text/csv", data: Data("a\n".utf8))],
                session: session)
            #expect(unknown.status == .unprocessableContent && unknown.contains("不是交换格式的文件名：people.csv"))
            let none = try await client.postMultipart("/imports", fields: [], files: [], session: session)
            #expect(none.status == .unprocessableContent && none.contains("请选择要导入的 CSV 文件"))
            let lenient = try await client.postMultipart(
                "/imports", fields: [("lenient", "yes")],
                files: [.init(field: "files", fileName: "workers.csv", contentType: "text/csv", data: Data(bad.utf8))],
                session: session)
            #expect(lenient.status == .unprocessableContent && lenient.contains("宽松模式须为 0 或 1"))
        }
        #expect(try world.store.loadDataSet().workers?.count == 3)
        #expect(try world.auditEntries(action: "import").allSatisfy { $0.outcome == "failed" })
    }

    @Test func importIsForTheProvince() async throws {
        let world = try TestWorld()
        try await world.test { client in
            for name in ["nj", "aud"] {
                let session = try await client.login(name)
                #expect(try await client.get("/imports", session: session).status == .forbidden)
                let post = try await client.postMultipart("/imports", fields: [], files: [], session: session)
                #expect(post.status == .forbidden)
                #expect(
                    try await client.post("/screenings", [("as_of", "2025-10-01")], session: session).status
                        == .forbidden)
            }
            let sup = try await client.login("sup")
            let noToken = try await client.post("/screenings", [("as_of", "2025-10-01")], session: sup, csrf: .none)
            #expect(noToken.status == .forbidden)
        }
        #expect(try world.store.screeningRuns(limit: 10).count == 1)
    }
}
