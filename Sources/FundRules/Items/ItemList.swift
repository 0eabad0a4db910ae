import FundModel

/// The province's benefit item list: the national items, plus what `benefit_items.csv` adds or retires.
///
/// The national items are the law (社会保险法 38–39) and cannot be redefined:
/// a provincial row with a national code can only retire the item (or
/// re-activate it); its name, payer and basis are ignored. A row with any other
/// code is a provincial addition, and every addition is reported for review
/// (notice: the list is the province's, but each item must have a basis; an
/// addition without one is 自行制定 and R01 flags its payments).
///
/// When several rows share a code, the last row wins, as in an ordered
/// change list.
public struct ItemList: Sendable {
    /// National items first (in the order of rules.md §1), then the provincial additions by code.
    public private(set) var items: [BenefitItem]
    /// Every provincial addition, active or retired, by code: each is reported for review.
    public private(set) var provincialAdditions: [BenefitItem]
    private var byCode: [String: BenefitItem]

    public init(provincialRows: [BenefitItemRow] = []) {
        var national = ItemList.nationalItems
        let nationalIndex = Dictionary(uniqueKeysWithValues: national.enumerated().map { ($1.code, $0) })
        var additions: [String: BenefitItem] = [:]
        for row in provincialRows {
            if let index = nationalIndex[row.itemCode] {
                national[index].status = row.status
            } else {
                additions[row.itemCode] = BenefitItem(
                    code: row.itemCode, name: row.name, payer: row.payer,
                    // benefit_items.csv has no paid_as column: an addition is taken as paid per claim,
                    // which gives it no statutory amount (docs/decisions.md).
                    paidAs: .perClaim, basis: ItemList.basis(row.basis), status: row.status, isNational: false)
            }
        }
        provincialAdditions = additions.values.sorted { $0.code < $1.code }
        items = national + provincialAdditions
        byCode = Dictionary(uniqueKeysWithValues: items.map { ($0.code, $0) })
    }

    /// The item of a code, national or provincial, active or retired; `nil` if the code is not on the list.
    public func item(_ code: String) -> BenefitItem? { byCode[code] }

    /// Whether the code is on the list and not retired.
    public func isActive(_ code: String) -> Bool { byCode[code]?.status == .active }

    /// The national items the province has retired.
    public var retiredNationalItems: [BenefitItem] { items.filter { $0.isNational && $0.status == .retired } }

    /// A basis that is empty or only spaces is no basis at all.
    private static func basis(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingSpaces, !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
