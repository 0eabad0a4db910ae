/// A row of `fund_ledger.csv`: one region's fund account for one month.
public struct FundLedgerEntry: Sendable, Hashable, Codable {
    public var regionCode: RegionCode
    public var month: YearMonth
    public var revenue: Money
    public var benefitExpenditure: Money
    /// 工伤预防费.
    public var preventionExpenditure: Money
    public var assessmentExpenditure: Money
    public var otherExpenditure: Money
    public var balance: Money

    public init(
        regionCode: RegionCode, month: YearMonth, revenue: Money, benefitExpenditure: Money,
        preventionExpenditure: Money, assessmentExpenditure: Money, otherExpenditure: Money, balance: Money
    ) {
        self.regionCode = regionCode
        self.month = month
        self.revenue = revenue
        self.benefitExpenditure = benefitExpenditure
        self.preventionExpenditure = preventionExpenditure
        self.assessmentExpenditure = assessmentExpenditure
        self.otherExpenditure = otherExpenditure
        self.balance = balance
    }

    /// All expenditure of the month.
    public var totalExpenditure: Money {
        benefitExpenditure + preventionExpenditure + assessmentExpenditure + otherExpenditure
    }
}
