/// What the indicators I08 and I09 need to know of one finding's verification (rules.md §4), as of a day.
///
/// A value, so that the store can read it from the findings register and
/// the verification steps, and Screening can count it without a database:
/// screening never touches the store. Only what had happened by the as-of
/// day is in it, so a screening dated in the past sees the register as it
/// stood then.
public struct FindingVerificationRow: Sendable, Hashable, Codable {
    /// How a finding's verification concluded.
    public enum Conclusion: String, Sendable, Hashable, Codable {
        /// 正常: nothing wrong.
        case cleared
        /// 违规: money to recover.
        case irregular
        /// 欺诈骗保: referred to public security.
        case fraud
    }

    /// A recovery (追回) registered on a day.
    public struct Recovery: Sendable, Hashable, Codable {
        public var day: Day
        public var amount: Money

        public init(day: Day, amount: Money) {
            self.day = day
            self.amount = amount
        }
    }

    public var findingID: String
    /// The region the finding is in (the one that must verify it).
    public var regionCode: RegionCode
    /// The screening date of the run that first raised it: the finding's age counts from this day.
    public var raisedDate: Day
    /// The day its verification concluded (cleared, irregular or fraud); `nil` while still open on the as-of day.
    public var concludedDate: Day?
    public var conclusion: Conclusion?
    /// Irregular or fraud: the amount confirmed, which the fund must get back (the fine is not in it).
    public var confirmedAmount: Money
    /// The recoveries registered on or before the as-of day, oldest first.
    public var recoveries: [Recovery]

    public init(
        findingID: String, regionCode: RegionCode, raisedDate: Day, concludedDate: Day? = nil,
        conclusion: Conclusion? = nil, confirmedAmount: Money = .zero, recoveries: [Recovery] = []
    ) {
        self.findingID = findingID
        self.regionCode = regionCode
        self.raisedDate = raisedDate
        self.concludedDate = concludedDate
        self.conclusion = conclusion
        self.confirmedAmount = confirmedAmount
        self.recoveries = recoveries
    }

    /// Confirmed as irregular or fraud (违规 or 欺诈骗保).
    public var isConfirmedIrregular: Bool { conclusion == .irregular || conclusion == .fraud }
}

/// What indicator I07 needs to know of one determination in the register, as of a day: acceptance, decision,
/// and the days its clock stood suspended (条例 20(3)).
public struct DeterminationTimingRow: Sendable, Hashable, Codable {
    /// The case id (`injury_cases.case_id`).
    public var caseID: String
    /// The region whose department decides.
    public var regionCode: RegionCode
    /// `nil` while not (yet) accepted on the as-of day.
    public var acceptedDate: Day?
    /// `nil` while undecided on the as-of day.
    public var decidedDate: Day?
    /// The days the decision clock stood still, up to the decision (or the as-of day while undecided).
    public var suspendedDays: Int
    /// Suspended on the as-of day: no deadline runs, the case is never overdue.
    public var suspendedNow: Bool

    public init(
        caseID: String, regionCode: RegionCode, acceptedDate: Day?, decidedDate: Day?, suspendedDays: Int = 0,
        suspendedNow: Bool = false
    ) {
        self.caseID = caseID
        self.regionCode = regionCode
        self.acceptedDate = acceptedDate
        self.decidedDate = decidedDate
        self.suspendedDays = suspendedDays
        self.suspendedNow = suspendedNow
    }
}

extension DeterminationFile {
    /// The file as it stood on `asOf` for indicator I07: steps dated after it are not yet taken.
    public func timing(asOf: Day) -> DeterminationTimingRow {
        let accepted = acceptedDate.flatMap { $0 <= asOf ? $0 : nil }
        let decided = accepted == nil ? nil : decision.flatMap { $0.day <= asOf ? $0.day : nil }
        let end = decided ?? asOf
        var suspended = 0
        var open = false
        for period in suspensions where period.from <= end {
            let restart = period.until.flatMap { $0 <= end ? $0 : nil }
            suspended += max(0, period.from.distance(to: restart ?? end))
            if restart == nil && decided == nil { open = true }
        }
        return DeterminationTimingRow(
            caseID: caseID, regionCode: regionCode, acceptedDate: accepted, decidedDate: decided,
            suspendedDays: suspended, suspendedNow: open)
    }
}
