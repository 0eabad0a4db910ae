import FundModel
import Testing

@testable import FundStore

@Suite("Importer: unmatched references are kept, counted and listed")
struct ReferenceCheckTests {
    @Test("payments of an unknown case or worker are kept and counted, with examples")
    func unknownCaseAndWorker() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        dir.write("injury_cases.csv", Fixture.cases)
        dir.write(
            "payments.csv",
            Fixture.payments([
                Fixture.payment("P1"),
                Fixture.payment("P2", ["case_id": "C404"]),
                Fixture.payment("P3", ["case_id": "C405", "worker_id": Fixture.badCheck]),
                Fixture.payment("P4", ["case_id": ""]),  // an advance before determination: no case, nothing to match
                Fixture.payment("P5", ["region_code": "990100"]),
            ]))
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)

        #expect(try store.loadDataSet().payments?.count == 5)
        let byColumn = Dictionary(uniqueKeysWithValues: summary.unmatched.map { ($0.column, $0) })
        #expect(byColumn["case_id"]?.count == 2)
        #expect(byColumn["case_id"]?.examples == ["P2 → C404", "P3 → C405"])
        #expect(byColumn["case_id"]?.target == "injury_cases.case_id")
        #expect(byColumn["worker_id"]?.count == 1)
        #expect(byColumn["worker_id"]?.examples == ["P3 → \(Fixture.badCheck)"])
        #expect(byColumn["region_code"]?.count == 1)
        // institutions.csv and dependents.csv were never imported: not checked, said so.
        #expect(byColumn["institution_id"] == nil)
        #expect(summary.warnings.contains { $0.contains("payments.csv institution_id") && $0.contains("not checked") })
        #expect(summary.text.contains("payments.csv case_id: 2 行无对应 rows without a match in injury_cases.case_id"))
    }

    @Test("shared-data rows whose person is neither a worker nor a dependant are counted")
    func sharedDataPersons() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("workers.csv", Fixture.workers)
        dir.write("injury_cases.csv", Fixture.cases)
        let dependant = "110101201001011234"
        dir.write(
            "dependents.csv",
            "dependent_id,case_id,relation,birth_date,lone,disabled,start_date,end_date\n\(dependant),C2,child,2010-01-01,false,false,2023-07-01,\n"
        )
        dir.write(
            "ext_deaths.csv",
            "person_id,death_date,source\n\(Fixture.worker1),2024-01-01,公安\n\(dependant),2024-01-02,民政\n\(Fixture.badCheck),2024-01-03,公安\n"
        )
        let summary = try Importer(store: dir.store()).importDirectory(dir.data)
        let deaths = summary.unmatched.filter { $0.table == .deaths }
        #expect(deaths.map(\.count) == [1])
        #expect(deaths.first?.examples == [Fixture.badCheck])
        #expect(deaths.first?.target == "workers.worker_id|dependents.dependent_id")
    }

    @Test("the national region 000000 of parameters needs no region row")
    func nationalParameters() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "parameters.csv",
            "region_code,year,name,value\n000000,2023,urban_disposable_income,49283\n120100,2023,avg_monthly_wage,7000\n"
        )
        let summary = try Importer(store: dir.store()).importDirectory(dir.data)
        #expect(summary.unmatched.map(\.examples) == [["120100"]])
    }

    @Test("references are matched against earlier imports too, and a lower-case x matches the stored X")
    func earlierImportsAndLowerCaseX() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions, in: "base")
        dir.write("workers.csv", Fixture.workers, in: "base")
        dir.write("injury_cases.csv", Fixture.cases, in: "base")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.path + "/base")
        dir.write(
            "payments.csv",
            Fixture.payments([
                Fixture.payment("P1", ["worker_id": "11010519491231002x"]),  // worker1 with a lower-case x
                Fixture.payment("P2", ["case_id": "C2", "worker_id": Fixture.worker2]),
                Fixture.payment("P3", ["case_id": "C3"]),
            ]))
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(
            summary.unmatched.map(\.description) == [
                "payments.csv case_id: 1 行无对应 rows without a match in injury_cases.case_id, e.g. P3 → C3"
            ])
    }

    @Test("a region whose parent is not a region is counted after the regions are loaded")
    func regionParent() throws {
        let dir = TemporaryDirectory()
        // The city comes before its province: the check must wait for the whole file.
        dir.write(
            "regions.csv",
            "code,name,level,parent_code\n110100,甲市,city,110000\n110000,某某省,province,\n120100,乙市,city,120000\n")
        let summary = try Importer(store: dir.store()).importDirectory(dir.data)
        #expect(
            summary.unmatched.map(\.description) == [
                "regions.csv parent_code: 1 行无对应 rows without a match in regions.code, e.g. 120100 → 120000"
            ])
    }
}
