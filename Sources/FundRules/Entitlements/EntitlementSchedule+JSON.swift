import Foundation
import FundModel

extension EntitlementSchedule {
    /// The schedule as the JSON other systems read:
    /// `{"case_id", "bounded_own_wage", "month"?, "items": [{"item_code", "name", "payer", "paid_as", "amount",
    /// "basis", "dependent_id"?}]}`; `month` (`YYYY-MM`) is the month whose figures the monthly items show.
    ///
    /// Amounts are yuan as strings with two decimals (`"123456.78"`), never
    /// JSON numbers, so that no reader turns them into floating point; a
    /// monthly item gives the monthly amount.
    public func jsonText() -> String {
        let body = JSONBody(
            case_id: caseID, bounded_own_wage: boundedOwnWage.yuanString, month: month?.iso,
            items: items.map {
                JSONItem(
                    item_code: $0.itemCode, name: $0.name, payer: $0.payer.rawValue, paid_as: $0.paidAs.rawValue,
                    amount: $0.amount.yuanString, basis: $0.basis, dependent_id: $0.dependentID?.raw)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only strings are encoded: this cannot fail.
        return String(decoding: try! encoder.encode(body), as: UTF8.self) + "\n"
    }
}

private struct JSONItem: Encodable {
    var item_code, name, payer, paid_as, amount, basis: String
    var dependent_id: String?
}

private struct JSONBody: Encodable {
    var case_id: String
    var bounded_own_wage: String
    var month: String?
    var items: [JSONItem]
}
