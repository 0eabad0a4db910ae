import FundModel
import FundRules

/// R12 ⚡ 无鉴定或等级不符: DISABILITY_LUMP, MEDICAL_LUMP or EMPLOYMENT_LUMP without a concluded
/// assessment with a grade; DISABILITY_MONTHLY without grade 1–4; NURSING without a nursing level other
/// than `none`.
///
/// The assessment is the latest of the payment's case concluded strictly
/// before the service date (rules.md §5). A payment without a case is left to
/// R11.
public struct R12AssessmentMismatch: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R12", name: "无鉴定或等级不符", subject: .payment, isRealTime: true,
        tables: [.payments, .injuryCases, .assessments], fields: [.level()])

    public init() {}

    enum Requirement: UInt8, Sendable {
        case none, grade, grade1to4, nursing
    }

    public struct Parameters: Sendable {
        var level: Severity
        /// By item id.
        var requirements: [Requirement]
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(level: settings.level, requirements: snapshot.itemCodes.names.map(Self.requirement))
    }

    static func requirement(_ code: String) -> Requirement {
        switch code {
        case ItemCode.disabilityLump, ItemCode.medicalLump, ItemCode.employmentLump: .grade
        case ItemCode.disabilityMonthly: .grade1to4
        case ItemCode.nursing: .nursing
        default: .none
        }
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? {
        [
            ItemCode.disabilityLump, ItemCode.medicalLump, ItemCode.employmentLump, ItemCode.disabilityMonthly,
            ItemCode.nursing,
        ]
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let requirement =
            payment.item >= 0 && Int(payment.item) < parameters.requirements.count
            ? parameters.requirements[Int(payment.item)] : Self.requirement(context.itemCode(payment))
        guard requirement != .none, payment.caseID >= 0 else { return nil }
        let snapshot = context.snapshot
        let row = snapshot.latestConcludedAssessmentRow(caseID: payment.caseID, before: payment.serviceDate.ordinal)
        // Read the two fields in place: copying the whole record for every payment was R12's main cost.
        let found = row >= 0
        let grade = found ? snapshot.assessments[Int(row)].grade : nil
        let nursing = found ? snapshot.assessments[Int(row)].nursing : nil
        let problem: String
        switch requirement {
        case .none:
            return nil
        case .grade:
            guard grade == nil else { return nil }
            problem = !found ? "服务日期前没有已作出结论的劳动能力鉴定" : "鉴定结论未达伤残等级"
        case .grade1to4:
            if let grade, (1...4).contains(grade) { return nil }
            problem =
                !found
                ? "服务日期前没有已作出结论的劳动能力鉴定"
                : "鉴定等级为\(grade.map { "\($0)级" } ?? "未达级")，伤残津贴只支付一至四级"
        case .nursing:
            if let nursing, nursing != .none { return nil }
            problem = !found ? "服务日期前没有已作出结论的劳动能力鉴定" : "鉴定结论无生活自理障碍等级"
        }
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "\(context.itemLabel(payment))支付与鉴定结论不符：\(problem)，请核实",
            evidence: [found ? snapshot.assessments[Int(row)].assessmentID : snapshot.caseIDs.name(payment.caseID)])
    }
}
