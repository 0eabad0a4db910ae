import FundModel
import FundStore

/// The daily reconciliation (对账) of one institution: what moved on the day, line by line, and its totals.
///
/// A line counts on the day it was paid (at the counter, or when a held line was approved) and, as a
/// negative, on the day its payment was reversed. The institution sends its own totals back; any total that
/// differs, and any settlement one side has and the other has not, is a mismatch.
public struct DayReconciliation: Sendable, Hashable, Encodable {
    public var institutionID: String
    public var day: String
    public var lines: [Line]
    public var totals: Totals

    public struct Line: Sendable, Hashable, Encodable {
        public var settlementID: String
        public var lineNo: Int
        public var invoiceNo: String
        public var itemCode: String
        /// `paid`, `approved` (a held line paid after review), `reversed`, `refused` or `held`.
        public var movement: String
        /// Signed: positive paid, negative reversed, 0 for a refused or held line.
        public var amountFen: Int64
        public var paymentID: String?
    }

    public struct Totals: Sendable, Hashable, Codable {
        /// Settlements made on the day.
        public var settlementCount: Int
        public var paidFen: Int64
        public var reversedFen: Int64
        /// paid − reversed: what the fund owes the institution for the day.
        public var netFen: Int64
        public var refusedLines: Int
        public var heldLines: Int

        public init(
            settlementCount: Int, paidFen: Int64, reversedFen: Int64, netFen: Int64, refusedLines: Int,
            heldLines: Int
        ) {
            self.settlementCount = settlementCount
            self.paidFen = paidFen
            self.reversedFen = reversedFen
            self.netFen = netFen
            self.refusedLines = refusedLines
            self.heldLines = heldLines
        }
    }

    /// The day's file from the lines touched on the day.
    public init(institutionID: String, day: Day, lines stored: [StoredSettlementLine]) {
        self.institutionID = institutionID
        self.day = day.iso
        var lines: [Line] = []
        var settlements = Set<String>()
        var totals = Totals(settlementCount: 0, paidFen: 0, reversedFen: 0, netFen: 0, refusedLines: 0, heldLines: 0)
        for l in stored {
            func add(_ movement: String, _ amount: Int64, _ payment: String?) {
                lines.append(
                    Line(
                        settlementID: l.settlementID, lineNo: l.lineNo, invoiceNo: l.invoiceNo, itemCode: l.itemCode,
                        movement: movement, amountFen: amount, paymentID: payment))
            }
            if l.settledDay == day {
                settlements.insert(l.settlementID)
                switch l.decision {
                case "paid":
                    add("paid", l.amount.fen, l.paymentID)
                    totals.paidFen += l.amount.fen
                case "refused":
                    add("refused", 0, nil)
                    totals.refusedLines += 1
                default:
                    add("held", 0, nil)
                    totals.heldLines += 1
                }
            }
            if l.decision == "held", l.reviewState == "approved", l.reviewDay == day {
                add("approved", l.amount.fen, l.paymentID)
                totals.paidFen += l.amount.fen
            }
            if l.reversedDay == day, let reversal = l.reversalPaymentID {
                add("reversed", -l.amount.fen, reversal)
                totals.reversedFen += l.amount.fen
            }
        }
        totals.settlementCount = settlements.count
        totals.netFen = totals.paidFen - totals.reversedFen
        self.lines = lines
        self.totals = totals
    }
}

/// What the institution says it settled on the day.
public struct InstitutionTotals: Sendable, Hashable {
    public var settlementCount: Int
    public var paidFen: Int64
    public var reversedFen: Int64
    public var netFen: Int64
    /// The settlement ids it has for the day (optional: compared when given).
    public var settlementIDs: [String]?

    public init(settlementCount: Int, paidFen: Int64, reversedFen: Int64, netFen: Int64, settlementIDs: [String]?) {
        self.settlementCount = settlementCount
        self.paidFen = paidFen
        self.reversedFen = reversedFen
        self.netFen = netFen
        self.settlementIDs = settlementIDs
    }
}

/// The comparison of the institution's totals with the platform's (the mismatch report).
public struct MismatchReport: Sendable, Hashable, Encodable {
    public var institutionID: String
    public var day: String
    public var matched: Bool
    public var differences: [Difference]
    /// Settlements of the day the platform has and the institution did not list.
    public var missingAtInstitution: [String]
    /// Settlements the institution listed that the platform does not have for the day.
    public var unknownToPlatform: [String]
    public var platformTotals: DayReconciliation.Totals

    public struct Difference: Sendable, Hashable, Encodable {
        public var field: String
        public var platform: Int64
        public var institution: Int64
    }

    public init(_ ours: DayReconciliation, theirs: InstitutionTotals) {
        institutionID = ours.institutionID
        day = ours.day
        platformTotals = ours.totals
        var differences: [Difference] = []
        func compare(_ field: String, _ a: Int64, _ b: Int64) {
            if a != b { differences.append(Difference(field: field, platform: a, institution: b)) }
        }
        compare("settlementCount", Int64(ours.totals.settlementCount), Int64(theirs.settlementCount))
        compare("paidFen", ours.totals.paidFen, theirs.paidFen)
        compare("reversedFen", ours.totals.reversedFen, theirs.reversedFen)
        compare("netFen", ours.totals.netFen, theirs.netFen)
        self.differences = differences
        if let ids = theirs.settlementIDs {
            let platform = Set(
                ours.lines.filter { $0.movement != "reversed" && $0.movement != "approved" }.map(\.settlementID))
            let institution = Set(ids)
            missingAtInstitution = platform.subtracting(institution).sorted()
            unknownToPlatform = institution.subtracting(platform).sorted()
        } else {
            missingAtInstitution = []
            unknownToPlatform = []
        }
        matched = differences.isEmpty && missingAtInstitution.isEmpty && unknownToPlatform.isEmpty
    }
}
