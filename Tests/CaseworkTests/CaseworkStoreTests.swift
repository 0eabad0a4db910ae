import FundModel
import FundStore
import Testing

@testable import Casework

@Suite("SQLiteFundStore as CaseworkRepository: atomic change sets, versions, filters")
struct CaseworkStoreTests {
    @Test("a change set is all or nothing: a conflict in its last change undoes the first and the history rows")
    func atomic() throws {
        let db = try TestStore()
        let (file, opened) = try DeterminationMachine.open(T.application(), act: T.act("2024-03-10"), today: T.today)
        try db.store.commit(CaseworkChangeSet(changes: [.document(file)], events: [opened]))

        let (other, otherEvent) = try DeterminationMachine.open(
            T.application("GS-2"), act: T.act("2024-03-10"), today: T.today)
        var stale = file
        stale.version = 5  // expects stored version 4: there is none
        #expect(throws: CaseworkStoreError.conflict(table: "determination_files", id: "GS-1")) {
            try db.store.commit(CaseworkChangeSet(changes: [.document(other), .document(stale)], events: [otherEvent]))
        }
        #expect(try db.store.document(DeterminationFile.self, id: "GS-2") == nil)
        #expect(try db.count("casework_events") == 1)
        #expect(try db.store.document(DeterminationFile.self, id: "GS-1") == file)
    }

    @Test("filters use the register's index columns only; a region prefix scopes by code")
    func filters() throws {
        let db = try TestStore()
        let register = db.casework().determinations
        try register.open(T.application("A"), act: T.act("2024-03-10"))
        try register.open(T.application("B", region: T.otherCity), act: T.act("2024-03-10"))
        #expect(try db.store.documents(DeterminationFile.self, where: ["worker_id": T.worker.raw]).count == 2)
        #expect(try db.store.documents(DeterminationFile.self, where: [:], regionPrefix: "1102").map(\.caseID) == ["B"])
        #expect(throws: CaseworkStoreError.unknownColumn(table: "determination_files", column: "body")) {
            _ = try db.store.documents(DeterminationFile.self, where: ["body": "x"])
        }
        #expect(throws: CaseworkStoreError.unknownColumn(table: "spot_check_draws", column: "region_code")) {
            _ = try db.store.documents(SpotCheckDraw.self, where: [:], regionPrefix: "11")
        }
        // The index columns follow the record.
        try register.apply(.accept(clearCase: false), caseID: "A", act: T.act("2024-03-11"))
        #expect(try db.store.documents(DeterminationFile.self, where: ["state": "accepted"]).map(\.caseID) == ["A"])
    }

    @Test("history rows keep who, when, why and the moment written; the recent list is newest first")
    func history() throws {
        let db = try TestStore()
        let casework = db.casework()
        try casework.determinations.open(T.application(), act: T.act("2024-03-10", by: "甲"))
        try casework.determinations.apply(
            .refuseAcceptance, caseID: "GS-1", act: T.act("2024-03-11", by: "乙", reason: "超过申请时限"))
        let recent = try casework.recentHistory(limit: 10)
        #expect(recent.map(\.event.action) == ["refuseAcceptance", "open"])
        #expect(recent[0].event.act == CaseworkAct(actor: "乙", day: T.day("2024-03-11"), reason: "超过申请时限"))
        #expect(
            recent[0].recordedAt.timeIntervalSinceNow < 60 && recent[0].recordedAt.timeIntervalSince1970 > 1_700_000_000
        )
        #expect(recent[0].event.chineseAction == "不予受理" && recent[0].event.subject == .determination)
    }

    @Test("a store opened again keeps everything (the migration runs once)")
    func reopen() throws {
        let db = try TestStore()
        try db.casework().determinations.open(T.application(), act: T.act("2024-03-10"))
        let again = try SQLiteFundStore(path: db.directory + "/fund.sqlite")
        #expect(try again.document(DeterminationFile.self, id: "GS-1")?.caseID == "GS-1")
        #expect(try again.history(.determination, id: "GS-1").count == 1)
    }
}
