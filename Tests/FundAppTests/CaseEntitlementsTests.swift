import Foundation
import FundModel
import FundRules
import FundStore
import Testing

@testable import FundApp

/// `CaseEntitlements` reads everything a schedule needs from the store: the assessment in force on the day,
/// the worker's death and pensions (rules.md rev. 2), the dependants and the parameters.
@Suite("CaseEntitlements: the schedule of a stored case")
struct CaseEntitlementsTests {
    static let worker = PersonID.withCheckCharacter("32010219700101001")!
    static let widow = PersonID.withCheckCharacter("32010219600101002")!  // a woman, born 1960

    /// A store with case C1 (grade 2 from 2025-06-01, nursing full), the worker dead on 2026-03-10 and
    /// pensioned from 2025-09-15; parameters of 2025 and 2026 in 320000.
    static func store() throws -> (SQLiteFundStore, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fundapp-\(UUID().uuidString)")
            .path
        let data = directory + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let files = [
            "regions.csv": "code,name,level,parent_code\n320000,江苏省,province,\n320100,南京市,city,320000\n",
            "injury_cases.csv": """
            case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
            C1,\(worker.raw),E1,320100,2025-03-01,injury,2025-03-10,employer,2025-03-12,2025-04-20,recognized,false,8000.00,false,
            """,
            "assessments.csv": """
            assessment_id,case_id,worker_id,kind,applied_date,concluded_date,grade,nursing,hospital_id,experts,region_code
            A1,C1,\(worker.raw),initial,2025-05-01,2025-06-01,2,full,H1,,320100
            """,
            "dependents.csv": """
            dependent_id,case_id,relation,birth_date,lone,disabled,start_date,end_date
            \(widow.raw),C1,spouse,1960-01-01,false,false,2026-03-10,
            """,
            "parameters.csv": """
            region_code,year,name,value
            320000,2025,avg_monthly_wage,8000
            320000,2025,min_monthly_wage,2000
            320000,2026,avg_monthly_wage,9000
            320000,2026,min_monthly_wage,2200
            000000,2026,urban_disposable_income,54188
            """,
            "ext_deaths.csv": "person_id,death_date,source\n\(worker.raw),2026-03-10,民政\n",
            "ext_pensions.csv": "person_id,start_date,monthly_amount\n\(worker.raw),2025-09-15,5000.00\n",
        ]
        for (name, text) in files {
            try (text + "\n").write(toFile: data + "/" + name, atomically: true, encoding: .utf8)
        }
        let store = try SQLiteFundStore(path: directory + "/fund.sqlite")
        _ = try Importer(store: store).importDirectory(data, options: ImportOptions(rejectsDirectory: directory))
        return (store, directory)
    }

    @Test("条例 39(3): a grade 2 worker who died later leaves FUNERAL and DEPENDANT of the year of death, no DEATH_LUMP")
    func diedLater() throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try CaseEntitlements(store: store).schedule(caseID: "C1", on: Day(iso: "2026-04-15"))
        let schedule = result.schedule
        #expect(schedule.month == YearMonth(iso: "2026-04"))
        #expect(schedule.amount(ItemCode.deathLump) == nil)
        #expect(schedule.amount(ItemCode.funeral) == Money(yuan: 54_000))  // 6 × 9 000 (2026)
        #expect(schedule.amount(ItemCode.dependant) == Money(yuan: 3200))  // 40 % of 8 000
        #expect(schedule.amount(ItemCode.nursing) == Money(yuan: 4500))  // 50 % of 9 000
        // 伤残津贴 85 % of 8 000 = 6 800, minus the pension 5 000.
        #expect(schedule.amount(ItemCode.pensionTopup) == Money(yuan: 1800))
        #expect(result.dependants.count == 1 && result.dependants[0].ineligibility == nil)
    }

    @Test("before the assessment there is nothing to compute; an unknown case is named")
    func failures() throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: CaseEntitlements.Failure.self) {
            try CaseEntitlements(store: store).schedule(caseID: "C1", on: Day(iso: "2025-05-01"))
        }
        do {
            _ = try CaseEntitlements(store: store).schedule(caseID: "NOPE")
            Issue.record("an unknown case must fail")
        } catch let failure as CaseEntitlements.Failure {
            #expect(failure.description.contains("NOPE"))
        }
    }
}
