import FundModel
import FundRules

/// R01 ⚡ 清单外支出: the item code is not on the province's item list, or is retired (off_list, red);
/// an item the province added without a legal basis, 自行制定 (without_basis, orange).
///
/// The item list is the national one with benefit_items.csv's additions and
/// retirements (FundRules `ItemList`). The list has no retirement dates, so a
/// retired item is off the list on every service date.
public struct R01OffListItem: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R01", name: "清单外支出", subject: .payment, isRealTime: true, tables: [.payments],
        fields: [.outcomes(["off_list", "without_basis"])])

    public init() {}

    enum Standing: UInt8, Sendable {
        case listed, offList, retired, withoutBasis
    }

    public struct Parameters: Sendable {
        var offList: Severity
        var withoutBasis: Severity
        /// By item id.
        var standing: [Standing]
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        Parameters(
            offList: settings.severity("levels", "off_list"),
            withoutBasis: settings.severity("levels", "without_basis"),
            standing: snapshot.itemCodes.names.map { Self.standing($0, snapshot.itemList) })
    }

    static func standing(_ code: String, _ list: ItemList) -> Standing {
        guard let item = list.item(code) else { return .offList }
        if item.status == .retired { return .retired }
        return item.isSelfMade ? .withoutBasis : .listed
    }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        let standing =
            payment.item >= 0 && Int(payment.item) < parameters.standing.count
            ? parameters.standing[Int(payment.item)]
            : Self.standing(context.itemCode(payment), context.snapshot.itemList)
        guard standing != .listed else { return nil }
        let code = context.itemCode(payment)
        switch standing {
        case .listed:
            return nil
        case .offList:
            return context.finding(
                on: payment, severity: parameters.offList,
                detail: "支付项目 \(code) 不在待遇支出项目清单内，属清单外支出，请核实并追回", evidence: [code])
        case .retired:
            return context.finding(
                on: payment, severity: parameters.offList,
                detail: "支付项目\(context.itemLabel(code))已停用，属清单外支出，请核实并追回", evidence: [code])
        case .withoutBasis:
            return context.finding(
                on: payment, severity: parameters.withoutBasis,
                detail: "支付项目\(context.itemLabel(code))为省内自行增设且无政策依据（自行制定），请核实支付依据",
                evidence: [code])
        }
    }
}
