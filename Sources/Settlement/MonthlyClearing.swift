import FundModel
import FundStore

/// The monthly clearing (清算) of one institution: what the fund owes it for the month.
///
/// - settled: the lines paid at the counter in the month;
/// - approved after review: held lines approved in the month (paid then);
/// - reversed: payments reversed in the month (whenever they were made);
/// - to pay = settled + approved after review − reversed;
/// - refused at the counter, refused after review (in the month) and still pending (held in the month,
///   not yet reviewed) are listed for the institution's own books; the fund pays none of them.
public struct MonthlyClearing: Sendable, Hashable, Encodable {
    public var institutionID: String
    public var month: String
    public var settlementCount: Int
    public var settledFen: Int64
    public var approvedAfterReviewFen: Int64
    public var reversedFen: Int64
    public var toPayFen: Int64
    public var refusedAtCounterFen: Int64
    public var refusedAfterReviewFen: Int64
    public var pendingReviewFen: Int64
    public var pendingReviewLines: Int

    public init(institutionID: String, month: YearMonth, lines: [StoredSettlementLine]) {
        self.institutionID = institutionID
        self.month = month.description
        let first = month.firstDay
        let last = month.lastDay
        func inMonth(_ day: Day?) -> Bool { day.map { first <= $0 && $0 <= last } ?? false }
        var settlements = Set<String>()
        var settled: Int64 = 0
        var approved: Int64 = 0
        var reversed: Int64 = 0
        var refusedCounter: Int64 = 0
        var refusedReview: Int64 = 0
        var pending: Int64 = 0
        var pendingLines = 0
        for l in lines {
            if inMonth(l.settledDay) {
                settlements.insert(l.settlementID)
                switch l.decision {
                case "paid": settled += l.amount.fen
                case "refused": refusedCounter += l.amount.fen
                default:
                    if l.reviewState == "pending" {
                        pending += l.amount.fen
                        pendingLines += 1
                    }
                }
            }
            if l.decision == "held", inMonth(l.reviewDay) {
                if l.reviewState == "approved" { approved += l.amount.fen }
                if l.reviewState == "refused" { refusedReview += l.amount.fen }
            }
            if l.reversalPaymentID != nil, inMonth(l.reversedDay) { reversed += l.amount.fen }
        }
        settlementCount = settlements.count
        settledFen = settled
        approvedAfterReviewFen = approved
        reversedFen = reversed
        toPayFen = settled + approved - reversed
        refusedAtCounterFen = refusedCounter
        refusedAfterReviewFen = refusedReview
        pendingReviewFen = pending
        pendingReviewLines = pendingLines
    }
}
