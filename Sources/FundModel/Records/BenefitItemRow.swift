/// Who bears an item: the fund, or the employer (社会保险法 38 vs 39).
public enum Payer: String, CodedValue {
    case fund, employer
    public var chineseName: String { self == .fund ? "工伤保险基金" : "用人单位" }
}

public enum ItemStatus: String, CodedValue {
    case active, retired
    public var chineseName: String { self == .active ? "有效" : "已停用" }
}

/// A row of `benefit_items.csv`: a provincial addition to, or retirement from, the item list.
public struct BenefitItemRow: Sendable, Hashable, Codable {
    public var itemCode: String
    public var name: String
    public var payer: Payer
    /// The legal basis; an item without one is 自行制定 (self-made).
    public var basis: String?
    public var status: ItemStatus

    public init(itemCode: String, name: String, payer: Payer, basis: String?, status: ItemStatus) {
        self.itemCode = itemCode
        self.name = name
        self.payer = payer
        self.basis = basis
        self.status = status
    }
}
