/// The state of a social security card (社会保障卡) in `cards.csv` (docs/interchange-settlement.md).
public enum CardStatus: String, CodedValue {
    /// In use: the worker may settle with it.
    case active
    /// Reported lost (挂失): refused at the counter until it is found or replaced.
    case lost
    /// Cancelled (注销) or replaced by a new card: never accepted again.
    case cancelled

    public var chineseName: String {
        switch self {
        case .active: "正常"
        case .lost: "挂失"
        case .cancelled: "注销"
        }
    }
}

/// A row of `cards.csv`: the card that identifies a worker at an institution's counter (direct settlement,
/// issue 13), with the electronic card (电子社保卡) token it may carry.
///
/// The card number is the key; a person may have several cards over the years (one lost, its replacement
/// active). The electronic-card token is accepted only up to its expiry day.
public struct SocialSecurityCard: Sendable, Hashable, Codable {
    /// 社会保障卡号.
    public var cardNo: String
    /// The worker's citizen id (社会保障号码).
    public var personID: PersonID
    public var status: CardStatus
    public var issuedDate: Day
    /// The electronic card's token, when one was issued.
    public var ecardToken: String?
    /// The last day the electronic card's token is accepted.
    public var ecardExpires: Day?

    public init(
        cardNo: String, personID: PersonID, status: CardStatus, issuedDate: Day, ecardToken: String? = nil,
        ecardExpires: Day? = nil
    ) {
        self.cardNo = cardNo
        self.personID = personID
        self.status = status
        self.issuedDate = issuedDate
        self.ecardToken = ecardToken
        self.ecardExpires = ecardExpires
    }
}
