import FundModel
import FundStore
import Testing

@testable import Casework

@Suite("DeterminationRegister: persistence, history, refusals that write nothing, deadline lists")
struct DeterminationRegisterTests {
    @Test("a file and its history round-trip through SQLite")
    func roundTrip() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        try register.open(T.application(materials: [.applicationForm]), act: T.act("2024-03-10"))
        try register.apply(.notifyIncomplete, caseID: "GS-1", act: T.act("2024-03-11", by: "李科长"))
        try register.apply(
            .receiveMaterials([.employmentProof, .medicalCertificate]), caseID: "GS-1", act: T.act("2024-03-15"))
        try register.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-18"))
        try register.apply(.suspend(awaiting: "法院判决"), caseID: "GS-1", act: T.act("2024-03-20", reason: "劳动关系有争议"))
        let last = try register.apply(.resume, caseID: "GS-1", act: T.act("2024-04-20"))

        let stored = try #require(try register.file("GS-1"))
        #expect(stored == last)
        #expect(stored.version == 6 && stored.state == .accepted)
        #expect(stored.notice?.missing == [.employmentProof, .medicalCertificate])
        #expect(
            stored.suspensions == [
                SuspensionPeriod(
                    from: T.day("2024-03-20"), until: T.day("2024-04-20"), awaiting: "法院判决", resumeTo: .accepted)
            ])

        let history = try register.history("GS-1")
        #expect(
            history.map(\.event.action) == [
                "open", "notifyIncomplete", "receiveMaterials", "accept", "suspend", "resume",
            ])
        #expect(
            history.map(\.event.toState) == [
                "applied", "incomplete", "supplemented", "accepted", "suspended", "accepted",
            ])
        #expect(history[1].event.act.actor == "李科长")
        #expect(history[4].event.act.reason == "劳动关系有争议" && history[4].event.act.day == T.day("2024-03-20"))
        #expect(history.map(\.id) == history.map(\.id).sorted())
    }

    @Test("a refused step changes nothing: same version, same file, no history row")
    func refusedWritesNothing() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        try register.open(T.application(fatal: true), act: T.act("2024-03-10"))
        let before = try #require(try register.file("GS-1"))
        let rowsBefore = try db.count("casework_events")

        // Deciding before acceptance.
        let early = T.error { try register.apply(T.recognized14_1, caseID: "GS-1", act: T.act("2024-03-20")) }
        #expect(early?.kind == .refused)
        try register.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-22"))
        let accepted = try #require(try register.file("GS-1"))
        // Deciding a fatal case without an investigation record.
        let fatal = T.error { try register.apply(T.recognized14_1, caseID: "GS-1", act: T.act("2024-04-01")) }
        #expect(fatal?.message.contains("工亡案件") == true)

        #expect(try register.file("GS-1") == accepted)
        #expect(accepted.version == before.version + 1)
        #expect(try db.count("casework_events") == rowsBefore + 1)
        #expect(try register.history("GS-1").map(\.event.action) == ["open", "accept"])
    }

    @Test("two people acting on the same version: the second is refused as a conflict")
    func conflict() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        let file = try register.open(T.application(), act: T.act("2024-03-10"))
        // Someone accepts it meanwhile.
        try register.apply(.accept(clearCase: false), caseID: "GS-1", act: T.act("2024-03-11"))
        // A step computed from the stale copy.
        let (stale, event) = try DeterminationMachine.apply(
            .refuseAcceptance, to: file, act: T.act("2024-03-11", reason: "x"), today: T.today)
        #expect(throws: CaseworkStoreError.conflict(table: "determination_files", id: "GS-1")) {
            try db.store.commit(CaseworkChangeSet(changes: [.document(stale)], events: [event]))
        }
        #expect(try register.file("GS-1")?.state == .accepted)
        // A duplicate case id.
        let duplicate = T.error { try register.open(T.application(), act: T.act("2024-03-12")) }
        #expect(duplicate?.kind == .conflict && duplicate?.message.contains("GS-1") == true)
        #expect(T.error { try register.apply(.deliver, caseID: "GS-9", act: T.act("2024-03-12")) }?.kind == .notFound)
    }

    @Test("a file for an imported case takes its worker, employer, dates and applicant")
    func openImported() throws {
        let db = try TestStore()
        try db.insert(
            InjuryCase(
                caseID: "C7", workerID: T.worker2, employerID: "E9", regionCode: T.otherCity,
                accidentDate: T.day("2024-05-01"),
                kind: .disease, appliedDate: T.day("2024-05-10"), applicant: .union, acceptedDate: nil,
                decidedDate: nil,
                decision: .pending, fatal: false, ownWage: nil, thirdParty: false, description: "尘肺"))
        let file = try db.casework().determinations.openImported(caseID: "C7", act: T.act("2024-05-10"))
        #expect(file.workerID == T.worker2 && file.employerID == "E9" && file.regionCode == T.otherCity)
        #expect(file.kind == .disease && file.applicant == .union && file.accidentDate == T.day("2024-05-01"))
        #expect(file.missingMaterials.isEmpty)
        #expect(
            T.error { try db.casework().determinations.openImported(caseID: "C8", act: T.act("2024-05-10")) }?.kind
                == .notFound)
    }

    @Test("the register's deadlines move on the imported calendar.csv rows of the file's city (rules.md §5, rev. 2)")
    func importedCalendar() throws {
        let db = try TestStore()
        // The city gives Monday 2024-12-16 off; the other city does not.
        try db.execute(
            "INSERT INTO calendar (date, kind, region_code) VALUES (?, 'holiday', ?)",
            [Int64(T.day("2024-12-16").ordinal), T.city.raw])
        let register = db.casework().determinations
        // Applied 2024-12-01: the 15th day is 2024-12-16.
        try register.open(T.application("A"), act: T.act("2024-12-01"))
        try register.open(T.application("B", region: T.otherCity), act: T.act("2024-12-01"))
        let lists = try register.deadlines(asOf: T.day("2024-12-10"), withinDays: 10)
        #expect(lists.flatMap(\.dueSoon).map(\.due) == [T.day("2024-12-17"), T.day("2024-12-16")])
        // The file's own clock, without the register's calendar, knows only the shipped national days.
        #expect(try register.file("A")?.acceptanceDue == T.day("2024-12-16"))
        #expect(try register.workingCalendar().isWorkingDay(T.day("2024-12-16"), region: T.otherCity))
    }

    @Test("the register's steps check and write their deadlines on the imported calendar too")
    func stepsOnImportedCalendar() throws {
        let db = try TestStore()
        // Accident 2024-03-01: the 30th day is Sunday 31 March, due Monday 1 April; the city gives 1 April off.
        try db.execute(
            "INSERT INTO calendar (date, kind, region_code) VALUES (?, 'holiday', ?)",
            [Int64(T.day("2024-04-01").ordinal), T.city.raw])
        let register = db.casework().determinations
        try register.open(T.application("A"), act: T.act("2024-04-02"))
        try register.open(T.application("B", region: T.otherCity), act: T.act("2024-04-02"))
        let a = try register.history("A").first?.event.detail ?? ""
        let b = try register.history("B").first?.event.detail ?? ""
        #expect(!a.contains("超过条例第十七条申请时限"))
        #expect(b.contains("超过条例第十七条申请时限（2024-04-01）"))
    }

    @Test("deadlines per city: overdue and due soon; a city sees only its own files")
    func deadlines() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        // Applied 2024-12-01: acceptance due 2024-12-16, overdue on 2024-12-31.
        try register.open(T.application("A"), act: T.act("2024-12-01"))
        // Accepted 2024-11-20 as a clear case: decision due 2024-12-05, overdue.
        try register.open(T.application("B"), act: T.act("2024-11-18"))
        try register.apply(.accept(clearCase: true), caseID: "B", act: T.act("2024-11-20"))
        // Applied 2024-12-20: the 15th day is Saturday 2025-01-04, due Monday 6 January, within 7 days of 2024-12-31.
        try register.open(T.application("C", region: T.otherCity), act: T.act("2024-12-20"))
        // Accepted 2024-12-01: the 60th day, 2025-01-30, is in the Spring Festival: due 2025-02-05, not within 7 days.
        try register.open(T.application("D"), act: T.act("2024-11-30"))
        try register.apply(.accept(clearCase: false), caseID: "D", act: T.act("2024-12-01"))
        // Suspended: no deadline.
        try register.open(T.application("E"), act: T.act("2024-10-01"))
        try register.apply(.accept(clearCase: false), caseID: "E", act: T.act("2024-10-02"))
        try register.apply(.suspend(awaiting: "仲裁"), caseID: "E", act: T.act("2024-10-03"))

        let lists = try register.deadlines(asOf: T.today, withinDays: 7)
        #expect(lists.map(\.regionCode) == [T.city, T.otherCity])
        #expect(lists[0].overdue.map(\.id) == ["B", "A"])
        #expect(lists[0].overdue.map(\.due) == [T.day("2024-12-05"), T.day("2024-12-16")])
        #expect(lists[0].overdue[0].step == "作出认定决定" && lists[0].overdue[0].daysLeft(asOf: T.today) == -26)
        #expect(lists[0].dueSoon.isEmpty)
        #expect(lists[1].dueSoon.map(\.id) == ["C"] && lists[1].dueSoon[0].due == T.day("2025-01-06"))

        #expect(try register.files(scope: T.otherCity).map(\.caseID) == ["C"])
        #expect(try register.files(scope: T.province).count == 5)
        #expect(try register.files(state: .suspended).map(\.caseID) == ["E"])
        #expect(
            try register.deadlines(scope: T.otherCity, asOf: T.today, withinDays: 7).map(\.regionCode) == [T.otherCity])
    }
}
