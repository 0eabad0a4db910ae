import FundModel
import Testing

@testable import Casework

@Suite("AssessmentRegister: cases from the register or the import, prior conclusions, persistence")
struct AssessmentRegisterTests {
    /// A store whose determination register holds GS-1, recognized on 2024-04-01 with parts 左手, 右腿.
    func storeWithCase() throws -> TestStore {
        let db = try TestStore()
        let register = db.casework().determinations
        try register.open(T.application(), act: T.act("2024-03-10"))
        try register.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-22"))
        try register.apply(T.recognized14_1, caseID: "GS-1", act: T.act("2024-04-01"))
        return db
    }

    @Test("open, draw, conclude, deliver: stored with its history")
    func roundTrip() throws {
        let db = try storeWithCase()
        for n in 1...4 {
            try db.insert(
                Expert(expertID: "ZJ\(n)", name: "专家\(n)", specialty: "骨科", institutionID: nil, regionCode: T.city))
        }
        let casework = db.casework()
        try casework.assessments.open(assessmentApplication(), act: T.act("2024-06-01"))
        try casework.panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 7), act: T.act("2024-06-05"))
        try casework.assessments.apply(
            .conclude(grade: 8, nursing: .none, injuredParts: ["右腿"], opinion: "右膝关节功能障碍"), assessmentID: "JD-1",
            act: T.act("2024-07-01"))
        let delivered = try casework.assessments.apply(.deliver, assessmentID: "JD-1", act: T.act("2024-07-10"))
        #expect(try casework.assessments.file("JD-1") == delivered)
        #expect(delivered.panel.count == 3 && delivered.conclusion?.grade == 8)
        #expect(
            try casework.assessments.history("JD-1").map(\.event.action) == [
                "open", "drawPanel", "conclude", "deliver",
            ])
        #expect(try casework.assessments.files(caseID: "GS-1").map(\.assessmentID) == ["JD-1"])
    }

    @Test("refused applications write nothing: rejected case, second assessment too late")
    func refusalsWriteNothing() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        try register.open(T.application(), act: T.act("2024-03-10"))
        try register.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-22"))
        try register.apply(
            .decide(outcome: .rejected, basis: StatuteBasis(article: 16, item: 2), injuredParts: []), caseID: "GS-1",
            act: T.act("2024-04-01"))
        let events = try db.count("casework_events")
        let error = T.error { try db.casework().assessments.open(assessmentApplication(), act: T.act("2024-06-01")) }
        #expect(error?.kind == .refused)
        #expect(try db.count("assessment_files") == 0 && db.count("casework_events") == events)
    }

    @Test("a second assessment after 15 days and a review before a year are refused, and write nothing")
    func windowsWriteNothing() throws {
        let db = try storeWithCase()
        for n in 1...3 {
            try db.insert(
                Expert(expertID: "ZJ\(n)", name: "专家\(n)", specialty: "骨科", institutionID: nil, regionCode: T.city))
        }
        let casework = db.casework()
        try casework.assessments.open(assessmentApplication(), act: T.act("2024-06-01"))
        try casework.panels.draw(PanelRequest(assessmentID: "JD-1", size: 3, seed: 1), act: T.act("2024-06-02"))
        try casework.assessments.apply(
            .conclude(grade: 9, nursing: .none, injuredParts: ["左手"], opinion: ""), assessmentID: "JD-1",
            act: T.act("2024-07-01"))
        try casework.assessments.apply(.deliver, assessmentID: "JD-1", act: T.act("2024-07-05"))
        let files = try db.count("assessment_files")
        let events = try db.count("casework_events")

        // Delivered 2024-07-05: the 15th day is Saturday 2024-07-20, so the second assessment was due by Monday
        // 2024-07-22 (民法典 203).
        let second = T.error {
            try casework.assessments.open(assessmentApplication("JD-2", kind: .second), act: T.act("2024-07-23"))
        }
        #expect(second?.kind == .refused && second?.message.contains("条例第二十六条") == true)
        // Concluded 2024-07-01: no review before 2025-07-01 (today is 2024-12-31).
        let review = T.error {
            try casework.assessments.open(assessmentApplication("JD-3", kind: .review), act: T.act("2024-12-31"))
        }
        #expect(review?.kind == .refused && review?.message.contains("2025-07-01") == true)
        #expect(try db.count("assessment_files") == files && db.count("casework_events") == events)
        #expect(try casework.assessments.file("JD-1")?.version == 4)
    }

    @Test("an imported recognized case and its imported conclusion allow a review a year later")
    func importedCase() throws {
        let db = try TestStore()
        try db.insert(
            InjuryCase(
                caseID: "GS-1", workerID: T.worker, employerID: T.employer, regionCode: T.city,
                accidentDate: T.day("2022-01-05"),
                kind: .injury, appliedDate: T.day("2022-01-10"), applicant: .employer,
                acceptedDate: T.day("2022-01-12"),
                decidedDate: T.day("2022-02-01"), decision: .recognized, fatal: false, ownWage: nil, thirdParty: false,
                description: ""))
        try db.insert(
            Assessment(
                assessmentID: "OLD-1", caseID: "GS-1", workerID: T.worker, kind: .initial,
                appliedDate: T.day("2022-05-01"),
                concludedDate: T.day("2023-12-31"), grade: 9, nursing: NursingLevel.none, hospitalID: "H1",
                expertIDs: ["ZJ1"],
                regionCode: T.city))
        let assessments = db.casework().assessments
        // A new initial is refused: the import holds one.
        #expect(
            T.error { try assessments.open(assessmentApplication(), act: T.act("2024-06-01")) }?.message.contains(
                "初次鉴定") == true)
        // A review before 2024-12-31 is refused; on it, allowed.
        let early = T.error {
            try assessments.open(assessmentApplication("JD-R", kind: .review), act: T.act("2024-12-30"))
        }
        #expect(early?.message.contains("2024-12-31") == true)
        let review = try assessments.open(assessmentApplication("JD-R", kind: .review), act: T.act("2024-12-31"))
        #expect(review.previousAssessmentID == "OLD-1" && review.determinationParts.isEmpty)
        // An imported case has no parts on record: the conclusion's parts cannot be checked against them.
        #expect(try assessments.assessedCase("GS-1").fromRegister == false)
        #expect(T.error { try assessments.open(assessmentApplication(), act: T.act("2024-06-01")) } != nil)
        #expect(T.error { _ = try assessments.assessedCase("GS-404") }?.kind == .notFound)
    }

    @Test("deadlines and on-time conclusions per committee")
    func deadlinesAndRate() throws {
        let db = try storeWithCase()
        let assessments = db.casework().assessments
        // Complete on 2024-10-01: the 60th day is Saturday 2024-11-30, due Monday 2 December; overdue on 2024-12-31.
        try assessments.open(assessmentApplication(), act: T.act("2024-10-01"))
        let lists = try assessments.deadlines(asOf: T.today, withinDays: 10)
        #expect(
            lists.count == 1 && lists[0].overdue.map(\.id) == ["JD-1"] && lists[0].overdue[0].due == T.day("2024-12-02")
        )
        let rates = try assessments.onTimeRates(from: T.day("2024-01-01"), to: T.today, asOf: T.today)
        #expect(rates.map(\.overduePending) == [1] && rates.map(\.onTime) == [0])
        // The facade merges both registers' deadlines: GS-1 was decided on 2024-04-01 and never delivered (the 20th
        // day, 认定办法 22, is Sunday 2024-04-21: due Monday 22 April).
        let merged = try db.casework().deadlines(asOf: T.today, withinDays: 10).flatMap(\.overdue)
        #expect(merged.map(\.id) == ["GS-1", "JD-1"] && merged[0].due == T.day("2024-04-22"))
    }
}
