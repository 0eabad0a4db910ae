import Foundation
import FundModel
import Testing

@testable import FundStore

@Suite("Importer: lenient mode skips bad rows into a rejects file")
struct LenientImportTests {
    @Test("bad rows go to <table>.rejects.csv next to the database, with line, reasons and raw cells; the rest imports")
    func rejectsNextToDatabase() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "payments.csv",
            Fixture.payments([
                Fixture.payment("P1"),
                Fixture.payment("P2", ["amount": "1,5"]),  // line 3, quoted in the file below
                Fixture.payment("P3"),
                Fixture.payment("P4", ["paid_date": "", "channel": "cash"]),  // line 5
            ]).replacingOccurrences(of: ",1,5,", with: ",\"1,5\","))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data, options: ImportOptions(lenient: true))

        #expect(summary.files.first { $0.table == .payments }?.rowsImported == 2)
        #expect(summary.files.first { $0.table == .payments }?.rowsRejected == 2)
        #expect(summary.rejectedIssueCount == 3)
        #expect(summary.rejectsFiles == [dir.path + "/payments.rejects.csv"])
        #expect(try store.loadDataSet().payments?.map(\.paymentID) == ["P1", "P3"])

        let rejects = try #require(dir.contents("payments.rejects.csv")).split(separator: "\n").map(String.init)
        #expect(rejects.count == 3)
        #expect(rejects[0] == "line,reason," + Fixture.paymentsHeader)
        #expect(
            rejects[1]
                == "3,\"amount: 金额无效 not an amount in yuan (expected digits with at most two decimals, e.g. 1234.50): \"\"1,5\"\"\","
                + Fixture.payment("P2", ["amount": "\"1,5\""]))
        #expect(
            rejects[2].hasPrefix(
                "5,\"paid_date: 必填项为空 required value missing; channel: 代码无效 not one of: direct | reimbursement | bank: \"\"cash\"\"\",P4,"
            ))
    }

    @Test("the rejects folder can be given")
    func rejectsFolder() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions + "110200,乙市,town,110000\n")
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(
            dir.data, options: ImportOptions(lenient: true, rejectsDirectory: dir.path + "/rejects"))
        #expect(summary.rejectsFiles == [dir.path + "/rejects/regions.rejects.csv"])
        #expect(
            dir.contents("rejects/regions.rejects.csv")?.hasPrefix("line,reason,code,name,level,parent_code\n4,")
                == true)
        #expect(try store.regions().count == 2)
    }

    @Test("a clean import in lenient mode writes no rejects file")
    func noRejects() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        let summary = try Importer(store: dir.store()).importDirectory(dir.data, options: ImportOptions(lenient: true))
        #expect(summary.rejectsFiles.isEmpty)
        #expect(dir.contents("regions.rejects.csv") == nil)
    }

    @Test("a problem of a whole file still rejects the import in lenient mode, and no rejects file is left")
    func fileProblemStillFails() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions + "110200,乙市,town,110000\n")
        dir.write("workers.csv", "worker_id,region_code\n\(Fixture.worker1),110100\n")
        let store = try dir.store()
        let error = try expectRejected(store, dir.data, options: ImportOptions(lenient: true))
        #expect(error.issues.map(\.description) == ["workers.csv:1: name: 缺少必需的列 missing required column"])
        #expect(try store.regions().isEmpty)
        #expect(dir.contents("regions.rejects.csv") == nil)
    }
}
