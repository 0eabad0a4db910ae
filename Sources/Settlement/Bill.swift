import FundModel

/// A bill an institution presents for direct settlement: one worker (by card), one case, its lines.
///
/// Each line is a payment of the fund if it is paid, so it carries what a payment carries: the item, the
/// amount in fen, the service dates and the invoice number. An invoice number identifies one payment at an
/// institution, as in payments.csv (R08 fires on a second payment of the same invoice), so each line has
/// its own (docs/decisions.md "Direct settlement").
public struct Bill: Sendable, Hashable {
    public var card: CardPresented
    public var caseID: String
    /// The inpatient stay, when the bill is for one (入院、出院日期).
    public var admissionDate: Day?
    public var dischargeDate: Day?
    public var lines: [BillLine]

    public init(
        card: CardPresented, caseID: String, admissionDate: Day? = nil, dischargeDate: Day? = nil,
        lines: [BillLine]
    ) {
        self.card = card
        self.caseID = caseID
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.lines = lines
    }

    /// The bill's invoice numbers (to read the payments that already carry them).
    public var invoices: [String] { lines.map(\.invoiceNo) }
}

/// One line of a bill.
public struct BillLine: Sendable, Hashable {
    /// The line's number on the bill (1, 2, …), unique in the bill.
    public var lineNo: Int
    public var itemCode: String
    public var amount: Money
    /// The first day of the service (the payment's `period_start`).
    public var serviceStart: Day
    /// The last day, for a service over several days (`period_end`).
    public var serviceEnd: Day?
    public var invoiceNo: String

    public init(
        lineNo: Int, itemCode: String, amount: Money, serviceStart: Day, serviceEnd: Day? = nil, invoiceNo: String
    ) {
        self.lineNo = lineNo
        self.itemCode = itemCode
        self.amount = amount
        self.serviceStart = serviceStart
        self.serviceEnd = serviceEnd
        self.invoiceNo = invoiceNo
    }
}

/// How the worker identified themself at the counter: the card's number or the electronic card's token.
public enum CardPresented: Sendable, Hashable {
    case number(String)
    case ecardToken(String)

    /// For the audit log and the canonical form: the kind and the value.
    var canonical: String {
        switch self {
        case .number(let n): "card:" + n
        case .ecardToken(let t): "ecard:" + t
        }
    }
}
