import Foundation
import FundApp
import FundModel
import FundStore
import Hummingbird
import HummingbirdTesting
import Screening
import Testing

@testable import FundServer

/// A small province in a temporary database: two cities, a few workers, cases and payments, the fund
/// ledger, one screening run with hand-made findings, and one user of each role.
final class TestWorld: @unchecked Sendable {
    let directory: String
    let store: SQLiteFundStore
    let environment: ServerEnvironment
    let router: Router<FundRequestContext>

    static let password = "Passw0rd-123"
    /// 南京 and 无锡, cities of the province 320000.
    static let nanjing = RegionCode("320100")!
    static let wuxi = RegionCode("320200")!

    static let worker1 = PersonID.withCheckCharacter("32010219800101001")!  // 南京
    static let worker2 = PersonID.withCheckCharacter("32010219750505002")!  // 南京, died
    static let worker3 = PersonID.withCheckCharacter("32020219900303003")!  // 无锡

    /// Findings: F_NJ_RED (R05, 南京), F_NJ_ORANGE (R03, 南京), F_WX_YELLOW (R08, 无锡), F_WX_DQ (DQ01, 无锡, a worker).
    static let redNanjing = "R05-payment-P1"
    static let orangeNanjing = "R03-payment-P2"
    static let yellowWuxi = "R08-payment-P3"
    static let workerWuxi = Finding.stableID(ruleID: "DQ01", subjectType: .worker, subjectID: worker3.raw)
    /// The id the Wuxi worker's finding had before ids of findings about people became opaque.
    static let workerWuxiLegacy = "DQ01-worker-\(worker3.raw)"

    init(
        configuration: ServerConfiguration = ServerConfiguration(trustForwardedFor: true, bcryptCost: 4),
        rateLimiter: LoginRateLimiter = LoginRateLimiter()
    ) throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("fundserver-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteFundStore(path: directory + "/fund.sqlite")
        try Self.importData(into: store, directory: directory)
        try Self.recordRun(store)
        environment = ServerEnvironment(store: store, configuration: configuration, rateLimiter: rateLimiter)
        router = FundServer.makeRouter(environment: environment)
        let hasher = PasswordHasher(cost: 4)
        for (name, display, role, region) in [
            ("admin", "管理员", Role.admin, nil), ("sup", "省监督", .supervisor, nil),
            ("nj", "南京经办甲", .cityHandler, Self.nanjing), ("nj2", "南京经办乙", .cityHandler, Self.nanjing),
            ("wx", "无锡经办", .cityHandler, Self.wuxi), ("aud", "审计员", .auditor, nil),
        ] as [(String, String, Role, RegionCode?)] {
            _ = try store.createUser(
                name: name, displayName: display, role: role, regionCode: region,
                passwordHash: hasher.hashNow(Self.password), at: Date())
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    static func importData(into store: SQLiteFundStore, directory: String) throws {
        let data = directory + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let files: [String: String] = [
            "regions.csv": """
            code,name,level,parent_code
            320000,江苏省,province,
            320100,南京市,city,320000
            320200,无锡市,city,320000

            """,
            "workers.csv": """
            worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until
            \(worker1.raw),张伟,M,1980-01-01,E1,320100,2015-01-01,
            \(worker2.raw),李秀英,F,1975-05-05,E1,320100,2010-01-01,
            \(worker3.raw),王强,M,1990-03-03,E2,320200,2018-01-01,

            """,
            "injury_cases.csv": """
            case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
            C1,\(worker1.raw),E1,320100,2025-03-01,injury,2025-03-10,employer,2025-03-12,2025-04-20,recognized,false,8000.00,false,机械伤手
            C3,\(worker3.raw),E2,320200,2025-06-01,injury,2025-06-05,employer,2025-06-06,2025-07-01,recognized,false,6000.00,false,摔伤

            """,
            "payments.csv": """
            payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance
            P1,C1,\(worker2.raw),MED,1234.50,2025-09-10,2025-09-01,2025-09-05,H1,INV-1,direct,,,320100,false
            P2,C1,\(worker1.raw),MED,250000.00,2025-05-10,2025-04-01,2025-04-30,H1,INV-2,direct,,,320100,false
            P3,C3,\(worker3.raw),MED,800.00,2025-08-10,2025-08-01,2025-08-02,H2,INV-3,direct,,,320200,false
            P4,C3,\(worker3.raw),MED,800.00,2025-08-12,2025-08-01,2025-08-02,H2,INV-3,direct,,,320200,false

            """,
            "fund_ledger.csv": """
            region_code,month,revenue,benefit_expenditure,prevention_expenditure,assessment_expenditure,other_expenditure,balance
            320100,2025-07,1000000.00,600000.00,10000.00,5000.00,5000.00,5000000.00
            320100,2025-08,1100000.00,700000.00,10000.00,5000.00,5000.00,5380000.00
            320200,2025-07,500000.00,300000.00,5000.00,2000.00,3000.00,2000000.00
            320200,2025-08,520000.00,310000.00,5000.00,2000.00,3000.00,2200000.00

            """,
            "parameters.csv": """
            region_code,year,name,value
            320000,2025,avg_monthly_wage,8000
            320000,2025,min_monthly_wage,2000
            320000,2026,avg_monthly_wage,9000
            320000,2026,min_monthly_wage,2200
            320000,2026,adjust_ratio,0.05
            320000,2026,pooling,city

            """,
            "assessments.csv": """
            assessment_id,case_id,worker_id,kind,applied_date,concluded_date,grade,nursing,hospital_id,experts,region_code
            A1,C1,\(worker1.raw),review,2025-05-01,2025-06-01,3,full,H1,,320100

            """,
            "ext_deaths.csv": """
            person_id,death_date,source
            \(worker2.raw),2025-06-30,民政

            """,
        ]
        for (name, text) in files {
            try text.write(toFile: data + "/" + name, atomically: true, encoding: .utf8)
        }
        _ = try Importer(store: store).importDirectory(data, options: ImportOptions(rejectsDirectory: directory))
    }

    static func recordRun(_ store: SQLiteFundStore) throws {
        let findings = [
            Finding(
                ruleID: "R05", severity: .red, regionCode: nanjing, subjectType: .payment, subjectID: "P1",
                amount: Money(fen: 123_450), detail: "死亡后支出：职工 \(worker2.raw) 于 2025-06-30 死亡，之后仍支付医疗费",
                evidence: [worker2.raw]),
            Finding(
                ruleID: "R03", severity: .orange, regionCode: nanjing, subjectType: .payment, subjectID: "P2",
                amount: Money(yuan: 250_000), detail: "大额支出：医疗费 250000.00 元，超过阈值 2 倍", evidence: []),
            Finding(
                ruleID: "R08", severity: .yellow, regionCode: wuxi, subjectType: .payment, subjectID: "P3",
                amount: Money(yuan: 800), detail: "重复票据 INV-3", evidence: ["P4"]),
            Finding(
                ruleID: "DQ01", severity: .yellow, regionCode: wuxi, subjectType: .worker, subjectID: worker3.raw,
                amount: .zero, detail: "身份证号 \(worker3.raw) 校验位错误", evidence: []),
        ]
        _ = try store.saveScreeningRun(
            ScreeningRun(asOf: Day(iso: "2025-10-01")!, configuration: RulesConfiguration.default.yaml()),
            findings: findings, rulesRun: ["R05", "R03", "R08", "DQ01"])
    }

    /// Runs `body` with a router test client.
    func test(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.router) { client in
            try await body(Client(client: client))
        }
    }

    /// Runs `body` against the router listening on a real socket (its port), for raw-socket tests.
    func testLive(_ body: @escaping @Sendable (Client, Int) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.live) { client in
            try await body(Client(client: client), try #require(client.port))
        }
    }

    func auditEntries(action: String? = nil) throws -> [AuditEntry] {
        try store.auditEntries(AuditQuery(action: action, limit: 1000))
    }
}
