import FundModel
import FundRules

/// R26 ⚡ 重复支付 (rev. 2): a benefit paid twice.
///
/// Net of reversals (a negative payment of the same case, item, dependant,
/// period and amount cancels the earliest such payment), R26 fires on
/// - a one-off item (DISABILITY_LUMP, MEDICAL_LUMP, EMPLOYMENT_LUMP, FUNERAL,
///   DEATH_LUMP) paid more than once for one case: every payment after the
///   first (earliest `paid_date`, then smallest `payment_id`);
/// - a month of a monthly item (NURSING, DISABILITY_MONTHLY, PENSION_TOPUP;
///   DEPENDANT per dependant) paid more than once for one case: every payment
///   after the first that pays a month already paid;
/// - a month of DISABILITY_MONTHLY paid to one worker under two cases
///   (条例 45: one allowance, at the newer grade): the payments under the
///   cases other than the one whose assessment is the latest concluded before
///   that month; where none of the cases has one, every payment after the
///   first.
/// The amount at risk is the whole payment for a one-off item, and for a
/// monthly item its share for the months already paid (amount × those months
/// / its months, rounded half up). One finding a payment, with the payments it
/// repeats as evidence.
public struct R26DuplicateBenefit: RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        // The assessments tell which of a worker's two cases pays the allowance (条例 45).
        id: "R26", name: "重复支付", subject: .payment, isRealTime: true, tables: [.payments, .assessments],
        fields: [.level()])

    public init() {}

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let columns = snapshot.payments
        let kinds = snapshot.itemCodes.names.map(Self.kind)
        var offences: [Int32: Offence] = [:]
        var allowancesByWorker: [Int32: [PaymentFacts]] = [:]
        var group: [PaymentFacts] = []
        for caseID in 0..<Int32(snapshot.paymentsByCase.keyCount) {
            let rows = snapshot.paymentsByCase.rows(for: caseID).filter { kinds[Int(columns.item[Int($0)])] != .other }
            guard !rows.isEmpty else { continue }
            // By item and dependant: each is a group of its own.
            let sorted = rows.sorted {
                let (a, b) = (Int($0), Int($1))
                if columns.item[a] != columns.item[b] { return columns.item[a] < columns.item[b] }
                return columns.dependent[a] < columns.dependent[b]
            }
            var start = 0
            while start < sorted.count {
                let first = Int(sorted[start])
                var end = start + 1
                while end < sorted.count, columns.item[Int(sorted[end])] == columns.item[first],
                    columns.dependent[Int(sorted[end])] == columns.dependent[first]
                {
                    end += 1
                }
                group = sorted[start..<end].map { columns.facts($0) }
                let kept = Self.uncancelled(group, context)
                let kind = kinds[Int(columns.item[first])]
                Self.repeats(in: kept, kind: kind, context).forEach {
                    offences[$0.key.row, default: Offence()].merge($0.value)
                }
                if kind == .allowance {
                    allowancesByWorker[columns.worker[first], default: []].append(contentsOf: kept)
                }
                start = end
            }
        }
        for (_, allowances) in allowancesByWorker {
            Self.crossCase(allowances, context).forEach { offences[$0.key.row, default: Offence()].merge($0.value) }
        }
        let findings = offences.keys.sorted().map { row in
            finding(columns.facts(row), offences[row]!, context)
        }
        return RuleOutput(findings: findings)
    }

    /// Real time: the new payment against the payments of its case (and, for 伤残津贴, its worker's other
    /// cases) in the snapshot, judged by the same code as the batch run.
    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        let snapshot = context.snapshot
        let kind = Self.kind(context.itemCode(payment))
        guard kind != .other, !payment.isReversal, payment.caseID >= 0 else { return [] }
        let columns = snapshot.payments
        let same = snapshot.paymentsByCase.rows(for: payment.caseID).map { columns.facts($0) }.filter {
            $0.row != payment.row && $0.item == payment.item && $0.dependent == payment.dependent
        }
        var offence =
            Self.repeats(in: Self.uncancelled(same + [payment], context), kind: kind, context)[
                PaymentKey(payment)] ?? Offence()
        if kind == .allowance, payment.worker >= 0 {
            let cases = Set(snapshot.paymentsByWorker.rows(for: payment.worker).map { columns.caseID[Int($0)] })
            var allowances = [payment]
            for caseID in cases where caseID >= 0 {
                let rows = snapshot.paymentsByCase.rows(for: caseID).map { columns.facts($0) }.filter {
                    $0.row != payment.row && $0.item == payment.item
                }
                allowances += Self.uncancelled(rows, context).filter { $0.caseID != payment.caseID }
            }
            if let cross = Self.crossCase(allowances, context)[PaymentKey(payment)] { offence.merge(cross) }
        }
        guard !offence.isEmpty else { return [] }
        return [finding(payment, offence, context)]
    }

    // MARK: - The judgement, shared by the batch run and the real-time check

    enum Kind: Sendable {
        case other, oneOff, monthly, allowance
    }

    static func kind(_ code: String) -> Kind {
        if code == ItemCode.disabilityMonthly { return .allowance }
        if ItemCode.paidOncePerMonth.contains(code) { return .monthly }
        if ItemCode.paidOncePerCase.contains(code) { return .oneOff }
        return .other
    }

    /// A payment's identity in the judgement: its row, or -1 for the real-time candidate.
    struct PaymentKey: Hashable {
        var row: Int32
        init(_ payment: PaymentFacts) { row = payment.row }
    }

    /// Why a payment fires: the whole of it (a one-off repeated), or the months it pays again.
    struct Offence: Sendable {
        var whole = false
        var months: Set<Int32> = []
        var earlier: [PaymentFacts] = []
        var otherCase = false

        var isEmpty: Bool { !whole && months.isEmpty }

        mutating func merge(_ other: Offence) {
            whole = whole || other.whole
            months.formUnion(other.months)
            otherCase = otherCase || other.otherCase
            for payment in other.earlier where !earlier.contains(where: { $0.row == payment.row }) {
                earlier.append(payment)
            }
        }
    }

    /// The calendar months a payment pays (its service month without a period).
    static func months(_ p: PaymentFacts) -> ClosedRange<Int32> {
        let first = (p.periodStart ?? p.serviceDate).yearMonth.index
        return first...max(first, (p.periodEnd ?? p.periodStart ?? p.serviceDate).yearMonth.index)
    }

    /// The payments of one case, item and dependant that stand after the reversals, in "first" order: each
    /// reversal cancels the earliest payment of the same period and the opposite amount not yet cancelled.
    static func uncancelled(_ payments: [PaymentFacts], _ context: RuleContext) -> [PaymentFacts] {
        ReversalNetting.standing(payments.sorted { ReversalNetting.precedes($0, $1, context) }) { payment, reversal in
            payment.caseID == reversal.caseID && payment.periodStart == reversal.periodStart
                && payment.periodEnd == reversal.periodEnd
        }
    }

    /// Within one case, item and dependant (payments in "first" order): a one-off paid again, a month paid again.
    static func repeats(in payments: [PaymentFacts], kind: Kind, _ context: RuleContext) -> [PaymentKey: Offence] {
        var result: [PaymentKey: Offence] = [:]
        guard payments.count > 1 else { return result }
        if kind == .oneOff {
            for payment in payments.dropFirst() {
                result[PaymentKey(payment)] = Offence(whole: true, earlier: [payments[0]])
            }
            return result
        }
        var paidBy: [Int32: PaymentFacts] = [:]
        for payment in payments {
            var offence = Offence()
            for month in months(payment) {
                if let earlier = paidBy[month] {
                    offence.months.insert(month)
                    if !offence.earlier.contains(where: { $0.row == earlier.row }) { offence.earlier.append(earlier) }
                } else {
                    paidBy[month] = payment
                }
            }
            if !offence.isEmpty { result[PaymentKey(payment)] = offence }
        }
        return result
    }

    /// 条例 45: one worker's 伤残津贴 of a month under two cases; the cases other than the one with the latest
    /// assessment concluded before the month fire for that month.
    static func crossCase(_ allowances: [PaymentFacts], _ context: RuleContext) -> [PaymentKey: Offence] {
        var result: [PaymentKey: Offence] = [:]
        guard Set(allowances.map(\.caseID)).count > 1 else { return result }
        let ordered = allowances.sorted { ReversalNetting.precedes($0, $1, context) }
        var byMonth: [Int32: [PaymentFacts]] = [:]
        for payment in ordered {
            for month in months(payment) { byMonth[month, default: []].append(payment) }
        }
        let snapshot = context.snapshot
        for (month, payments) in byMonth where Set(payments.map(\.caseID)).count > 1 {
            let firstDay = YearMonth(index: month).firstDay.ordinal
            // The case whose assessment is the latest concluded before the month (by date, then FundRules' order).
            var newest: (caseID: Int32, assessment: Assessment)?
            for caseID in Set(payments.map(\.caseID)).sorted() {
                let row = snapshot.latestConcludedAssessmentRow(caseID: caseID, before: firstDay)
                guard row >= 0 else { continue }
                let assessment = snapshot.assessments[Int(row)]
                if let current = newest, !later(assessment, than: current.assessment) { continue }
                newest = (caseID, assessment)
            }
            for (position, payment) in payments.enumerated() {
                let fires = newest.map { payment.caseID != $0.caseID } ?? (position > 0)
                guard fires else { continue }
                let earlier = payments.first { $0.caseID != payment.caseID && $0.row != payment.row }
                var offence = Offence(months: [month], otherCase: true)
                if let earlier { offence.earlier = [earlier] }
                result[PaymentKey(payment), default: Offence()].merge(offence)
            }
        }
        return result
    }

    /// Whether `a` was concluded after `b` (same day: review over second over initial, then the larger id).
    static func later(_ a: Assessment, than b: Assessment) -> Bool {
        guard let da = a.concludedDate, let db = b.concludedDate else { return a.concludedDate != nil }
        if da != db { return da > db }
        func stage(_ kind: AssessmentKind) -> Int { kind == .review ? 2 : kind == .second ? 1 : 0 }
        return (stage(a.kind), a.assessmentID) > (stage(b.kind), b.assessmentID)
    }

    func finding(_ payment: PaymentFacts, _ offence: Offence, _ context: RuleContext) -> Finding {
        let settings = context.settings(regionID: payment.region)
        let paid = Self.months(payment)
        let total = Int64(paid.count)
        let repeated = Int64(offence.months.count)
        let amount = offence.whole ? payment.amount : payment.amount.scaled(by: min(repeated, total), over: total)
        let earlier = offence.earlier.map { context.paymentID($0) }
        let label = context.itemLabel(payment)
        let what: String
        if offence.whole {
            what = "一次性待遇\(label)已由支付 \(earlier.joined(separator: "、")) 支付，本笔为重复支付"
        } else {
            let monthsText = offence.months.sorted().map { YearMonth(index: $0).iso }.joined(separator: "、")
            let reason = offence.otherCase ? "（同一职工在另一认定案件下已领取伤残津贴，条例 45 只支付一份，按新等级）" : ""
            what = "\(label)的 \(monthsText) 已由支付 \(earlier.joined(separator: "、")) 支付\(reason)，本笔重复支付 \(repeated) 个月"
        }
        return context.finding(
            on: payment, severity: settings.level, amount: amount, detail: "\(what)，请核实并追回", evidence: earlier)
    }
}
