import FundModel
import Testing

@testable import Casework

@Suite("InstitutionRegister: institutions and service agreements")
struct InstitutionTests {
    func setUp() throws -> (TestStore, InstitutionRegister) {
        let db = try TestStore()
        let register = db.casework().institutions
        try register.register(
            Institution(institutionID: "H1", name: "甲市第一医院", kind: .medical, regionCode: T.city, grade: "三级甲等"),
            act: T.act("2024-01-02"))
        try register.register(
            Institution(institutionID: "K1", name: "乙市康复中心", kind: .rehab, regionCode: T.otherCity, grade: nil),
            act: T.act("2024-01-02"))
        try register.sign(
            Agreement(
                agreementID: "XY-H1", institutionID: "H1", services: [.medical], startDate: T.day("2024-01-01"),
                endDate: T.day("2025-01-20"), status: .active), act: T.act("2024-01-02"))
        try register.sign(
            Agreement(
                agreementID: "XY-K1", institutionID: "K1", services: [.rehab], startDate: T.day("2024-01-01"),
                endDate: T.day("2025-03-31"), status: .active), act: T.act("2024-01-02"))
        return (db, register)
    }

    @Test("registered rows are the interchange rows screening reads; duplicates refused")
    func register() throws {
        let (db, register) = try setUp()
        #expect(try db.store.loadDataSet().institutions == nil)  // never imported: see docs/decisions.md
        #expect(try register.institutions().map(\.institutionID) == ["H1", "K1"])
        #expect(try register.institutions(scope: T.otherCity).map(\.institutionID) == ["K1"])
        #expect(try register.agreements(institutionID: "H1").first?.covers(.medical, on: T.day("2024-06-01")) == true)
        let duplicate = T.error {
            try register.register(
                Institution(institutionID: "H1", name: "重复", kind: .medical, regionCode: T.city, grade: nil),
                act: T.act("2024-01-03"))
        }
        #expect(duplicate?.kind == .conflict)
        #expect(try register.history(institutionID: "H1").map(\.event.action) == ["register"])
    }

    @Test("signing: the institution must exist, dates in order, no overlapping agreement for the same service")
    func sign() throws {
        let (_, register) = try setUp()
        func agreement(
            _ id: String, _ institution: String, _ start: String, _ end: String,
            _ services: [InstitutionKind] = [.medical]
        ) -> Agreement {
            Agreement(
                agreementID: id, institutionID: institution, services: services, startDate: T.day(start),
                endDate: T.day(end), status: .suspended)
        }
        #expect(
            T.error { try register.sign(agreement("X1", "H9", "2024-01-01", "2024-12-31"), act: T.act("2024-02-01")) }?
                .kind == .notFound)
        #expect(
            T.error { try register.sign(agreement("X1", "H1", "2024-12-31", "2024-01-01"), act: T.act("2024-02-01")) }?
                .kind == .invalid)
        #expect(
            T.error {
                try register.sign(agreement("X1", "H1", "2024-01-01", "2024-12-31", []), act: T.act("2024-02-01"))
            }?.kind == .invalid)
        let overlap = T.error {
            try register.sign(agreement("X1", "H1", "2025-01-01", "2025-12-31"), act: T.act("2024-02-01"))
        }
        #expect(overlap?.kind == .refused && overlap?.message.contains("XY-H1") == true)
        // A rehab agreement of the hospital does not overlap its medical one; a new one is always active.
        let rehab = try register.sign(
            agreement("X2", "H1", "2024-06-01", "2025-05-31", [.rehab]), act: T.act("2024-02-01"))
        #expect(rehab.status == .active)
        // The medical one continues after the old one ends.
        #expect(
            try register.sign(agreement("X3", "H1", "2025-01-21", "2026-01-20"), act: T.act("2024-02-01")).agreementID
                == "X3")
    }

    @Test("suspend, reinstate, terminate with reasons; a terminated agreement is final; nothing written on refusal")
    func lifecycle() throws {
        let (db, register) = try setUp()
        #expect(
            T.error { try register.apply(.suspend, agreementID: "XY-H1", act: T.act("2024-05-01")) }?.kind == .invalid)
        let suspended = try register.apply(
            .suspend, agreementID: "XY-H1", act: T.act("2024-05-01", reason: "分解收费，暂停6个月"))
        #expect(suspended.status == .suspended)
        // Screening sees it: R09 no longer counts the agreement.
        #expect(
            try db.store.agreements().first { $0.agreementID == "XY-H1" }?.covers(.medical, on: T.day("2024-06-01"))
                == false)
        #expect(
            T.error { try register.apply(.suspend, agreementID: "XY-H1", act: T.act("2024-05-02", reason: "x")) }?.kind
                == .refused)
        try register.apply(.reinstate, agreementID: "XY-H1", act: T.act("2024-11-01", reason: "整改到位"))
        try register.apply(.terminate, agreementID: "XY-H1", act: T.act("2024-12-01", reason: "再次违规"))
        let events = try db.count("casework_events")
        let reinstate = T.error {
            try register.apply(.reinstate, agreementID: "XY-H1", act: T.act("2024-12-02", reason: "x"))
        }
        #expect(reinstate?.kind == .refused && reinstate?.message.contains("已解除") == true)
        #expect(try db.count("casework_events") == events)
        let history = try register.history(agreementID: "XY-H1")
        #expect(history.map(\.event.action) == ["sign", "suspend", "reinstate", "terminate"])
        #expect(history.map(\.event.toState) == ["active", "suspended", "active", "terminated"])
        #expect(history[1].event.act.reason == "分解收费，暂停6个月")
        #expect(
            T.error { try register.apply(.terminate, agreementID: "XY-00", act: T.act("2024-12-02", reason: "x")) }?
                .kind == .notFound)
    }

    @Test("agreements expiring within N days, per scope; renewal moves the end date")
    func expiring() throws {
        let (_, register) = try setUp()
        // On 2024-12-31: XY-H1 ends 2025-01-20 (20 days), XY-K1 ends 2025-03-31 (90 days).
        #expect(try register.expiring(asOf: T.today, withinDays: 30).map(\.agreement.agreementID) == ["XY-H1"])
        let both = try register.expiring(asOf: T.today, withinDays: 90)
        #expect(both.map(\.agreement.agreementID) == ["XY-H1", "XY-K1"] && both.map(\.daysLeft) == [20, 90])
        #expect(both[0].institution?.name == "甲市第一医院")
        #expect(
            try register.expiring(scope: T.otherCity, asOf: T.today, withinDays: 90).map(\.agreement.agreementID) == [
                "XY-K1"
            ])
        #expect(
            T.error {
                try register.apply(.renew(until: T.day("2025-01-01")), agreementID: "XY-H1", act: T.act("2024-12-30"))
            }?.kind == .invalid)
        try register.apply(.renew(until: T.day("2026-01-20")), agreementID: "XY-H1", act: T.act("2024-12-30"))
        #expect(try register.expiring(asOf: T.today, withinDays: 30).isEmpty)
        // A suspended agreement is not listed as expiring.
        try register.apply(.suspend, agreementID: "XY-K1", act: T.act("2024-12-30", reason: "核查"))
        #expect(try register.expiring(asOf: T.today, withinDays: 90).isEmpty)
    }
}
