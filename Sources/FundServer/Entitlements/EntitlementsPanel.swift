import FundApp
import FundModel
import FundRules
import FundStore

/// The entitlement schedule of a case as the case page and the API show it (rules.md rev. 2): the monthly
/// items of one month, the one-off items, and each dependant with whether they may be paid that month.
///
/// One shape for both, built from FundApp's `CaseEntitlements`, so that a caseworker on the page and a
/// system on the API see the same figures. Ids are masked unless the viewer's role may see them.
struct EntitlementsPanel: Encodable {
    struct Item: Encodable {
        var itemCode: String
        var name: String
        var payer: String
        var paidAs: String
        /// Yuan with two decimals, as a string (never a JSON number).
        var amount: String
        var basis: String
        var dependentID: String?
        var monthly: Bool
    }

    struct DependantState: Encodable {
        var dependentID: String
        var relation: String
        var eligible: Bool
        var reason: String?
    }

    var caseID: String
    /// `YYYY-MM`: the month whose figures the monthly items show.
    var month: String
    /// The date asked for (`YYYY-MM-DD`), or `nil` for the case's first month.
    var on: String?
    var boundedOwnWage: String
    var items: [Item]
    var dependants: [DependantState]
    /// The fund's one-off items together.
    var fundOneOffTotal: String

    /// Parses `on` (`YYYY-MM-DD`); an empty or absent value is "no date".
    static func day(_ text: String?) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = Day(iso: text) else {
            throw AppError.invalid("日期无效", fields: ["on": "应为 YYYY-MM-DD 格式的日期"])
        }
        return day
    }

    /// The panel of a case, or the reason it cannot be computed (a missing wage, grade or parameter).
    static func make(caseID: String, on day: Day?, store: any DataRepository, reveal: Bool) throws -> Result<
        EntitlementsPanel, CaseEntitlements.Failure
    > {
        let result: CaseEntitlements.Result
        do {
            result = try CaseEntitlements(store: store).schedule(caseID: caseID, on: day)
        } catch let failure as CaseEntitlements.Failure {
            return .failure(failure)
        }
        let schedule = result.schedule
        func shown(_ id: PersonID) -> String { reveal ? id.raw : id.masked }
        return .success(
            EntitlementsPanel(
                caseID: caseID, month: (schedule.month ?? result.injuryCase.accidentDate.yearMonth).iso, on: day?.iso,
                boundedOwnWage: schedule.boundedOwnWage.yuanString,
                items: schedule.items.map {
                    Item(
                        itemCode: $0.itemCode, name: $0.name, payer: $0.payer.chineseName,
                        paidAs: $0.paidAs.chineseName,
                        amount: $0.amount.yuanString, basis: $0.basis, dependentID: $0.dependentID.map(shown),
                        monthly: $0.paidAs == .monthly)
                },
                dependants: result.dependants.map {
                    DependantState(
                        dependentID: shown($0.dependant.dependentID), relation: $0.dependant.relation.chineseName,
                        eligible: $0.ineligibility == nil, reason: $0.ineligibility.map(\.description))
                },
                fundOneOffTotal: schedule.total(payer: .fund, paidAs: .oneOff).yuanString))
    }
}
