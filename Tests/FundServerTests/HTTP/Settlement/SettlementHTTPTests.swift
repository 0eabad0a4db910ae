import Foundation
import FundModel
import FundStore
import Hummingbird
import HummingbirdTesting
import Screening
import Testing

@testable import FundServer

/// Issue 13's done-when: an institution's client, over real HTTP, checks eligibility, pre-settles, settles,
/// reverses and reconciles; every refusal names its rule. Also the credentials' lifecycle and the console.
@Suite("HTTP: direct settlement")
struct SettlementHTTPTests {
    static let today = Day.inChina(Date())
    static var day: String { today.iso }

    /// The test province with H1 (a hospital with an agreement in force), R9 (an agreement ended) and cards.
    static func world() throws -> TestWorld {
        let world = try TestWorld()
        let directory = world.directory + "/settlement"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = [
            "institutions.csv": """
            institution_id,name,kind,region_code,grade
            H1,南京市第一医院,medical,320100,三级甲等
            R9,南京康复中心,rehab,320100,

            """,
            "agreements.csv": """
            agreement_id,institution_id,services,start_date,end_date,status
            AG1,H1,medical,2020-01-01,2099-12-31,active
            AG9,R9,rehab,2020-01-01,2021-12-31,active

            """,
            "cards.csv": """
            card_no,person_id,status,issued_date,ecard_token,ecard_expires
            K1,\(TestWorld.worker1.raw),active,2020-01-01,,
            K0,\(TestWorld.worker1.raw),lost,2015-01-01,,

            """,
        ]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        _ = try Importer(store: world.store).importDirectory(
            directory, options: ImportOptions(rejectsDirectory: world.directory))
        return world
    }

    /// Issues a credential for the institution on its console page (as the administrator); returns the key.
    static func issueKey(_ client: Client, _ session: Client.Session, _ institution: String, rotate: Bool = false)
        async throws -> String
    {
        var fields = [("label", "HIS")]
        if rotate { fields.append(("rotate", "1")) }
        let page = try await client.post(
            "/settlement/institutions/\(institution)/credentials", fields, session: session)
        #expect(page.status == .ok)
        return try #require(Client.Page.firstMatch(in: page.body, after: "<p><code>", until: "</code>"))
    }

    @Test("an institution's client: eligibility, pre-settlement, settlement, reversal, reconciliation, clearing")
    func institutionClient() async throws {
        let world = try Self.world()
        try await FundServer.makeApplication(environment: world.environment).test(.live) { http in
            let console = Client(client: http)
            let admin = try await console.login("admin")
            let key = try await Self.issueKey(console, admin, "H1")
            #expect(key.hasPrefix("fgi_"))
            let his = InstitutionClient(client: http, key: key)

            // Eligibility: the worker's recognized case and what H1 may bill.
            let eligible = try await his.eligibility(cardNo: "K1")
            #expect(eligible.status == .ok)
            let cases = try #require(eligible["cases"] as? [[String: Any]])
            #expect(cases.map { $0["caseID"] as? String } == ["C1"])
            let items = try #require(eligible["billableItems"] as? [[String: Any]])
            #expect(items.contains { $0["itemCode"] as? String == "MED" })
            let shown = (eligible["worker"] as? [String: Any])?["personID"] as? String
            #expect(shown?.contains("19800101") == false)
            let lost = try await his.eligibility(cardNo: "K0")
            #expect(lost.status == .unprocessableContent && lost.code == "card_lost")

            // Pre-settlement: one line paid, one refused (R01), one held (R03); nothing kept.
            let bill = InstitutionClient.bill(
                card: "K1", caseID: "C1",
                [("MED", 80_000, "H-INV-1"), ("SPA", 5_000, "H-INV-2"), ("MED", 15_000_000, "H-INV-3")], day: Self.day)
            let pre = try await his.preSettle(bill)
            #expect(pre.status == .ok)
            #expect(pre.lines.map { $0["decision"] as? String } == ["paid", "refused", "held"])
            for line in pre.lines where line["decision"] as? String != "paid" {
                #expect((line["ruleID"] as? String)?.hasPrefix("R") == true)
                #expect(!(line["reason"] as? String ?? "").isEmpty)
            }
            #expect(pre.lines[1]["ruleID"] as? String == "R01")
            #expect(pre.lines[2]["ruleID"] as? String == "R03")

            // Settlement: idempotent by the request id; another body under it is 409.
            let settled = try await his.settle("HIS-0001", bill)
            #expect(settled.status == .created)
            let settlementID = try #require(settled["settlementID"] as? String)
            #expect(settled.lines.map { $0["decision"] as? String } == ["paid", "refused", "held"])
            let retry = try await his.settle("HIS-0001", bill)
            #expect(retry.status == .created)
            #expect(retry["settlementID"] as? String == settlementID)
            #expect(retry.headers[.init("Idempotent-Replayed")!] == "true")
            var changed = bill
            changed["caseID"] = "C9"
            let reused = try await his.settle("HIS-0001", changed)
            #expect(reused.status == .conflict && reused.code == "request_id_reused")
            let paymentID = try #require(settled.lines[0]["paymentID"] as? String)

            // Two settlements of one invoice at once: one wins, the other is refused by R08.
            let decisions = try await withThrowingTaskGroup(of: String.self) { group in
                for id in ["HIS-RACE-A", "HIS-RACE-B"] {
                    group.addTask {
                        let race = InstitutionClient.bill(
                            card: "K1", caseID: "C1", [("MED", 30_000, "H-RACE")], day: Self.day)
                        return try await his.settle(id, race).lines.first?["decision"] as? String ?? ""
                    }
                }
                var all: [String] = []
                for try await decision in group { all.append(decision) }
                return all
            }
            #expect(decisions.sorted() == ["paid", "refused"])

            // Reversal of the first settlement.
            let reversed = try await his.reverse("HIS-REV-1", settlementID: settlementID, reason: "患者退费")
            #expect(reversed.status == .ok)
            #expect(reversed["reversedFen"] as? Int == 80_000)
            let twice = try await his.reverse("HIS-REV-2", settlementID: settlementID, reason: "")
            #expect(twice.status == .conflict && twice.code == "already_reversed")

            // Reconciliation: the day's file, then the institution's totals compared.
            let file = try await his.reconciliation(date: Self.day)
            #expect(file.status == .ok)
            let totals = try #require(file["totals"] as? [String: Any])
            #expect(totals["settlementCount"] as? Int == 3)
            #expect(totals["paidFen"] as? Int == 110_000)
            #expect(totals["reversedFen"] as? Int == 80_000)
            #expect(totals["netFen"] as? Int == 30_000)
            var csvHeaders = HTTPFields()
            csvHeaders[.authorization] = "Bearer \(key)"
            let csvText = try await http.execute(
                uri: "/api/v1/settlement/reconciliation?date=\(Self.day)&format=csv", method: .get, headers: csvHeaders
            ) { String(buffer: $0.body) }
            let csvLines = csvText.split(separator: "\n").map(String.init)
            #expect(csvLines.first == "settlement_id,line_no,invoice_no,item_code,movement,amount_fen,payment_id")
            #expect(csvLines.contains { $0.hasPrefix(settlementID + ",1,H-INV-1,MED,reversed,-80000,") })
            let matched = try await his.reconcile([
                "date": Self.day, "settlementCount": 3, "paidFen": 110_000, "reversedFen": 80_000, "netFen": 30_000,
            ])
            #expect(matched["matched"] as? Bool == true)
            let mismatch = try await his.reconcile([
                "date": Self.day, "settlementCount": 3, "paidFen": 100_000, "reversedFen": 80_000, "netFen": 20_000,
                "settlementIDs": [settlementID, "DS-UNKNOWN"],
            ])
            #expect(mismatch["matched"] as? Bool == false)
            let fields = (mismatch["differences"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["paidFen", "netFen"])
            #expect(mismatch["unknownToPlatform"] as? [String] == ["DS-UNKNOWN"])

            let clearing = try await his.clearing(month: Self.today.yearMonth.iso)
            #expect(clearing.status == .ok)
            #expect(clearing["toPayFen"] as? Int == 30_000)

            // The settled lines are payments of the direct channel that batch screening reads.
            let data = try world.store.loadScreeningData(tables: nil, parts: nil)
            let ids = Set(data.paymentColumns().map { t in (0..<t.count).map { t.paymentID[$0] } } ?? [])
            #expect(ids.contains(paymentID))
            #expect(ids.contains(paymentID + "-R"))

            // Every call is in the audit log, under the institution.
            let audited = try world.auditEntries().filter { $0.role == "institution" }
            #expect(audited.contains { $0.action == "settlement.settle" && $0.targetID == settlementID })
            #expect(audited.contains { $0.action == "settlement.eligibility" && $0.outcome == "failed" })
            #expect(audited.contains { $0.action == "settlement.reconcile" })
            #expect(audited.allSatisfy { $0.userName == "institution:H1" })
        }
    }

    @Test("credentials: none, unknown, revoked, rotated, of an institution without an agreement in force")
    func credentials() async throws {
        let world = try Self.world()
        try await world.test { console in
            let admin = try await console.login("admin")
            let nobody = InstitutionClient(client: console.client, key: "")
            #expect(try await nobody.send(.get, "/api/v1/settlement/reconciliation").status == .unauthorized)
            let forged = InstitutionClient(client: console.client, key: "fgi_forged")
            #expect(try await forged.eligibility(cardNo: "K1").status == .unauthorized)

            let first = try await Self.issueKey(console, admin, "H1")
            let second = try await Self.issueKey(console, admin, "H1", rotate: true)
            #expect(
                try await InstitutionClient(client: console.client, key: first).eligibility(cardNo: "K1").status
                    == .unauthorized)
            #expect(
                try await InstitutionClient(client: console.client, key: second).eligibility(cardNo: "K1").status == .ok
            )
            let credential = try #require(try world.store.institutionCredentials(institutionID: "H1").first)
            let revoke = try await console.post(
                "/settlement/institutions/H1/credentials/\(credential.id)/revoke", [], session: admin)
            #expect(revoke.status == .seeOther)
            #expect(
                try await InstitutionClient(client: console.client, key: second).eligibility(cardNo: "K1").status
                    == .unauthorized)

            let ended = try await Self.issueKey(console, admin, "R9")
            let refused = try await InstitutionClient(client: console.client, key: ended).eligibility(cardNo: "K1")
            #expect(refused.status == .forbidden && refused.code == "no_active_agreement")

            // Only a province user issues credentials; the key is never kept in clear.
            let handler = try await console.login("nj")
            let denied = try await console.post(
                "/settlement/institutions/H1/credentials", [("label", "x")], session: handler)
            #expect(denied.status == .forbidden)
            let stored = try await world.store.databaseWriter.read { db in
                try String.fetchAll(db, sql: "SELECT key_hash FROM institution_credentials")
            }
            #expect(!stored.contains(second) && stored.contains(SHA256.hex(second)))
        }
    }

    @Test("console: held lines in the city's review queue, approved; today's count; the worker's refused lines")
    func console() async throws {
        let world = try Self.world()
        try await world.test { console in
            let admin = try await console.login("admin")
            let his = InstitutionClient(client: console.client, key: try await Self.issueKey(console, admin, "H1"))
            let bill = InstitutionClient.bill(
                card: "K1", caseID: "C1", [("MED", 15_000_000, "Q-1"), ("SPA", 1_000, "Q-2")], day: Self.day)
            let settled = try await his.settle("Q", bill)
            let settlementID = try #require(settled["settlementID"] as? String)

            let nanjing = try await console.login("nj")
            let queue = try await console.get("/settlement/review", session: nanjing)
            #expect(queue.status == .ok)
            #expect(queue.contains("held-\(settlementID)-1"))
            #expect(queue.contains("R03"))
            let wuxi = try await console.login("wx")
            let wuxiQueue = try await console.get("/settlement/review", session: wuxi)
            #expect(!wuxiQueue.contains(settlementID))
            let foreign = try await console.post(
                "/settlement/review/\(settlementID)/1", [("decision", "approve")], session: wuxi)
            #expect(foreign.status == .notFound)

            let approve = try await console.post(
                "/settlement/review/\(settlementID)/1", [("decision", "approve"), ("note", "手术费用合理")], session: nanjing)
            #expect(approve.status == .seeOther)
            #expect(try world.store.settlementLine(settlementID: settlementID, lineNo: 1)?.reviewState == "approved")
            let again = try await console.post(
                "/settlement/review/\(settlementID)/1", [("decision", "refuse"), ("note", "x")], session: nanjing)
            #expect(again.status == .conflict)

            let dashboard = try await console.get("/dashboard", session: nanjing)
            #expect(dashboard.contains("今日直接结算"))
            #expect(dashboard.visibleText.contains("1 / 1"))
            let worker = try await console.get("/workers/\(TestWorld.worker1.raw)", session: nanjing)
            #expect(worker.contains("直接结算拒付与待审核明细"))
            #expect(worker.contains("R01"))
            let page = try await console.get("/settlement/institutions/H1", session: admin)
            #expect(page.status == .ok)
            #expect(page.contains("本月清算"))
        }
    }
}
