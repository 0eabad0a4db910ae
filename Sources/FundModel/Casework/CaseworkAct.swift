/// Who did something in a casework file, on which day, and why (经办人、日期、理由).
///
/// Every transition of every casework register carries one, and it is kept in
/// the history row of that transition: the registers are audited by their
/// history, not by the current state alone. `day` is the day the act counts
/// for in law (the statutory clocks run on it); the moment the row was
/// written is added by the store.
public struct CaseworkAct: Sendable, Hashable, Codable {
    /// The person (or system account) who acted.
    public var actor: String
    /// The day of the act, as the statutory clocks count it.
    public var day: Day
    /// Why; required by the transitions that need a reason (a refusal, a redraw, a suspension, …).
    public var reason: String?

    public init(actor: String, day: Day, reason: String? = nil) {
        self.actor = actor
        self.day = day
        self.reason = reason
    }

    /// The reason without surrounding blanks; `nil` when missing or blank.
    public var givenReason: String? {
        guard let reason else { return nil }
        let trimmed = reason.trimmingBlanks
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (FundModel has no Foundation).
    public var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r", "\u{3000}"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
            let last = lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
