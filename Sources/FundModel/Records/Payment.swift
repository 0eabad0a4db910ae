/// How a payment reached its payee.
public enum Channel: String, CodedValue {
    case direct, reimbursement, bank
    public var chineseName: String {
        switch self {
        case .direct: "直接结算"
        case .reimbursement: "手工报销"
        case .bank: "银行发放"
        }
    }
}

/// A row of `payments.csv`: one benefit payment or settlement (待遇支出).
public struct Payment: Sendable, Hashable, Codable {
    public var paymentID: String
    /// Empty for an advance payment (先行支付) before determination.
    public var caseID: String?
    public var workerID: PersonID
    public var itemCode: String
    /// Negative for a reversal.
    public var amount: Money
    public var paidDate: Day
    public var periodStart: Day?
    public var periodEnd: Day?
    public var institutionID: String?
    /// 票据号.
    public var invoiceNo: String?
    public var channel: Channel?
    public var payeeAccount: String?
    /// For 供养亲属抚恤金.
    public var dependentID: PersonID?
    /// The paying pooling region.
    public var regionCode: RegionCode
    /// 先行支付.
    public var advance: Bool

    public init(
        paymentID: String, caseID: String?, workerID: PersonID, itemCode: String, amount: Money, paidDate: Day,
        periodStart: Day?, periodEnd: Day?, institutionID: String?, invoiceNo: String?, channel: Channel?,
        payeeAccount: String?, dependentID: PersonID?, regionCode: RegionCode, advance: Bool
    ) {
        self.paymentID = paymentID
        self.caseID = caseID
        self.workerID = workerID
        self.itemCode = itemCode
        self.amount = amount
        self.paidDate = paidDate
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.institutionID = institutionID
        self.invoiceNo = invoiceNo
        self.channel = channel
        self.payeeAccount = payeeAccount
        self.dependentID = dependentID
        self.regionCode = regionCode
        self.advance = advance
    }

    /// rules.md: the service date is `period_start`, or `paid_date` where there is no period.
    public var serviceDate: Day { periodStart ?? paidDate }
}
