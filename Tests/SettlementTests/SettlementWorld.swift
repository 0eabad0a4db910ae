import Foundation
import FundModel
import FundStore
import Screening
import Settlement

/// A small province in a temporary database, for the settlement tests: one city, three workers with cards,
/// their cases, a hospital with a medical agreement, a rehabilitation centre without an agreement in force,
/// and a few payments. Today is 2026-03-16 (China).
final class SettlementWorld: @unchecked Sendable {
    let directory: String
    let store: SQLiteFundStore
    let service: SettlementService
    /// The China day the service sees.
    static let today = Day(iso: "2026-03-16")!
    /// 2026-03-16 10:00 in China.
    static let now = Date(timeIntervalSince1970: 1_773_626_400)

    static let worker = PersonID.withCheckCharacter("32010219800101001")!
    static let deadWorker = PersonID.withCheckCharacter("32010219750505002")!
    static let unrecognized = PersonID.withCheckCharacter("32010219900303003")!
    static let hospital = SettlementCaller(institutionID: "H1", credentialID: 1, remoteAddress: "10.0.0.1")
    static let rehabCentre = SettlementCaller(institutionID: "R1", credentialID: 2, remoteAddress: "10.0.0.2")

    init(extraFiles: [String: String] = [:]) throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("settlement-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteFundStore(path: directory + "/fund.sqlite")
        try Self.write(Self.files.merging(extraFiles) { _, new in new }, to: directory + "/data")
        _ = try Importer(store: store).importDirectory(
            directory + "/data", options: ImportOptions(rejectsDirectory: directory))
        service = SettlementService(store: store, now: { Self.now }, configuration: { .default })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    static func write(_ files: [String: String], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
    }

    /// Imports more files into the world's database.
    func importFiles(_ files: [String: String]) throws -> ImportSummary {
        let path = directory + "/more-\(UUID().uuidString)"
        try Self.write(files, to: path)
        return try Importer(store: store).importDirectory(path, options: ImportOptions(rejectsDirectory: directory))
    }

    static let files: [String: String] = [
        "regions.csv": """
        code,name,level,parent_code
        320000,江苏省,province,
        320100,南京市,city,320000

        """,
        "workers.csv": """
        worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until
        \(worker.raw),张伟,M,1980-01-01,E1,320100,2015-01-01,
        \(deadWorker.raw),李秀英,F,1975-05-05,E1,320100,2010-01-01,
        \(unrecognized.raw),王强,M,1990-03-03,E1,320100,2018-01-01,

        """,
        "injury_cases.csv": """
        case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
        C1,\(worker.raw),E1,320100,2025-03-01,injury,2025-03-10,employer,2025-03-12,2025-04-20,recognized,false,8000.00,false,机械伤手
        C2,\(deadWorker.raw),E1,320100,2025-01-01,injury,2025-01-05,employer,2025-01-06,2025-02-01,recognized,false,6000.00,false,摔伤
        C3,\(unrecognized.raw),E1,320100,2025-06-01,injury,2025-06-05,employer,2025-06-06,2025-07-01,rejected,false,6000.00,false,扭伤

        """,
        "institutions.csv": """
        institution_id,name,kind,region_code,grade
        H1,南京市第一医院,medical,320100,三级甲等
        R1,南京康复中心,rehab,320100,

        """,
        "agreements.csv": """
        agreement_id,institution_id,services,start_date,end_date,status
        AG1,H1,medical,2025-01-01,2026-12-31,active
        AG2,R1,rehab,2024-01-01,2025-12-31,active

        """,
        "payments.csv": """
        payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance
        P1,C1,\(worker.raw),MED,1200.00,2026-01-10,2026-01-05,2026-01-05,H1,INV-OLD,reimbursement,,,320100,false

        """,
        "ext_deaths.csv": """
        person_id,death_date,source
        \(deadWorker.raw),2026-01-31,民政

        """,
        "cards.csv": """
        card_no,person_id,status,issued_date,ecard_token,ecard_expires
        K100,\(worker.raw),active,2020-01-01,ETOKEN-1,2026-12-31
        K099,\(worker.raw),lost,2015-01-01,,
        K200,\(deadWorker.raw),active,2018-01-01,,
        K300,\(unrecognized.raw),active,2019-01-01,ETOKEN-OLD,2026-01-31

        """,
    ]

    /// A one-line bill of the worker's case C1 with their card.
    static func bill(
        card: CardPresented = .number("K100"), caseID: String = "C1", item: String = "MED", fen: Int64 = 50_000,
        invoice: String = "INV-1", start: String = "2026-03-15", lineNo: Int = 1
    ) -> Bill {
        Bill(
            card: card, caseID: caseID,
            lines: [
                BillLine(
                    lineNo: lineNo, itemCode: item, amount: Money(fen: fen), serviceStart: Day(iso: start)!,
                    invoiceNo: invoice)
            ])
    }

    /// The decoded JSON of a stored answer.
    static func json(_ reply: SettlementReply) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(reply.answer.response.utf8)) as? [String: Any] ?? [:]
    }

    static func lines(_ reply: SettlementReply) throws -> [[String: Any]] {
        try json(reply)["lines"] as? [[String: Any]] ?? []
    }
}
