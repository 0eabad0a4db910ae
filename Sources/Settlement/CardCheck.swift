import FundModel

/// Who the card presented at the counter belongs to, or why it is not accepted.
///
/// A lost or cancelled card is refused, an electronic card past its expiry too; a token that two cards
/// carry is a register error and refused rather than guessed (docs/interchange-settlement.md).
public enum CardCheck {
    public static func resolve(_ presented: CardPresented, on day: Day, lookup: CardLookup) throws
        -> SocialSecurityCard
    {
        let card: SocialSecurityCard
        switch presented {
        case .number(let number):
            guard let found = try lookup.byNumber(number) else {
                throw SettlementError(.notFound, code: "card_unknown", message: "社会保障卡号 \(number) 未登记")
            }
            card = found
        case .ecardToken(let token):
            let found = try lookup.byToken(token)
            guard found.count <= 1 else {
                throw SettlementError(.unprocessable, code: "ecard_ambiguous", message: "电子社保卡凭证对应多张卡，请核查卡登记")
            }
            guard let only = found.first else {
                throw SettlementError(.notFound, code: "card_unknown", message: "电子社保卡凭证无效")
            }
            guard let expires = only.ecardExpires, day <= expires else {
                throw SettlementError(.unprocessable, code: "ecard_expired", message: "电子社保卡凭证已过期")
            }
            card = only
        }
        switch card.status {
        case .active:
            return card
        case .lost:
            throw SettlementError(.unprocessable, code: "card_lost", message: "社会保障卡 \(card.cardNo) 已挂失，不能结算")
        case .cancelled:
            throw SettlementError(.unprocessable, code: "card_cancelled", message: "社会保障卡 \(card.cardNo) 已注销，不能结算")
        }
    }
}

/// Where the cards are looked up (the store inside a transaction, or a test's table).
public struct CardLookup {
    public var byNumber: (String) throws -> SocialSecurityCard?
    public var byToken: (String) throws -> [SocialSecurityCard]

    public init(
        byNumber: @escaping (String) throws -> SocialSecurityCard?,
        byToken: @escaping (String) throws -> [SocialSecurityCard]
    ) {
        self.byNumber = byNumber
        self.byToken = byToken
    }
}
