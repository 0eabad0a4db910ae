import FundModel
import FundRules

/// Numbers the payments and invoices, decides direct settlement or reimbursement, and adds every payment
/// to its city's monthly fund account.
struct PaymentBook: Sendable {
    private var nextPayment = 1
    private var nextInvoice = 1
    /// Per (city, month): benefit expenditure and assessment expenditure, fen.
    private(set) var monthly: [Int: (benefit: Int64, assessment: Int64)] = [:]
    /// Per (city, month): MED payments so far, for the reimbursement rotation.
    private var medCount: [Int: Int] = [:]
    /// Per city: whether it is the I06 city (most MED reimbursed by hand).
    let manualCities: Set<Int>
    let windowStart: Day
    let asOf: Day

    init(manualCities: Set<Int>, windowStart: Day, asOf: Day) {
        self.manualCities = manualCities
        self.windowStart = windowStart
        self.asOf = asOf
    }

    /// A new invoice number (票据号), never repeated.
    mutating func invoice() -> String {
        defer { nextInvoice += 1 }
        return "FP" + Identifiers.padded(nextInvoice, 10)
    }

    /// Whether a payment on this day belongs in the data (within the window, not after as-of).
    func isInWindow(_ day: Day) -> Bool { day >= windowStart && day <= asOf }

    /// Gives the payment its id and, for MED, its channel; adds it to the city's month. Returns the id.
    ///
    /// Reimbursement by hand is a rotation per city and month, not a coin: one
    /// outpatient claim in twelve at most, so that no month of a city ever
    /// reaches I06's 30 % by chance; in the I06 city three MED payments in five.
    mutating func book(_ payment: inout Payment, city: Int, outpatient: Bool, keepChannel: Bool = false) {
        payment.paymentID = "ZF" + Identifiers.padded(nextPayment, 10)
        nextPayment += 1
        let month = Int(payment.paidDate.yearMonth.index)
        let key = city * 1_000_000 + month
        if payment.itemCode == ItemCode.med && !keepChannel && payment.amount.fen > 0 {
            let k = medCount[key, default: 0]
            medCount[key] = k + 1
            let manual = manualCities.contains(city) ? k % 5 < 3 : (outpatient && k % 12 == 11)
            payment.channel = manual ? .reimbursement : .direct
        }
        var sums = monthly[key] ?? (0, 0)
        if payment.itemCode == ItemCode.assessmentFee {
            sums.assessment += payment.amount.fen
        } else {
            sums.benefit += payment.amount.fen
        }
        monthly[key] = sums
    }
}
