import Foundation
import FundModel
import GRDB
import Hummingbird
import Screening
import Testing

@testable import FundServer
@testable import FundStore

/// Issue 11 #4: finding ids carried full id numbers; payee accounts were never masked; an R19 page showed a
/// city handler other cities' workers.
@Suite("Security: masking that masks")
struct MaskingTests {
    static let account = "6222020200112233445"

    /// Adds a run with an R19 finding of Nanjing about a payee account, naming a Nanjing and a Wuxi worker.
    static func accountFinding(_ world: TestWorld) throws -> Finding {
        let finding = Finding(
            ruleID: "R19", severity: .orange, regionCode: TestWorld.nanjing, subjectType: .account,
            subjectID: account, amount: Money(yuan: 350),
            detail: "收款账户 \(account) 收到 2 名不同职工的待遇，请核实是否为代领或冒领",
            evidence: [TestWorld.worker1.raw, TestWorld.worker3.raw])
        _ = try world.store.saveScreeningRun(
            ScreeningRun(asOf: Day(iso: "2025-10-02")!, configuration: RulesConfiguration.default.yaml()),
            findings: [finding], rulesRun: ["R19"])
        return finding
    }

    @Test func findingIDsOfPeopleAreOpaqueAndStable() {
        let id = TestWorld.worker3.raw
        let opaque = Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: id)
        #expect(!opaque.contains(id))
        #expect(opaque.hasPrefix("DQ01-worker-") && opaque.count == "DQ01-worker-".count + 20)
        #expect(opaque == Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: id))
        #expect(opaque != Finding.stableID(ruleID: "R13", subjectType: .worker, subjectID: id))
        #expect(!Finding.stableID(ruleID: "R19", subjectType: .account, subjectID: Self.account).contains(Self.account))
        // Records that are not personal data keep their readable ids.
        #expect(Finding.stableID(ruleID: "R05", subjectType: .payment, subjectID: "P1") == "R05-payment-P1")
        #expect(Finding.currentIDs(forLegacy: "DQ01-worker-\(id)").first == opaque)
        #expect(
            Finding.currentIDs(forLegacy: "R04-worker-\(id)-MED").contains(
                Finding.stableID(ruleID: "R04", subjectType: .worker, subjectID: id) + "-MED"))
        #expect(Finding.currentIDs(forLegacy: "R05-payment-P1").isEmpty)
    }

    /// A link with the old id still leads to the finding (to its new address); the API answers it too.
    @Test func legacyIDsStayResolvable() async throws {
        let world = try TestWorld()
        try await world.test { client in
            let sup = try await client.login("sup")
            let page = try await client.get("/findings/\(TestWorld.workerWuxiLegacy)", session: sup)
            #expect(page.status == .movedPermanently)
            #expect(page.location == "/findings/\(TestWorld.workerWuxi)")
            let moved = try await client.get(try #require(page.location), session: sup)
            #expect(moved.status == .ok && !moved.contains("DQ01-worker-\(TestWorld.worker3.raw)"))
            let api = try await client.request(
                .get, "/api/v1/findings/\(TestWorld.workerWuxiLegacy)", headers: try APITests.key(world, "sup"))
            #expect(api.status == .ok && api.contains(TestWorld.workerWuxi))
            // The list, the CSV and the audit log carry the opaque id only.
            let csv = try await client.get("/findings.csv", session: sup)
            #expect(csv.contains(TestWorld.workerWuxi) && !csv.contains(TestWorld.worker3.raw))
        }
        #expect(try world.auditEntries().allSatisfy { !$0.targetID.contains(TestWorld.worker3.raw) })
    }

    /// A database from before: the findings about people move to their opaque ids with their history.
    @Test func migrationMovesLegacyFindingsWithTheirHistory() throws {
        let world = try TestWorld()
        let legacy = "DQ01-worker-\(TestWorld.worker1.raw)"
        let old = Finding(
            ruleID: "DQ01", severity: .yellow, regionCode: TestWorld.nanjing, subjectType: .worker,
            subjectID: TestWorld.worker1.raw, amount: .zero, detail: "校验位错误", evidence: [], findingID: legacy)
        _ = try world.store.saveScreeningRun(
            ScreeningRun(asOf: Day(iso: "2025-10-02")!, configuration: RulesConfiguration.default.yaml()),
            findings: [old], rulesRun: ["DQ01"])
        let step = VerificationStep(
            findingID: legacy, at: Date(), userID: nil, userName: "测试", action: .note, fromStatus: .new,
            toStatus: .new, reason: "旧疑点的说明", remoteAddress: "-")
        try world.store.applyVerification(step, updated: VerificationCase(findingID: legacy, status: .new))
        try world.store.databaseWriter.write { db in try OpaqueFindingIDs.migrate(db) }
        let current = Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: TestWorld.worker1.raw)
        #expect(try world.store.finding(id: legacy) == nil)
        #expect(try world.store.finding(id: current) != nil)
        #expect(try world.store.verificationSteps(findingID: current).map(\.reason) == ["旧疑点的说明"])
        // The step log is append-only again.
        #expect(throws: (any Error).self) {
            try world.store.databaseWriter.write { db in
                try db.execute(sql: "UPDATE verification_steps SET reason = 'x'")
            }
        }
    }

    @Test func accountsAreMaskedLikeIDs() async throws {
        #expect(Masking.account(Self.account) == "6222***********3445")
        #expect(Masking.account("ACC123") == "****23")
        let world = try TestWorld()
        let finding = try Self.accountFinding(world)
        try await world.test { client in
            let auditor = try await client.login("aud")
            let page = try await client.get(FindingPresentation.link(finding), session: auditor)
            #expect(page.status == .ok)
            #expect(!page.contains(Self.account) && page.contains("6222***********3445"))
            let nj = try await client.login("nj")
            let list = try await client.get("/findings?rule=R19", session: nj)
            #expect(!list.contains(Self.account) && list.contains("6222***********3445"))
            let api = try await client.request(
                .get, "/api/v1/findings?rule=R19", headers: try APITests.key(world, "nj"))
            #expect(!api.contains(Self.account))
            // Those who verify see it in full on the finding's page, as they see id numbers.
            let full = try await client.get(FindingPresentation.link(finding), session: nj)
            #expect(full.contains(Self.account))
        }
    }

    /// The evidence panels show only records of the viewer's region.
    @Test func evidencePanelsAreScopedToTheViewersRegion() async throws {
        let world = try TestWorld()
        let finding = try Self.accountFinding(world)
        try await world.test { client in
            let nj = try await client.login("nj")
            let city = try await client.get(FindingPresentation.link(finding), session: nj)
            #expect(city.status == .ok)
            #expect(city.contains("张伟"))
            #expect(!city.contains("王强"))
            // The finding's own evidence list masks the other city's worker for the city handler.
            #expect(city.contains(TestWorld.worker1.raw) && !city.contains(TestWorld.worker3.raw))
            let api = try await client.request(
                .get, "/api/v1/findings/\(finding.findingID)", headers: try APITests.key(world, "nj"))
            #expect(api.status == .ok && !api.contains(TestWorld.worker3.raw) && api.contains(TestWorld.worker1.raw))
            let sup = try await client.login("sup")
            let province = try await client.get(FindingPresentation.link(finding), session: sup)
            #expect(province.contains("张伟") && province.contains("王强"))
            #expect(province.contains(TestWorld.worker3.raw))
        }
    }

    /// The request log masks an id number inside a path segment (a legacy finding link).
    @Test func logMasksIDsInsideSegments() {
        let path = OuterMiddleware.maskedPath("/findings/DQ01-worker-\(TestWorld.worker3.raw)")
        #expect(!path.contains(TestWorld.worker3.raw))
    }
}
