import FundModel

extension CaseStory {
    /// Writes the worker and everything of the case, numbering the payments in the order they were paid.
    mutating func emitAll() throws {
        try ctx.emit(.worker(worker))
        try ctx.emit(.card(DemoCards.card(for: worker)))
        for wage in wages { try ctx.emit(.wage(wage)) }
        guard let record = caseRecord else {
            for row in ext { try ctx.emit(row) }
            return
        }
        try ctx.emit(.injuryCase(record))
        for later in laterCases { try ctx.emit(.injuryCase(later)) }
        for assessment in assessments { try ctx.emit(.assessment(assessment)) }
        for dependant in dependants { try ctx.emit(.dependent(dependant)) }
        let ordered = payments.enumerated().sorted {
            ($0.element.payment.paidDate, $0.offset) < ($1.element.payment.paidDate, $1.offset)
        }
        for (_, draft) in ordered where ctx.book.isInWindow(draft.payment.paidDate) {
            var payment = draft.payment
            ctx.book.book(&payment, city: instance.city, outpatient: draft.outpatient, keepChannel: draft.keepChannel)
            if payment.channel == .reimbursement { payment.payeeAccount = account }
            try ctx.emit(.payment(payment))
            for truth in draft.truth { ctx.truth.add(truth.rule, .payment, payment.paymentID, truth.note) }
        }
        for row in ext { try ctx.emit(row) }
    }
}
