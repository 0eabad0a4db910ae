import FundModel

/// The payments as columns (payments.csv, 待遇支出): the screening's bulk form of `[Payment]`.
///
/// Ten million `Payment` records are ~200 bytes each and a dozen `String`s
/// that every later step hashes again; the screening loader instead reads
/// SQLite's cells straight into these columns (integers, and text coded by
/// `TextColumn`), in parallel over row ranges, and the snapshot takes them
/// over without touching a string per row. `record(_:)` rebuilds the
/// `Payment` of a row for the few rows a finding shows.
public struct PaymentTable: Sendable {
    public private(set) var paymentID: [String] = []
    public var caseID = TextColumn()
    public var worker = TextColumn()
    public var item = TextColumn()
    public private(set) var amount: [Int64] = []
    public private(set) var paidDate: [Int32] = []
    /// `Day.noneOrdinal` when empty.
    public private(set) var periodStart: [Int32] = []
    /// `Day.noneOrdinal` when empty.
    public private(set) var periodEnd: [Int32] = []
    public var institution = TextColumn()
    public var invoice = TextColumn()
    public var account = TextColumn()
    public var dependent = TextColumn()
    public var region = TextColumn()
    /// `PaymentTable.flags(advance:channel:)`.
    public private(set) var flags: [UInt8] = []

    public init() {}

    /// The columns of the records, in their order.
    public init(_ records: [Payment]) {
        reserveCapacity(records.count)
        for record in records { append(record) }
    }

    /// The number of payments.
    @inlinable public var count: Int { paymentID.count }

    public mutating func reserveCapacity(_ rows: Int) {
        for path in Self.textColumns { self[keyPath: path].reserveCapacity(rows) }
        reserveScalarCapacity(rows)
    }

    static var textColumns: [WritableKeyPath<PaymentTable, TextColumn> & Sendable] {
        [
            \.caseID, \.worker, \.item, \.institution, \.invoice, \.account, \.dependent, \.region,
        ]
    }

    public mutating func append(_ p: Payment) {
        caseID.append(p.caseID)
        worker.append(p.workerID.raw)
        item.append(p.itemCode)
        institution.append(p.institutionID)
        invoice.append(p.invoiceNo)
        account.append(p.payeeAccount)
        dependent.append(p.dependentID?.raw)
        region.append(p.regionCode.raw)
        appendScalars(
            paymentID: p.paymentID, amount: p.amount.fen, paidDate: p.paidDate.ordinal,
            periodStart: p.periodStart.ordinalOrNone, periodEnd: p.periodEnd.ordinalOrNone,
            flags: Self.flags(advance: p.advance, channel: p.channel))
    }

    /// Appends the non-text fields of a row whose text columns the caller has already appended.
    public mutating func appendScalars(
        paymentID id: String, amount fen: Int64, paidDate paid: Int32, periodStart start: Int32, periodEnd end: Int32,
        flags f: UInt8
    ) {
        paymentID.append(id)
        amount.append(fen)
        paidDate.append(paid)
        periodStart.append(start)
        periodEnd.append(end)
        flags.append(f)
    }

    /// Appends the non-text columns of another table (`PaymentTable(joining:)` joins the text ones apart).
    mutating func appendScalars(of other: PaymentTable) {
        paymentID.append(contentsOf: other.paymentID)
        amount.append(contentsOf: other.amount)
        paidDate.append(contentsOf: other.paidDate)
        periodStart.append(contentsOf: other.periodStart)
        periodEnd.append(contentsOf: other.periodEnd)
        flags.append(contentsOf: other.flags)
    }

    mutating func reserveScalarCapacity(_ rows: Int) {
        paymentID.reserveCapacity(rows)
        amount.reserveCapacity(rows)
        paidDate.reserveCapacity(rows)
        periodStart.reserveCapacity(rows)
        periodEnd.reserveCapacity(rows)
        flags.reserveCapacity(rows)
    }

    /// The `Payment` of a row.
    ///
    /// The person ids and region codes were validated when they entered the table (as records, or by
    /// the loader for each distinct value), so rebuilding them cannot fail.
    public func record(_ row: Int) -> Payment {
        let f = flags[row]
        return Payment(
            paymentID: paymentID[row], caseID: caseID.value(row), workerID: PersonID(worker.value(row)!)!,
            itemCode: item.value(row)!, amount: Money(fen: amount[row]), paidDate: Day(ordinal: paidDate[row]),
            periodStart: Day(optionalOrdinal: periodStart[row]), periodEnd: Day(optionalOrdinal: periodEnd[row]),
            institutionID: institution.value(row), invoiceNo: invoice.value(row),
            channel: Self.channel(flags: f), payeeAccount: account.value(row),
            dependentID: dependent.value(row).flatMap { PersonID($0) }, regionCode: RegionCode(region.value(row)!)!,
            advance: f & 1 != 0)
    }

    /// Every row as a record (tests, small data sets).
    public var records: [Payment] { (0..<count).map(record) }

    // MARK: Flags

    /// Bit 0: advance (先行支付); bits 1–2: channel (0 none, 1 direct, 2 reimbursement, 3 bank).
    @inlinable
    public static func flags(advance: Bool, channel: Channel?) -> UInt8 {
        (advance ? 1 : 0) | channelCode(channel) << 1
    }

    @inlinable
    public static func channelCode(_ channel: Channel?) -> UInt8 {
        switch channel {
        case nil: 0
        case .direct: 1
        case .reimbursement: 2
        case .bank: 3
        }
    }

    /// The channel of a row's flags.
    @inlinable
    public static func channel(flags: UInt8) -> Channel? {
        switch (flags >> 1) & 3 {
        case 1: .direct
        case 2: .reimbursement
        case 3: .bank
        default: nil
        }
    }
}
