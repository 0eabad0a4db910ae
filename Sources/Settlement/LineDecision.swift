import FundModel
import Screening

/// What happens to a line at the counter.
public enum LineDecision: String, Sendable, Hashable, CaseIterable {
    /// The fund pays the line now (a payment of the direct channel).
    case paid
    /// The fund does not pay it: a ⚡ rule that refuses fired (named with its reason).
    case refused
    /// Not paid now: a ⚡ rule that asks for a person's judgement fired; the line waits in the city's review
    /// queue, and is paid (approved) or refused after review.
    case held

    public var chineseName: String {
        switch self {
        case .paid: "基金支付"
        case .refused: "拒付"
        case .held: "待审核"
        }
    }
}

/// Which ⚡ rules refuse a line outright and which hold it for review (docs/decisions.md "Direct settlement").
///
/// A rule refuses when what it finds is a fact the counter cannot change: an item off the list or the
/// employer's to pay, a payment after death, an invoice already paid, an institution without an agreement
/// for the service, no recognized injury, a benefit already paid. A rule holds when it finds something to
/// look at rather than a wrong: a large amount, frequent visits, an amount above the statutory one, a grade
/// that does not match. When several fire, a refusal wins, and the line names the first refusing rule (by
/// rule id); every finding is listed with the line.
public enum DecisionPolicy {
    /// The ⚡ rules that apply to a bill at an institution (issue 13: R01–R05, R08–R12, R26).
    public static let billRules: [String] = [
        "R01", "R02", "R03", "R04", "R05", "R08", "R09", "R10", "R11", "R12", "R26",
    ]

    public static let refusing: Set<String> = ["R01", "R02", "R05", "R08", "R09", "R11", "R26"]

    public static func decision(for ruleID: String) -> LineDecision {
        refusing.contains(ruleID) ? .refused : .held
    }

    /// The line's decision from its findings, and the finding that decided it (`nil` when paid).
    public static func decide(_ findings: [Finding]) -> (LineDecision, Finding?) {
        let ordered = findings.sorted { $0.ruleID < $1.ruleID }
        if let refusal = ordered.first(where: { decision(for: $0.ruleID) == .refused }) { return (.refused, refusal) }
        if let hold = ordered.first { return (.held, hold) }
        return (.paid, nil)
    }
}

/// A rule that fired on a line.
public struct LineCheck: Sendable, Hashable, Encodable {
    public var ruleID: String
    public var ruleName: String
    public var severity: String
    /// The finding's text, in Chinese.
    public var reason: String
}

/// A line of a bill and what the counter does with it.
public struct LineOutcome: Sendable, Hashable {
    public var line: BillLine
    public var decision: LineDecision
    /// The deciding rule (refused or held), else `nil`.
    public var ruleID: String?
    public var ruleName: String?
    public var reason: String?
    /// Every ⚡ rule that fired on the line.
    public var checks: [LineCheck]
    /// The payment of a paid line.
    public var paymentID: String?
}
