import FundModel
import Testing

@testable import FundStore

/// Imports `dir.data` into `store`, expecting a rejection; returns the error.
func expectRejected(_ store: SQLiteFundStore, _ directory: String, options: ImportOptions = ImportOptions())
    throws -> ImportError
{
    do {
        let summary = try Importer(store: store).importDirectory(directory, options: options)
        Issue.record("expected the import to fail, it imported \(summary.rowsImported) rows")
        return ImportError(issues: [])
    } catch let error as ImportError {
        return error
    }
}

@Suite("Importer: every bad cell is reported as file:line: column: reason")
struct ImporterValidationTests {
    @Test("a clean data set imports, with rows per file")
    func cleanImport() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        dir.write("injury_cases.csv", Fixture.cases)
        dir.write("payments.csv", Fixture.payments([Fixture.payment("P1"), Fixture.payment("P2")]))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        let rows = Dictionary(uniqueKeysWithValues: summary.files.map { ($0.table, $0.rowsImported) })
        #expect(rows == [.regions: 2, .workers: 2, .injuryCases: 2, .payments: 2])
        // Only: employers, institutions and dependents were never imported, so those references are not checked.
        #expect(summary.warnings.count == 4)
        #expect(summary.warnings.allSatisfy { $0.contains("reference not checked") })
        #expect(summary.unmatched.isEmpty)
        #expect(try store.importedTables() == [.regions, .workers, .injuryCases, .payments])
    }

    @Test("a missing required column names the file and the column")
    func missingColumn() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "payments.csv",
            "payment_id,worker_id,item_code,paid_date,region_code,advance\nP1,\(Fixture.worker1),MED,2023-01-01,110100,false\n"
        )
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.map(\.description) == ["payments.csv:1: amount: 缺少必需的列 missing required column"])
    }

    @Test("a boolean column (advance) must be in the header: its absence would change what the rules see")
    func missingFlagColumn() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "payments.csv",
            "payment_id,worker_id,item_code,amount,paid_date,region_code\nP1,\(Fixture.worker1),MED,1,2023-01-01,110100\n"
        )
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.map(\.column) == ["advance"])
    }

    @Test("bad date, amount, code, region, id and empty required cells: all reported, with line and column")
    func badCells() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "payments.csv",
            Fixture.payments([
                Fixture.payment("P1"),
                Fixture.payment("P2", ["paid_date": "2023-02-30"]),  // line 3
                Fixture.payment("P3", ["amount": "12.345"]),  // line 4
                Fixture.payment("P4", ["channel": "cash"]),  // line 5
                Fixture.payment("P5", ["worker_id": ""]),  // line 6
                Fixture.payment("P6", ["region_code": "1101", "advance": "yes"]),  // line 7: two problems
                Fixture.payment("P7", ["dependent_id": "11010119900101123"]),  // line 8: 17 characters
            ]))
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issueCount == 7)
        #expect(error.issueCountByFile == ["payments.csv": 7])
        let lines = error.issues.map(\.description)
        #expect(lines[0] == "payments.csv:3: paid_date: 日期无效 not a date (YYYY-MM-DD): \"2023-02-30\"")
        #expect(
            lines[1] == "payments.csv:4: amount: 金额无效 more than two decimals (money is kept to the fen): \"12.345\"")
        #expect(lines[2] == "payments.csv:5: channel: 代码无效 not one of: direct | reimbursement | bank: \"cash\"")
        #expect(lines[3] == "payments.csv:6: worker_id: 必填项为空 required value missing")
        #expect(error.issues[4].line == 7 && error.issues[4].column == "region_code")
        #expect(error.issues[5].line == 7 && error.issues[5].column == "advance")
        #expect(error.issues[6].line == 8 && error.issues[6].column == "dependent_id")
    }

    @Test("every bad row is counted even past the number of issues kept in memory")
    func issueCap() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        let rows = (1...30).map { Fixture.payment("P\($0)", ["amount": "x"]) }
        dir.write("payments.csv", Fixture.payments(rows))
        let error = try expectRejected(dir.store(), dir.data, options: ImportOptions(issueLimit: 10))
        #expect(error.issueCount == 30)
        #expect(error.issues.count == 10)
        #expect(error.text(limit: 5).contains("… 另有 25 个 and 25 more"))
    }

    @Test("a record with the wrong number of fields is reported on its line")
    func fieldCount() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions + "110200,乙市,city\n")
        let error = try expectRejected(dir.store(), dir.data)
        #expect(
            error.issues.map(\.description) == [
                "regions.csv:4: 字段数不符 expected 4 fields (as in the header), found 3"
            ])
    }

    @Test("quoted fields with commas and line breaks import; a later error names its physical line")
    func quotedFields() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        dir.write(
            "injury_cases.csv",
            """
            case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
            C1,\(Fixture.worker1),E1,110100,2023-05-10,injury,,,,,pending,false,,false,"从脚手架坠落, 左腿骨折
            送医途中""救护车""延误"
            C2,\(Fixture.worker2),E1,110100,2023-05-11,fall,,,,,pending,false,,false,

            """)
        let error = try expectRejected(dir.store(), dir.data)
        #expect(
            error.issues.map(\.description) == [
                "injury_cases.csv:4: kind: 代码无效 not one of: injury | disease | deemed: \"fall\""
            ])

        dir.write(
            "injury_cases.csv",
            """
            case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
            C1,\(Fixture.worker1),E1,110100,2023-05-10,injury,,,,,pending,false,,false,"从脚手架坠落, 左腿骨折
            送医途中""救护车""延误"

            """)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        #expect(try store.injuryCase(id: "C1")?.description == "从脚手架坠落, 左腿骨折\n送医途中\"救护车\"延误")
    }

    @Test("a file starting with a BOM imports (the first column is found)")
    func byteOrderMark() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(Fixture.regions.utf8))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.files.first?.rowsImported == 2)
        #expect(try store.regions().map(\.code.raw) == ["110000", "110100"])
    }

    @Test("unknown columns and files are ignored with a warning; an absent optional column is read as empty")
    func unknownColumn() throws {
        let dir = TemporaryDirectory()
        dir.write(
            "regions.csv", "code,name,level,parent_code,remark\n110000,某某省,province,,x\n110100,甲市,city,110000,y\n")
        dir.write("institutions.csv", "institution_id,name,kind,region_code\nH1,第一医院,medical,110100\n")
        dir.write("notes.csv", "a\n1\n")
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.warnings.count == 3)
        #expect(
            summary.warnings.contains { $0.contains("regions.csv") && $0.contains("unknown column remark ignored") })
        #expect(
            summary.warnings.contains {
                $0.contains("institutions.csv") && $0.hasSuffix("optional column(s) absent, read as empty: grade")
            })
        #expect(summary.warnings.contains { $0.contains("unknown file notes.csv ignored") })
        #expect(
            try store.loadDataSet().institutions == [
                Institution(
                    institutionID: "H1", name: "第一医院", kind: .medical, regionCode: RegionCode("110100")!, grade: nil)
            ])
    }

    @Test("a duplicated header column is an error of the file")
    func duplicateColumn() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", "code,name,level,name\n110000,a,province,b\n")
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.map(\.description) == ["regions.csv:1: name: 列名重复 duplicate column"])
    }

    @Test("a GBK-encoded name in a file named UTF-8 (--encoding utf-8) is reported as not UTF-8")
    func notUTF8() throws {
        let dir = TemporaryDirectory()
        // 甲市 in GBK: BC D7 CA D0.
        dir.write(
            "regions.csv",
            bytes: Array("code,name,level,parent_code\n110000,".utf8) + [0xBC, 0xD7, 0xCA, 0xD0]
                + Array(",province,\n".utf8))
        var options = ImportOptions()
        options.encoding = .utf8
        let error = try expectRejected(dir.store(), dir.data, options: options)
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.description.hasPrefix("regions.csv:2: name: 非 UTF-8 编码") == true)
    }

    @Test("an unterminated quote is reported on the line where its record starts")
    func unterminatedQuote() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions + "110200,\"乙市,city,110000\n")
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.map(\.line) == [4])
        #expect(error.issues.first?.reason.contains("unterminated quoted field") == true)
    }

    @Test("regions.csv is required while the database has no regions, and only then")
    func regionsRequired() throws {
        let dir = TemporaryDirectory()
        dir.write("workers.csv", Fixture.workers)
        let store = try dir.store()
        let error = try expectRejected(store, dir.data)
        #expect(error.issues.map(\.file) == ["regions.csv"])

        dir.write("regions.csv", Fixture.regions, in: "first")
        _ = try Importer(store: store).importDirectory(dir.path + "/first")
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.files.map(\.table) == [.workers])
    }

    @Test("a person id with a wrong check character imports (DQ01 flags it later); a lower-case x is stored as X")
    func personIDs() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "workers.csv",
            """
            worker_id,name,region_code
            \(Fixture.badCheck),王五,110100
            11010519491231002x,赵六,110100

            """)
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        let workers = try store.loadDataSet().workers ?? []
        #expect(workers.map(\.workerID.raw) == [Fixture.badCheck, "11010519491231002X"])
        #expect(workers[0].workerID.hasValidCheckCharacter == false)
        #expect(try store.worker(id: PersonID("11010519491231002X")!)?.name == "赵六")
    }

    @Test("a directory without interchange files is an error")
    func emptyDirectory() throws {
        let dir = TemporaryDirectory()
        dir.write("readme.txt", "nothing here")
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.first?.reason.contains("no interchange files") == true)
    }

    @Test("an empty file has no header row")
    func emptyFile() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", "")
        let error = try expectRejected(dir.store(), dir.data)
        #expect(error.issues.map(\.description) == ["regions.csv: 空文件，缺少表头 empty file: no header row"])
    }

    @Test("list cells: items are checked one by one, and a required list of only separators is empty")
    func listCells() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "agreements.csv",
            """
            agreement_id,institution_id,services,start_date,end_date,status
            G1,H1,medical; rehab,2020-01-01,2025-12-31,active
            G2,H1,medical;spa,2020-01-01,2025-12-31,active
            G3,H1, ; ,2020-01-01,2025-12-31,active

            """)
        let error = try expectRejected(dir.store(), dir.data)
        #expect(
            error.issues.map(\.description) == [
                "agreements.csv:3: services: 列表项无效 \"spa\" is not one of: medical | rehab | assistive: \"medical;spa\"",
                "agreements.csv:4: services: 必填项为空 required value missing",
            ])
    }
}
