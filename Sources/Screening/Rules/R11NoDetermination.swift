import FundModel

/// R11 ⚡ 无认定支出: a payment that is not an advance payment (先行支付) while its case is missing,
/// not `recognized`/`deemed`, or its service date is before the accident.
public struct R11NoDetermination: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R11", name: "无认定支出", subject: .payment, isRealTime: true, tables: [.payments, .injuryCases],
        fields: [.level()])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(level: settings.level)
    }

    /// `check`'s common case, told from three columns: no advance, on an entitled case, on or after
    /// the accident.
    public func candidateRows(in snapshot: Snapshot) -> (@Sendable (Int) -> Bool)? {
        let advance = snapshot.payments.flags
        let caseID = snapshot.payments.caseID
        let serviceDate = snapshot.payments.serviceDate
        let entitles = snapshot.caseEntitles
        let accident = snapshot.caseAccident
        return { row in
            guard advance[row] & 1 == 0 else { return false }
            let c = Int(caseID[row])
            return c < 0 || !entitles[c] || serviceDate[row] < accident[c]
        }
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard !payment.advance else { return nil }
        let snapshot = context.snapshot
        // The common case, without touching the case record: an entitled case and a service date after the accident.
        if payment.caseID >= 0, snapshot.caseEntitles[Int(payment.caseID)],
            payment.serviceDate.ordinal >= snapshot.caseAccident[Int(payment.caseID)]
        {
            return nil
        }
        let reason: String
        var evidence: [String] = []
        if let record = snapshot.caseRecord(payment.caseID) {
            evidence = [record.caseID]
            if !record.decision.entitlesBenefits {
                reason = "认定案件 \(record.caseID) 的结论为“\(record.decision.chineseName)”，不能支付工伤待遇"
            } else if payment.serviceDate < record.accidentDate {
                reason = "服务日期 \(payment.serviceDate) 早于事故日期 \(record.accidentDate)"
            } else {
                return nil
            }
        } else {
            let caseID = context.record(payment).caseID ?? ""
            if caseID.isEmpty {
                reason = "支付未关联认定案件，且不是先行支付"
            } else {
                reason = "认定案件 \(caseID) 不存在"
                evidence = [caseID]
            }
        }
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "\(context.itemLabel(payment)) 支付无有效工伤认定：\(reason)，请核实", evidence: evidence)
    }
}
