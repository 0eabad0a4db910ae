import FundModel
import GRDB

/// The card register (cards.csv, issue 13): found by card number or electronic-card token, by index.
extension SQLiteFundStore {
    public func card(number: String) throws -> SocialSecurityCard? {
        try pool.read { db in try Self.cards(db, where: "card_no = ?", number).first }
    }

    /// The cards carrying an electronic-card token (more than one is a data error the caller refuses).
    public func cards(ecardToken: String) throws -> [SocialSecurityCard] {
        try pool.read { db in try Self.cards(db, where: "ecard_token = ?", ecardToken) }
    }

    /// A person's cards, newest first.
    public func cards(person: PersonID) throws -> [SocialSecurityCard] {
        try pool.read { db in try Self.cards(db, where: "person_id = ?", person.raw) }
    }

    static func cards(_ db: Database, where condition: String, _ argument: String) throws -> [SocialSecurityCard] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT card_no, person_id, status, issued_date, ecard_token, ecard_expires FROM cards
                WHERE \(condition) ORDER BY issued_date DESC, card_no
                """,
            arguments: [argument])
        return try rows.map { row in
            let person: String = row[1]
            let status: String = row[2]
            guard let personID = PersonID(person) else {
                throw StoreError(table: "cards", column: "person_id", value: person)
            }
            guard let cardStatus = CardStatus(rawValue: status) else {
                throw StoreError(table: "cards", column: "status", value: status)
            }
            let expires: Int32? = row[5]
            return SocialSecurityCard(
                cardNo: row[0], personID: personID, status: cardStatus, issuedDate: Day(ordinal: row[3]),
                ecardToken: row[4], ecardExpires: expires.map { Day(ordinal: $0) })
        }
    }
}
