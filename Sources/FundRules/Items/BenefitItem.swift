import FundModel

/// One entry of the benefit item list (待遇支出项目清单): what may be paid, by whom, how, and on what basis.
public struct BenefitItem: Sendable, Hashable {
    public var code: String
    /// The Chinese name, as the console and findings show it.
    public var name: String
    public var payer: Payer
    public var paidAs: PaidAs
    /// The legal basis; `nil` means the province made the item up itself (自行制定), which R01 reports.
    public var basis: String?
    public var status: ItemStatus
    /// Built into the platform from rules.md §1, as opposed to added by the province.
    public var isNational: Bool

    public init(
        code: String, name: String, payer: Payer, paidAs: PaidAs, basis: String?, status: ItemStatus = .active,
        isNational: Bool
    ) {
        self.code = code
        self.name = name
        self.payer = payer
        self.paidAs = paidAs
        self.basis = basis
        self.status = status
        self.isNational = isNational
    }

    /// An item without a legal basis (自行制定).
    public var isSelfMade: Bool { basis == nil }

    /// The basis as shown to people: the articles, or 自行制定.
    public var basisText: String { basis ?? "自行制定" }
}
