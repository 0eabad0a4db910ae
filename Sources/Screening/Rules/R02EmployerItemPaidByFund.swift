import FundModel
import FundRules

/// R02 ⚡ 单位负担项目由基金支付: the item's payer is the employer (社会保险法 39: 停工留薪期工资,
/// 五、六级伤残津贴, 一次性伤残就业补助金, or a province's item with payer `employer`), yet the fund paid it.
public struct R02EmployerItemPaidByFund: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R02", name: "单位负担项目由基金支付", subject: .payment, isRealTime: true, tables: [.payments],
        fields: [.level()])

    public init() {}

    public struct Parameters: Sendable {
        var level: Severity
        /// By item id: whether the employer bears the item.
        var employerItems: [Bool]
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            level: settings.level,
            employerItems: snapshot.itemCodes.names.map { snapshot.itemList.item($0)?.payer == .employer })
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let employer =
            payment.item >= 0 && Int(payment.item) < parameters.employerItems.count
            ? parameters.employerItems[Int(payment.item)]
            : context.snapshot.itemList.item(context.itemCode(payment))?.payer == .employer
        guard employer else { return nil }
        let code = context.itemCode(payment)
        let basis = context.snapshot.itemList.item(code)?.basisText ?? ""
        return context.finding(
            on: payment, severity: parameters.level,
            detail: "\(context.itemLabel(code))应由用人单位负担（\(basis)），不得由工伤保险基金支付，请核实并追回",
            evidence: [code])
    }
}
