import Foundation
import FundColumns
import FundModel
import FundRules
import FundStore
import Screening

/// Direct settlement (直接结算, issue 13): eligibility, pre-settlement, settlement, reversal, review of held
/// lines, the daily reconciliation and the monthly clearing, for the institutions' API and the console.
///
/// Each operation reads one worker's rows by index (`SettlementLedger.facts`), never a snapshot of the
/// province. The reference tables and the thresholds in force are cached and reread when an import or a
/// change of thresholds has happened since (one indexed read a request tells).
public final class SettlementService: Sendable {
    public let store: SQLiteFundStore
    let now: @Sendable () -> Date
    let loadConfiguration: @Sendable () throws -> RulesConfiguration
    private let cache = CheckerCache()

    /// - Parameter configuration: the thresholds in force (the server passes `RulesConfiguration.inForce`).
    public init(
        store: SQLiteFundStore, now: @escaping @Sendable () -> Date = { Date() },
        configuration: @escaping @Sendable () throws -> RulesConfiguration
    ) {
        self.store = store
        self.now = now
        self.loadConfiguration = configuration
    }

    /// The China day of now.
    public var today: Day { Day.inChina(now()) }

    // MARK: Eligibility

    /// Who the card belongs to, their cases, and what the institution may bill on the day.
    public func eligibility(institutionID: String, card presented: CardPresented, on day: Day?) throws
        -> EligibilityAnswer
    {
        let day = day ?? today
        var problems = RequestProblems()
        switch presented {
        case .number(let n): problems.checkText(n, "cardNo")
        case .ecardToken(let t): problems.checkText(t, "ecardToken")
        }
        if !problems.isEmpty { throw SettlementError.invalid(problems) }
        let (reference, checker) = try current()
        return try store.settlementRead(reference: reference) { ledger in
            let card = try CardCheck.resolve(presented, on: day, lookup: Self.lookup(ledger))
            let facts = try ledger.facts(person: card.personID, institutionID: institutionID, invoices: [])
            let worker = try Self.worker(facts, card)
            let cases = (facts.cases ?? []).filter { $0.workerID == card.personID }.sorted {
                ($0.accidentDate, $0.caseID) < ($1.accidentDate, $1.caseID)
            }
            let agreements = (facts.agreements ?? []).filter {
                $0.status == .active && $0.startDate <= day && day <= $0.endDate
            }
            let covered = Set(agreements.flatMap(\.services))
            let itemList = ItemList(provincialRows: facts.benefitItems ?? [])
            var items: [EligibilityAnswer.Item] = []
            let services = checker.engine.configuration.settings("R09", region: worker.regionCode)
                .itemMap("params", "services")
            for code in services.keys.sorted() {
                guard case .text(let raw)? = services[code], let kind = InstitutionKind(rawValue: raw),
                    covered.contains(kind)
                else { continue }
                items.append(.init(itemCode: code, name: itemList.item(code)?.name ?? code, service: kind.rawValue))
            }
            return EligibilityAnswer(
                day: day.iso, cardNo: card.cardNo, cardStatus: card.status.rawValue,
                worker: .init(
                    name: worker.name, personID: EligibilityAnswer.mask(worker.workerID.raw),
                    regionCode: worker.regionCode.raw),
                cases: cases.map {
                    .init(
                        caseID: $0.caseID, accidentDate: $0.accidentDate.iso, decision: $0.decision.rawValue,
                        decisionName: $0.decision.chineseName, recognized: $0.decision.entitlesBenefits)
                },
                agreements: agreements.map {
                    .init(
                        agreementID: $0.agreementID, services: $0.services.map(\.rawValue), startDate: $0.startDate.iso,
                        endDate: $0.endDate.iso)
                },
                billableItems: items)
        }
    }

    // MARK: Pre-settlement and settlement

    /// 预结算: the decision of every line, nothing kept.
    public func preSettle(institutionID: String, bill: Bill) throws -> SettlementAnswer {
        let today = today
        let problems = bill.problems(today: today)
        if !problems.isEmpty { throw SettlementError.invalid(problems) }
        let (reference, checker) = try current()
        return try store.settlementRead(reference: reference) { ledger in
            let (card, facts, worker) = try Self.prepare(bill, institutionID: institutionID, today: today, ledger)
            let result = checker.check(
                bill.lines, facts: facts,
                .init(
                    person: card.personID, regionCode: worker.regionCode, institutionID: institutionID,
                    caseID: bill.caseID, today: today, paymentIDPrefix: "PRE"))
            var answer = SettlementAnswer(
                state: "presettled", settlementID: nil, requestID: nil, institutionID: institutionID,
                caseID: bill.caseID, day: today, result: result)
            for i in answer.lines.indices { answer.lines[i].paymentID = nil }
            return answer
        }
    }

    /// 确认结算: checks the bill and writes its lines and the payments of the paid ones, in one transaction,
    /// idempotent by the request id. Returns the HTTP status and the JSON of the answer (the stored one
    /// for a retry).
    public func settle(_ caller: SettlementCaller, requestID: String, bill: Bill) throws -> SettlementReply {
        let today = today
        var problems = bill.problems(today: today)
        problems.checkText(requestID, "requestID")
        if !problems.isEmpty { throw SettlementError.invalid(problems) }
        let hash = Canonical.hash(operation: "settle", bill: bill)
        let (reference, checker) = try current()
        let at = now()
        return try store.settlementWrite(reference: reference) { ledger in
            if let stored = try Self.replay(ledger, caller.institutionID, requestID, "settle", hash) {
                return SettlementReply(answer: stored, replayed: true)
            }
            let (card, facts, worker) = try Self.prepare(
                bill, institutionID: caller.institutionID, today: today, ledger)
            let settlementID = try ledger.nextSettlementID(on: today)
            let result = checker.check(
                bill.lines, facts: facts,
                .init(
                    person: card.personID, regionCode: worker.regionCode, institutionID: caller.institutionID,
                    caseID: bill.caseID, today: today, paymentIDPrefix: settlementID))
            try ledger.insert(
                StoredSettlement(
                    settlementID: settlementID, institutionID: caller.institutionID, requestID: requestID,
                    personID: card.personID.raw, cardNo: card.cardNo, caseID: bill.caseID,
                    regionCode: worker.regionCode.raw, settledDay: today, createdAt: at,
                    admissionDate: bill.admissionDate, dischargeDate: bill.dischargeDate, state: "settled"))
            for o in result.outcomes {
                try ledger.insert(
                    StoredSettlementLine(
                        settlementID: settlementID, lineNo: o.line.lineNo, institutionID: caller.institutionID,
                        personID: card.personID.raw, regionCode: worker.regionCode.raw, settledDay: today,
                        itemCode: o.line.itemCode, amount: o.line.amount, serviceStart: o.line.serviceStart,
                        serviceEnd: o.line.serviceEnd, invoiceNo: o.line.invoiceNo, decision: o.decision.rawValue,
                        ruleID: o.ruleID, reason: o.reason, paymentID: o.paymentID, paid: o.decision == .paid,
                        reviewState: o.decision == .held ? "pending" : nil))
            }
            for payment in result.payments { try ledger.insert(payment) }
            let answer = SettlementAnswer(
                state: "settled", settlementID: settlementID, requestID: requestID,
                institutionID: caller.institutionID, caseID: bill.caseID, day: today, result: result)
            let stored = StoredAnswer(
                operation: "settle", bodyHash: hash, status: 201, response: try JSONText.encode(answer))
            try ledger.record(stored, institutionID: caller.institutionID, requestID: requestID, at: at)
            try ledger.appendAudit(
                caller.auditEntry(
                    "settlement.settle", targetType: "settlement", targetID: settlementID, outcome: "ok",
                    detail:
                        "request \(requestID); lines paid \(answer.lines.filter { $0.decision == "paid" }.count), refused \(answer.lines.filter { $0.decision == "refused" }.count), held \(answer.lines.filter { $0.decision == "held" }.count); paid \(answer.totals.paidFen) fen",
                    at: at))
            return SettlementReply(answer: stored, replayed: false)
        }
    }

    // MARK: Reversal

    /// 冲正: cancels every payment of a settlement with a negative payment of the same institution, invoice
    /// and amount (which batch screening nets, rules.md rev. 2), and the review of its held lines.
    /// Idempotent by the request id.
    public func reverse(_ caller: SettlementCaller, requestID: String, settlementID: String, reason: String) throws
        -> SettlementReply
    {
        var problems = RequestProblems()
        problems.checkText(requestID, "requestID")
        problems.checkText(settlementID, "settlementID")
        if reason.utf8.count > 500 { problems.add("reason", "过长（最多 500 字节）too long") }
        if !problems.isEmpty { throw SettlementError.invalid(problems) }
        let hash = Canonical.hash(["reverse", settlementID, reason])
        let (reference, _) = try current()
        let today = today
        let at = now()
        return try store.settlementWrite(reference: reference) { ledger in
            if let stored = try Self.replay(ledger, caller.institutionID, requestID, "reverse", hash) {
                return SettlementReply(answer: stored, replayed: true)
            }
            guard let settlement = try ledger.settlement(id: settlementID),
                settlement.institutionID == caller.institutionID
            else { throw SettlementError(.notFound, code: "settlement_unknown", message: "结算单 \(settlementID) 不存在") }
            guard settlement.state == "settled" else {
                throw SettlementError(.conflict, code: "already_reversed", message: "结算单 \(settlementID) 已冲正")
            }
            var lines: [ReversalAnswer.Line] = []
            var total: Int64 = 0
            for line in try ledger.lines(settlementID: settlementID) {
                guard line.paid || line.reviewState == "pending" else { continue }
                var reversalID: String?
                if line.paid, let paymentID = line.paymentID {
                    let reversal = Payment(
                        paymentID: paymentID + "-R", caseID: settlement.caseID,
                        workerID: PersonID(line.personID)!, itemCode: line.itemCode,
                        amount: Money(fen: -line.amount.fen),
                        paidDate: today, periodStart: line.serviceStart,
                        periodEnd: line.serviceEnd ?? line.serviceStart,
                        institutionID: line.institutionID, invoiceNo: line.invoiceNo, channel: .direct,
                        payeeAccount: nil, dependentID: nil, regionCode: RegionCode(line.regionCode)!, advance: false)
                    try ledger.insert(reversal)
                    reversalID = reversal.paymentID
                    total += line.amount.fen
                }
                try ledger.markLineReversed(
                    settlementID: settlementID, lineNo: line.lineNo, reversalPaymentID: reversalID, day: today)
                lines.append(
                    .init(
                        lineNo: line.lineNo, paymentID: line.paid ? line.paymentID : nil, reversalPaymentID: reversalID,
                        amountFen: line.paid ? line.amount.fen : 0))
            }
            try ledger.markReversed(settlementID: settlementID, day: today, requestID: requestID)
            let answer = ReversalAnswer(
                state: "reversed", settlementID: settlementID, requestID: requestID, day: today.iso, lines: lines,
                reversedFen: total)
            let stored = StoredAnswer(
                operation: "reverse", bodyHash: hash, status: 200, response: try JSONText.encode(answer))
            try ledger.record(stored, institutionID: caller.institutionID, requestID: requestID, at: at)
            try ledger.appendAudit(
                caller.auditEntry(
                    "settlement.reverse", targetType: "settlement", targetID: settlementID, outcome: "ok",
                    detail: "request \(requestID); reversed \(total) fen; \(reason)", at: at))
            return SettlementReply(answer: stored, replayed: false)
        }
    }

    // MARK: Review of held lines (console)

    /// Approves (the fund pays it now, a payment of the direct channel dated today) or refuses a held line.
    public func review(
        settlementID: String, lineNo: Int, approve: Bool, by user: String, note: String, audit: AuditEntry
    ) throws -> StoredSettlementLine {
        let (reference, _) = try current()
        let today = today
        return try store.settlementWrite(reference: reference) { ledger in
            guard let settlement = try ledger.settlement(id: settlementID),
                let line = try ledger.lines(settlementID: settlementID).first(where: { $0.lineNo == lineNo })
            else { throw SettlementError(.notFound, code: "line_unknown", message: "待审核明细不存在") }
            guard line.decision == "held", line.reviewState == "pending" else {
                throw SettlementError(.conflict, code: "already_reviewed", message: "该明细已审核或已冲正")
            }
            var paymentID: String?
            if approve {
                let payment = Payment(
                    paymentID: "\(settlementID)-\(lineNo)", caseID: settlement.caseID,
                    workerID: PersonID(line.personID)!, itemCode: line.itemCode, amount: line.amount, paidDate: today,
                    periodStart: line.serviceStart, periodEnd: line.serviceEnd ?? line.serviceStart,
                    institutionID: line.institutionID, invoiceNo: line.invoiceNo, channel: .direct, payeeAccount: nil,
                    dependentID: nil, regionCode: RegionCode(line.regionCode)!, advance: false)
                let others =
                    try ledger.facts(
                        person: PersonID(line.personID)!, institutionID: line.institutionID, invoices: [line.invoiceNo]
                    ).payments ?? []
                // One invoice is paid once: refuse to approve a line whose invoice was paid meanwhile.
                let standing = others.filter {
                    $0.invoiceNo == line.invoiceNo && $0.institutionID == line.institutionID
                }
                .reduce(Int64(0)) { $0 + $1.amount.fen }
                guard standing <= 0 else {
                    throw SettlementError(
                        .conflict, code: "invoice_paid", message: "票据号 \(line.invoiceNo) 已由其他支付报销，不能再批准")
                }
                try ledger.insert(payment)
                paymentID = payment.paymentID
            }
            try ledger.markReviewed(
                settlementID: settlementID, lineNo: lineNo, approved: approve, paymentID: paymentID, by: user,
                day: today, note: note)
            try ledger.appendAudit(audit)
            return try ledger.lines(settlementID: settlementID).first { $0.lineNo == lineNo }!
        }
    }

    // MARK: Reconciliation and clearing

    public func reconciliation(institutionID: String, day: Day) throws -> DayReconciliation {
        DayReconciliation(
            institutionID: institutionID, day: day,
            lines: try store.settlementLines(institutionID: institutionID, touchedOn: day))
    }

    public func compare(institutionID: String, day: Day, theirs: InstitutionTotals) throws -> MismatchReport {
        MismatchReport(try reconciliation(institutionID: institutionID, day: day), theirs: theirs)
    }

    public func clearing(institutionID: String, month: YearMonth) throws -> MonthlyClearing {
        MonthlyClearing(
            institutionID: institutionID, month: month,
            lines: try store.settlementLines(
                institutionID: institutionID, touchedFrom: month.firstDay, through: month.lastDay))
    }

    // MARK: Helpers

    /// The reference data and the checker in force, reread when an import or a change of thresholds came.
    func current() throws -> (SettlementReferenceData, BillChecker) {
        let versions = try store.settlementVersions()
        if let cached = cache.get(), cached.importRun == versions.importRun, cached.rulesChange == versions.rulesChange
        {
            return (cached.reference, cached.checker)
        }
        let reference = try store.settlementReferenceData()
        let checker = BillChecker(configuration: try loadConfiguration())
        cache.set(
            .init(
                importRun: versions.importRun, rulesChange: versions.rulesChange, reference: reference,
                checker: checker))
        return (reference, checker)
    }

    /// The stored answer of a retry, or `nil` for a new request id; another body under the id is a 409.
    static func replay(
        _ ledger: SettlementLedger, _ institution: String, _ requestID: String, _ op: String, _ hash: String
    )
        throws -> StoredAnswer?
    {
        guard let stored = try ledger.answer(institutionID: institution, requestID: requestID) else { return nil }
        guard stored.operation == op, stored.bodyHash == hash else { throw SettlementError.requestIDReused }
        return stored
    }

    static func lookup(_ ledger: SettlementLedger) -> CardLookup {
        CardLookup(byNumber: { try ledger.card(number: $0) }, byToken: { try ledger.cards(ecardToken: $0) })
    }

    /// The card, the worker's facts and record, checked: an accepted card, a worker, the case theirs.
    static func prepare(_ bill: Bill, institutionID: String, today: Day, _ ledger: SettlementLedger) throws -> (
        SocialSecurityCard, DataSet, Worker
    ) {
        let card = try CardCheck.resolve(bill.card, on: today, lookup: lookup(ledger))
        let facts = try ledger.facts(person: card.personID, institutionID: institutionID, invoices: bill.invoices)
        let worker = try Self.worker(facts, card)
        guard (facts.cases ?? []).contains(where: { $0.caseID == bill.caseID && $0.workerID == card.personID }) else {
            throw SettlementError(
                .unprocessable, code: "case_not_found", message: "认定案件 \(bill.caseID) 不是该持卡人的案件",
                fields: ["caseID": "不是该持卡人的案件"])
        }
        return (card, facts, worker)
    }

    static func worker(_ facts: DataSet, _ card: SocialSecurityCard) throws -> Worker {
        guard let worker = facts.workers?.first(where: { $0.workerID == card.personID }) else {
            throw SettlementError(.unprocessable, code: "not_a_worker", message: "持卡人不是登记的参保职工")
        }
        return worker
    }
}

/// The answer to a settlement or a reversal, and whether it is the stored answer of an earlier request
/// with the same id (a retry), which changed nothing.
public struct SettlementReply: Sendable, Hashable {
    public var answer: StoredAnswer
    public var replayed: Bool
}

/// The reference data and checker of a version of the database (`SettlementService.current`).
final class CheckerCache: @unchecked Sendable {
    struct Entry {
        var importRun: Int64
        var rulesChange: Int64
        var reference: SettlementReferenceData
        var checker: BillChecker
    }

    private let lock = NSLock()
    private var entry: Entry?

    func get() -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entry
    }

    func set(_ new: Entry) {
        lock.lock()
        defer { lock.unlock() }
        entry = new
    }
}
