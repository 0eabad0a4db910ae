import Foundation
import FundModel

/// One API credential of a contracted institution (issue 13). The key itself is shown once when issued;
/// only its SHA-256 and its first characters (to tell keys apart) are kept.
public struct InstitutionCredential: Sendable, Hashable {
    public var id: Int64
    public var institutionID: String
    public var prefix: String
    public var label: String
    public var createdAt: Date
    public var createdBy: String
    public var revokedAt: Date?
    public var revokedBy: String?

    public var isRevoked: Bool { revokedAt != nil }
}

/// A settlement as stored: one bill of one worker at one institution.
public struct StoredSettlement: Sendable, Hashable {
    public var settlementID: String
    public var institutionID: String
    public var requestID: String
    public var personID: String
    public var cardNo: String
    public var caseID: String
    public var regionCode: String
    public var settledDay: Day
    public var createdAt: Date
    public var admissionDate: Day?
    public var dischargeDate: Day?
    /// `settled` or `reversed`.
    public var state: String
    public var reversedDay: Day?
    public var reversalRequestID: String?

    public init(
        settlementID: String, institutionID: String, requestID: String, personID: String, cardNo: String,
        caseID: String, regionCode: String, settledDay: Day, createdAt: Date, admissionDate: Day?,
        dischargeDate: Day?, state: String, reversedDay: Day? = nil, reversalRequestID: String? = nil
    ) {
        self.settlementID = settlementID
        self.institutionID = institutionID
        self.requestID = requestID
        self.personID = personID
        self.cardNo = cardNo
        self.caseID = caseID
        self.regionCode = regionCode
        self.settledDay = settledDay
        self.createdAt = createdAt
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.state = state
        self.reversedDay = reversedDay
        self.reversalRequestID = reversalRequestID
    }
}

/// A line of a settlement as stored, with its decision and what happened to it since.
public struct StoredSettlementLine: Sendable, Hashable {
    public var settlementID: String
    public var lineNo: Int
    public var institutionID: String
    public var personID: String
    public var regionCode: String
    public var settledDay: Day
    public var itemCode: String
    public var amount: Money
    public var serviceStart: Day
    public var serviceEnd: Day?
    public var invoiceNo: String
    /// `paid`, `refused` or `held`.
    public var decision: String
    public var ruleID: String?
    public var reason: String?
    /// The payment of the line (at settlement, or when a held line is approved).
    public var paymentID: String?
    /// Whether the line's payment stands (not reversed).
    public var paid: Bool
    /// For a held line: `pending`, `approved`, `refused` or `cancelled` (its settlement reversed).
    public var reviewState: String?
    public var reviewedBy: String?
    public var reviewDay: Day?
    public var reviewNote: String?
    public var reversalPaymentID: String?
    public var reversedDay: Day?

    public init(
        settlementID: String, lineNo: Int, institutionID: String, personID: String, regionCode: String,
        settledDay: Day, itemCode: String, amount: Money, serviceStart: Day, serviceEnd: Day?, invoiceNo: String,
        decision: String, ruleID: String?, reason: String?, paymentID: String?, paid: Bool,
        reviewState: String? = nil, reviewedBy: String? = nil, reviewDay: Day? = nil, reviewNote: String? = nil,
        reversalPaymentID: String? = nil, reversedDay: Day? = nil
    ) {
        self.settlementID = settlementID
        self.lineNo = lineNo
        self.institutionID = institutionID
        self.personID = personID
        self.regionCode = regionCode
        self.settledDay = settledDay
        self.itemCode = itemCode
        self.amount = amount
        self.serviceStart = serviceStart
        self.serviceEnd = serviceEnd
        self.invoiceNo = invoiceNo
        self.decision = decision
        self.ruleID = ruleID
        self.reason = reason
        self.paymentID = paymentID
        self.paid = paid
        self.reviewState = reviewState
        self.reviewedBy = reviewedBy
        self.reviewDay = reviewDay
        self.reviewNote = reviewNote
        self.reversalPaymentID = reversalPaymentID
        self.reversedDay = reversedDay
    }
}

/// The answer given to an institution's request id, kept so that a retry gets the very same answer.
public struct StoredAnswer: Sendable, Hashable {
    public var operation: String
    /// SHA-256 of the request's canonical form: another body under the same id is a conflict.
    public var bodyHash: String
    public var status: Int
    /// The JSON of the response.
    public var response: String

    public init(operation: String, bodyHash: String, status: Int, response: String) {
        self.operation = operation
        self.bodyHash = bodyHash
        self.status = status
        self.response = response
    }
}

/// Today's direct settlement as the dashboard counts it.
public struct SettlementDayCounts: Sendable, Hashable {
    public var settlements: Int
    public var paidLines: Int
    public var refusedLines: Int
    public var heldLines: Int
    public var paidAmount: Money

    public init(
        settlements: Int = 0, paidLines: Int = 0, refusedLines: Int = 0, heldLines: Int = 0,
        paidAmount: Money = .zero
    ) {
        self.settlements = settlements
        self.paidLines = paidLines
        self.refusedLines = refusedLines
        self.heldLines = heldLines
        self.paidAmount = paidAmount
    }
}
