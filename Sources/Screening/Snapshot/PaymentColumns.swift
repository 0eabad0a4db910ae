import FundColumns
import FundModel

/// The payments of a snapshot, one flat array per field (columnar).
///
/// Ten million payments make ~57 bytes a row here (integers only) instead of
/// re-reading ~200-byte `Payment` structs full of strings in every rule's
/// loop. Strings are interned (`Snapshot`'s id tables); a missing value is
/// `-1` for an id and `Day.noneOrdinal` for a date. No `Payment` record is
/// kept: `Snapshot.paymentRecord(_:)` rebuilds one from the columns for the
/// few rows that end up in a finding.
public struct PaymentColumns: Sendable {
    /// The payment id of each row.
    public let paymentID: [String]
    /// Person id (`Snapshot.persons`) of the worker.
    public let worker: [Int32]
    /// Case id (`Snapshot.caseIDs`), -1 when empty.
    public let caseID: [Int32]
    /// Item code (`Snapshot.itemCodes`).
    public let item: [Int32]
    /// Amount in fen.
    public let amount: [Int64]
    public let paidDate: [Int32]
    public let periodStart: [Int32]
    public let periodEnd: [Int32]
    /// `period_start`, else `paid_date` (rules.md "service date").
    public let serviceDate: [Int32]
    /// `Snapshot.institutionIDs`, -1 when empty.
    public let institution: [Int32]
    /// `Snapshot.invoiceNumbers`, -1 when empty.
    public let invoice: [Int32]
    /// `Snapshot.accounts`, -1 when empty.
    public let account: [Int32]
    /// Person id of the dependant, -1 when empty.
    public let dependent: [Int32]
    /// `Snapshot.regionCodes`.
    public let region: [Int32]
    /// Bit 0: advance; bits 1–2: channel (0 none, 1 direct, 2 reimbursement, 3 bank).
    public let flags: [UInt8]

    public var count: Int { paymentID.count }

    init(
        paymentID: [String], worker: [Int32], caseID: [Int32], item: [Int32], amount: [Int64], paidDate: [Int32],
        periodStart: [Int32], periodEnd: [Int32], serviceDate: [Int32], institution: [Int32], invoice: [Int32],
        account: [Int32], dependent: [Int32], region: [Int32], flags: [UInt8]
    ) {
        self.paymentID = paymentID
        self.worker = worker
        self.caseID = caseID
        self.item = item
        self.amount = amount
        self.paidDate = paidDate
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.serviceDate = serviceDate
        self.institution = institution
        self.invoice = invoice
        self.account = account
        self.dependent = dependent
        self.region = region
        self.flags = flags
    }

    /// The integer view of one row, for the rules' per-payment checks.
    @inlinable
    public func facts(_ row: Int32) -> PaymentFacts {
        let i = Int(row)
        let f = flags[i]
        return PaymentFacts(
            row: row, worker: worker[i], caseID: caseID[i], item: item[i], amount: Money(fen: amount[i]),
            paidDate: Day(ordinal: paidDate[i]), periodStart: Day(optionalOrdinal: periodStart[i]),
            periodEnd: Day(optionalOrdinal: periodEnd[i]), serviceDate: Day(ordinal: serviceDate[i]),
            institution: institution[i], invoice: invoice[i], account: account[i], dependent: dependent[i],
            region: region[i], advance: f & 1 != 0, channel: PaymentTable.channel(flags: f))
    }
}

/// One payment as integers: a row of the snapshot, or a new payment checked in real time.
///
/// The per-payment check of every rule reads this, so that the batch loop and
/// the real-time call run the same code (architecture.md "Screening").
public struct PaymentFacts: Sendable, Hashable {
    /// The row in the snapshot, or -1 for a payment that is not in it (real time).
    public var row: Int32
    public var worker: Int32
    public var caseID: Int32
    public var item: Int32
    public var amount: Money
    public var paidDate: Day
    public var periodStart: Day?
    public var periodEnd: Day?
    public var serviceDate: Day
    public var institution: Int32
    public var invoice: Int32
    public var account: Int32
    public var dependent: Int32
    public var region: Int32
    public var advance: Bool
    public var channel: Channel?

    @inlinable
    public init(
        row: Int32, worker: Int32, caseID: Int32, item: Int32, amount: Money, paidDate: Day, periodStart: Day?,
        periodEnd: Day?, serviceDate: Day, institution: Int32, invoice: Int32, account: Int32, dependent: Int32,
        region: Int32, advance: Bool, channel: Channel?
    ) {
        self.row = row
        self.worker = worker
        self.caseID = caseID
        self.item = item
        self.amount = amount
        self.paidDate = paidDate
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.serviceDate = serviceDate
        self.institution = institution
        self.invoice = invoice
        self.account = account
        self.dependent = dependent
        self.region = region
        self.advance = advance
        self.channel = channel
    }

    /// A reversal (negative amount): not screened by R03, R04, R08 or R10 (rules.md §5).
    @inlinable public var isReversal: Bool { amount.fen < 0 }
}
