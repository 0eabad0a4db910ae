import Foundation
import FundModel

@testable import FundStore

/// A directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("fundstore-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` (UTF-8, exactly as given) to `name` in the directory or a subdirectory.
    func write(_ name: String, _ text: String, in subdirectory: String = "data") {
        write(name, bytes: Array(text.utf8), in: subdirectory)
    }

    func write(_ name: String, bytes: [UInt8], in subdirectory: String = "data") {
        let directory = path + "/" + subdirectory
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes)))
    }

    func remove(_ name: String, in subdirectory: String = "data") {
        try? FileManager.default.removeItem(atPath: path + "/" + subdirectory + "/" + name)
    }

    var data: String { path + "/data" }

    /// A new store in this directory.
    func store(_ name: String = "fund.sqlite") throws -> SQLiteFundStore {
        try SQLiteFundStore(path: path + "/" + name)
    }

    func contents(_ relativePath: String) -> String? {
        try? String(contentsOfFile: path + "/" + relativePath, encoding: .utf8)
    }
}

/// Small, hand-written interchange files.
enum Fixture {
    static let regions = """
        code,name,level,parent_code
        110000,某某省,province,
        110100,甲市,city,110000

        """

    /// Valid person ids (check characters computed by hand, GB 11643).
    static let worker1 = "11010519491231002X"
    static let worker2 = "110101199001011237"
    /// Well-shaped, wrong check character (must import: DQ01 flags it later).
    static let badCheck = "110101199001011230"

    static let workers = """
        worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until
        \(worker1),张三,M,1949-12-31,E1,110100,2010-01-01,
        \(worker2),李四,F,1990-01-01,E1,110100,2020-03-01,2024-06-30

        """

    static let cases = """
        case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
        C1,\(worker1),E1,110100,2023-05-10,injury,2023-05-20,employer,2023-05-22,2023-06-30,recognized,false,6500.00,false,高处坠落
        C2,\(worker2),E1,110100,2023-07-01,deemed,,,,,pending,true,,1,

        """

    static let paymentsHeader =
        "payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance"

    /// A payments row with the given cells replaced (by column name).
    static func payment(_ id: String, _ overrides: [String: String] = [:]) -> String {
        var cells: [String: String] = [
            "payment_id": id, "case_id": "C1", "worker_id": worker1, "item_code": "MED", "amount": "1234.50",
            "paid_date": "2023-08-01", "period_start": "2023-07-01", "period_end": "2023-07-10",
            "institution_id": "H1", "invoice_no": "INV-\(id)", "channel": "direct", "payee_account": "",
            "dependent_id": "", "region_code": "110100", "advance": "false",
        ]
        for (key, value) in overrides { cells[key] = value }
        return paymentsHeader.split(separator: ",").map { cells[String($0)]! }.joined(separator: ",")
    }

    static func payments(_ rows: [String]) -> String {
        ([paymentsHeader] + rows).joined(separator: "\n") + "\n"
    }
}
