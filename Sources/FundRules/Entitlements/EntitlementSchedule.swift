import FundModel

/// One amount a worker or a dependant is entitled to.
public struct EntitlementItem: Sendable, Hashable {
    public var itemCode: String
    public var name: String
    public var payer: Payer
    public var paidAs: PaidAs
    /// One-off: the sum; monthly: per month.
    public var amount: Money
    /// The article that sets the amount, e.g. "条例 35".
    public var basis: String
    /// For DEPENDANT rows, one per dependant.
    public var dependentID: PersonID?

    public init(
        itemCode: String, name: String, payer: Payer, paidAs: PaidAs, amount: Money, basis: String,
        dependentID: PersonID? = nil
    ) {
        self.itemCode = itemCode
        self.name = name
        self.payer = payer
        self.paidAs = paidAs
        self.amount = amount
        self.basis = basis
        self.dependentID = dependentID
    }
}

/// Everything a case is entitled to, in the order of the item list (fund items first, then the employer's).
public struct EntitlementSchedule: Sendable, Hashable {
    public var caseID: String
    /// 本人工资 bounded by 条例 64, rounded to the fen for display (amounts use the exact figure).
    public var boundedOwnWage: Money
    public var items: [EntitlementItem]
    /// The month whose figures the monthly items show (rev. 2: monthly amounts follow the month paid).
    public var month: YearMonth?

    public init(caseID: String, boundedOwnWage: Money, items: [EntitlementItem], month: YearMonth? = nil) {
        self.caseID = caseID
        self.boundedOwnWage = boundedOwnWage
        self.items = items
        self.month = month
    }

    /// The rows of one item (several for DEPENDANT).
    public func items(_ code: String) -> [EntitlementItem] { items.filter { $0.itemCode == code } }

    /// The amount of a single-row item, `nil` if the case is not entitled to it.
    public func amount(_ code: String) -> Money? { items.first { $0.itemCode == code }?.amount }

    /// The fund's one-off amounts together, and per month (for summaries).
    public func total(payer: Payer, paidAs: PaidAs) -> Money {
        items.filter { $0.payer == payer && $0.paidAs == paidAs }.reduce(.zero) { $0 + $1.amount }
    }
}
