import Casework
import Foundation
import FundModel
import FundStore
import GRDB
import Hummingbird
import Testing

@testable import FundServer

/// One provincial system (issue 10 point 5): a determination decided and an assessment concluded in the
/// console are the case and the assessment that screening and the entitlements read; an import of the same
/// case is reconciled with the register, its conflicts listed, nothing silently overwritten.
@Suite("The registers feed screening (信息系统内部流转)")
struct RegisterFeedsScreeningTests {
    static let determination = "/casework/determinations/D-NJ-1"

    @Test("decided and assessed in the console, then an imported allowance above grade 3's amount fires R10")
    func registerGradeFiresR10() async throws {
        let world = try CaseworkWorld.make()
        let month = CaseworkWorld.today.yearMonth
        try await world.test { client in
            let nj = try await client.login("nj")
            func step(_ path: String, _ fields: [(String, String)]) async throws {
                let response = try await client.post(path, fields, session: nj)
                #expect(
                    response.status == .seeOther, "\(path) \(fields): \(response.status) \(response.body.prefix(400))")
            }
            try await step(Self.determination + "/steps", [("action", "accept"), ("on", CaseworkWorld.day(-3).iso)])
            try await step(
                Self.determination + "/steps",
                [
                    ("action", "decide"), ("outcome", "recognized"), ("basis", "14(1)"), ("injured_parts", "右手"),
                    ("on", CaseworkWorld.day(-3).iso),
                ])
            try await step(
                "/casework/assessments",
                [
                    ("assessment_id", "A-NEW"), ("case_id", "D-NJ-1"), ("specialties", "骨科"), ("hospital_id", "H1"),
                    ("on", CaseworkWorld.day(-3).iso),
                ])
            try await step(
                "/casework/assessments/A-NEW/steps",
                [("action", "draw"), ("size", "3"), ("on", CaseworkWorld.day(-2).iso)])
            try await step(
                "/casework/assessments/A-NEW/steps",
                [
                    ("action", "conclude"), ("grade", "3"), ("nursing", "none"), ("injured_parts", "右手"),
                    ("on", CaseworkWorld.day(-2).iso),
                ])

            // The production system sends the case (with its own wage, still "pending" there) and an allowance
            // from today (after the conclusion): 7 000 against grade 3's 80 % of 8 000 = 6 400.
            let cases = """
                case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description
                D-NJ-1,\(TestWorld.worker1.raw),E1,320100,\(CaseworkWorld.day(-10).iso),injury,\(CaseworkWorld.day(-3).iso),employer,,,pending,false,8000.00,false,

                """
            // The figures of the years the test spans, whatever year it runs in.
            let years = Set([CaseworkWorld.day(-10).year, CaseworkWorld.today.year]).sorted()
            let parameters =
                "region_code,year,name,value\n"
                + years.map { "320000,\($0),avg_monthly_wage,9000\n320000,\($0),min_monthly_wage,2200\n" }.joined()
            let payments = """
                payment_id,case_id,worker_id,item_code,amount,paid_date,period_start,period_end,institution_id,invoice_no,channel,payee_account,dependent_id,region_code,advance
                PX1,D-NJ-1,\(TestWorld.worker1.raw),DISABILITY_MONTHLY,7000.00,\(CaseworkWorld.today.iso),\(CaseworkWorld.today.iso),\(month.lastDay.iso),,,bank,,,320100,false

                """
            let admin = try await client.login("admin")
            let imported = try await client.postMultipart(
                "/imports", fields: [],
                files: [
                    .init(
                        field: "files", fileName: "injury_cases.csv", contentType: "text/csv", data: Data(cases.utf8)),
                    .init(field: "files", fileName: "payments.csv", contentType: "text/csv", data: Data(payments.utf8)),
                    .init(
                        field: "files", fileName: "parameters.csv", contentType: "text/csv", data: Data(parameters.utf8)
                    ),
                ], session: admin)
            #expect(imported.status == .ok)
            // The register's decision stands; the difference is listed, not silently taken.
            #expect(
                imported.contains("与认定、鉴定台账不一致")
                    && imported.contains("<td>decision</td><td>pending</td><td>recognized</td>"))
            let screened = try await client.finished(
                try await client.post("/screenings", [("as_of", CaseworkWorld.today.iso)], session: admin),
                session: admin)
            #expect(screened.status == .ok)
        }
        let findings = try world.store.findings().map(\.finding).filter { $0.subjectID == "PX1" }
        #expect(findings.map(\.ruleID).sorted() == ["R10"], "\(findings.map { "\($0.ruleID) \($0.detail)" })")
        #expect(findings.first?.amount == Money(yuan: 600))
        // The imported row is kept as it came.
        let raw = try await DatabaseQueue(path: world.directory + "/fund.sqlite").read { db in
            try String.fetchOne(db, sql: "SELECT decision FROM injury_cases WHERE case_id = 'D-NJ-1'")
        }
        #expect(raw == "pending")
        // The entitlements read the same case: grade 3's allowance this month.
        let schedule = try world.store.injuryCase(id: "D-NJ-1")
        #expect(schedule?.decision == .recognized && schedule?.ownWage == Money(yuan: 8000))
        #expect(try world.store.assessments(caseID: "D-NJ-1").map(\.grade) == [3])
    }
}
