import FundModel

/// How an item is paid: the unit R10 compares a payment against.
///
/// A monthly item is compared per calendar month of its period; a one-off item
/// as a whole; per-claim and per-stay items have no statutory amount.
public enum PaidAs: String, CodedValue {
    case perClaim = "per_claim"
    case perStay = "per_stay"
    case monthly
    case oneOff = "one_off"

    public var chineseName: String {
        switch self {
        case .perClaim: "按次"
        case .perStay: "按住院次"
        case .monthly: "按月"
        case .oneOff: "一次性"
        }
    }
}
