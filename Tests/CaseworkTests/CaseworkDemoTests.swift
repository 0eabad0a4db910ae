import Foundation
import FundModel
import FundStore
import Testing

@testable import Casework

@Suite("CaseworkDemo: the registers filled from imported data, in every state")
struct CaseworkDemoTests {
    /// A small imported province: two cities, 60 cases, experts and institutions.
    func importedProvince() throws -> TestStore {
        let db = try TestStore()
        let dir = db.directory + "/data"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        try write(
            "regions.csv",
            ["code,name,level,parent_code", "110000,某某省,province,", "110100,甲市,city,110000", "110200,乙市,city,110000"])
        try write(
            "employers.csv",
            [
                "employer_id,name,region_code,industry_code,risk_class,insured_since", "E1,甲厂,110100,C,3,2010-01-01",
                "E2,乙厂,110200,C,3,2010-01-01",
            ])
        var cases = [
            "case_id,worker_id,employer_id,region_code,accident_date,kind,applied_date,applicant,accepted_date,decided_date,decision,fatal,own_wage,third_party,description"
        ]
        var workers = ["worker_id,name,gender,birth_date,employer_id,region_code,insured_since,insured_until"]
        let start = T.day("2023-01-01")
        for n in 0..<60 {
            let worker = "11010119900101" + String(format: "%03d", n) + "X"
            let city = n % 2 == 0 ? "110100" : "110200"
            let employer = n % 2 == 0 ? "E1" : "E2"
            workers.append("\(worker),职工\(n),M,1990-01-01,\(employer),\(city),2015-01-01,")
            let accident = start.adding(days: n * 9).iso
            cases.append(
                "C\(String(format: "%03d", n)),\(worker),\(employer),\(city),\(accident),injury,,,,,pending,\(n % 10 == 3),,false,事故"
            )
        }
        try write("workers.csv", workers)
        try write("injury_cases.csv", cases)
        var experts = ["expert_id,name,specialty,institution_id,region_code"]
        for region in ["110000", "110100", "110200"] {
            for k in 1...8 { experts.append("ZJ\(region)-\(k),专家\(k),骨科,\(k % 4 == 0 ? "H\(region)" : ""),\(region)") }
        }
        try write("experts.csv", experts)
        var institutions = ["institution_id,name,kind,region_code,grade"]
        for k in 1...6 { institutions.append("H\(k),医院\(k),medical,\(k % 2 == 0 ? "110100" : "110200"),三级甲等") }
        try write("institutions.csv", institutions)
        _ = try Importer(store: db.store).importDirectory(dir)
        return db
    }

    @Test("determinations in every state, deadlines overdue and due soon, assessments with panels, a campaign")
    func populate() throws {
        let db = try importedProvince()
        let casework = db.casework()
        let summary = try CaseworkDemo.populate(casework, asOf: T.today)
        #expect(summary.determinations == 48)
        let states = Set(try casework.determinations.files().map(\.state))
        #expect(
            states.isSuperset(of: [
                .applied, .incomplete, .supplemented, .accepted, .investigating, .suspended, .decided, .delivered,
            ]))
        let deadlines = try casework.deadlines(asOf: T.today, withinDays: 14)
        #expect(deadlines.map(\.regionCode).sorted() == [T.city, T.otherCity])
        #expect(!deadlines.flatMap(\.overdue).isEmpty && !deadlines.flatMap(\.dueSoon).isEmpty)
        #expect(summary.assessments >= 4 && summary.panels >= 3)
        for file in try casework.assessments.files() where file.panelDrawID != nil {
            #expect(try casework.panels.audit(drawID: file.panelDrawID!).matches)
        }
        #expect(Set(try casework.assessments.files().map(\.state)).count >= 3)
        #expect(summary.campaigns == 1 && summary.selfInspections == 6 && summary.rectifications == 2)
        let report = try casework.campaigns.report(campaignID: CaseworkDemo.campaignID, asOf: T.today)
        #expect(report.submitted == 5 && report.spotCheckDrawn == 3 && report.rectificationsClosed == 1)
        #expect(summary.riskPoints == DefaultRiskInventory.points.count)
        #expect(
            !(try DeterminationRegister.onTimeRates(
                casework.determinations.files(), from: T.day("2024-01-01"), to: T.today, asOf: T.today)).isEmpty)
        // Only once.
        #expect(T.error { _ = try CaseworkDemo.populate(casework, asOf: T.today) }?.kind == .refused)
    }
}
