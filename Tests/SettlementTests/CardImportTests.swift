import Foundation
import FundModel
import FundStore
import Testing

@Suite("cards.csv import")
struct CardImportTests {
    @Test("the card register is imported and found by number, token and person")
    func imported() throws {
        let world = try SettlementWorld()
        let card = try #require(try world.store.card(number: "K100"))
        #expect(card.personID == SettlementWorld.worker)
        #expect(card.status == .active)
        #expect(card.issuedDate == Day(iso: "2020-01-01"))
        #expect(card.ecardToken == "ETOKEN-1")
        #expect(card.ecardExpires == Day(iso: "2026-12-31"))
        #expect(try world.store.cards(ecardToken: "ETOKEN-1").map(\.cardNo) == ["K100"])
        #expect(try world.store.cards(person: SettlementWorld.worker).map(\.cardNo) == ["K100", "K099"])
        #expect(try world.store.card(number: "K099")?.status == .lost)
    }

    @Test("every bad cell of cards.csv is reported with its line and column, and nothing is kept")
    func badRows() throws {
        let world = try SettlementWorld()
        let worker = SettlementWorld.worker.raw
        do {
            _ = try world.importFiles([
                "cards.csv": """
                card_no,person_id,status,issued_date,ecard_token,ecard_expires
                K500,\(worker),stolen,2020-01-01,,
                K501,12345,active,2020-01-01,,
                K502,\(worker),active,2020-13-01,,
                K503,\(worker),active,2020-01-01,TOKEN-X,
                ,\(worker),active,2020-01-01,,
                K504,\(worker),active,2020-01-01,,

                """
            ])
            Issue.record("a bad cards.csv was imported")
        } catch let error as ImportError {
            let found = Set(error.issues.map { "\($0.line ?? 0):\($0.column ?? "")" })
            #expect(found.contains("2:status"))
            #expect(found.contains("3:person_id"))
            #expect(found.contains("4:issued_date"))
            #expect(found.contains("5:ecard_token/ecard_expires"))
            #expect(found.contains("6:card_no"))
            #expect(error.issues.allSatisfy { $0.file == "cards.csv" })
        }
        #expect(try world.store.card(number: "K504") == nil)
    }

    @Test("a card of a person who is not a worker is counted as unmatched")
    func unmatchedPerson() throws {
        let world = try SettlementWorld()
        let stranger = PersonID.withCheckCharacter("11010219600101009")!
        let summary = try world.importFiles([
            "cards.csv": """
            card_no,person_id,status,issued_date,ecard_token,ecard_expires
            K900,\(stranger.raw),active,2020-01-01,,

            """
        ])
        #expect(!summary.unmatched.isEmpty)
        #expect(try world.store.card(number: "K900")?.personID == stranger)
    }
}
