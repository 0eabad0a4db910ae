import FundModel

/// The statutory deadlines of a labour-capacity assessment (劳动能力鉴定), as days.
///
/// Calendar days, counted as in `DeterminationClock`: the starting day is not
/// counted; a year ends on the same date a year later (or the month's last day).
/// A deadline whose last day is not a working day moves to the next working day
/// (民法典 203, rev. 2) on `calendar` in `region`; the first day a review may be
/// applied for (`earliestReview`) is not a deadline and does not move.
public enum AssessmentClock {
    /// 条例 25(2): the conclusion within 60 days of receiving the application.
    public static let conclusionDays = 60
    /// 条例 25(2): extendable by 30 days where necessary.
    public static let extensionDays = 30
    /// 劳动能力鉴定管理办法 (2025): the conclusion is delivered within 15 days (20 under the 2014 rules).
    public static let deliveryDays = 15
    /// 条例 26: a second assessment is applied for within 15 days of receiving the conclusion.
    public static let secondAssessmentDays = 15
    /// 条例 28: a review assessment may be applied for 1 year after the conclusion.
    public static let reviewAfterYears = 1

    /// 条例 25(2), 29 (the same for 再次鉴定 and 复查鉴定): the committee concludes within 60 days of receiving
    /// the application, 90 when extended. A rescheduled on-site assessment postpones the deadline by the same
    /// number of days (2014 办法 art. 11, 期限相应顺延): pass them as `postponedDays`.
    public static func conclusionDue(
        applied: Day, extended: Bool = false, postponedDays: Int = 0, calendar: WorkingCalendar = .national,
        region: RegionCode? = nil
    ) -> Day {
        let days = conclusionDays + (extended ? extensionDays : 0) + max(0, postponedDays)
        return calendar.deadline(lastDay: applied.adding(days: days), region: region)
    }

    /// 劳动能力鉴定管理办法 (2025): the conclusion is delivered to the worker and the employer within 15 days
    /// of being made.
    public static func deliveryDue(
        concluded: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: concluded.adding(days: deliveryDays), region: region)
    }

    /// 条例 26: a party disagreeing with the city committee's conclusion applies to the provincial committee
    /// for a second assessment (再次鉴定) within 15 days of receiving the conclusion.
    public static func secondAssessmentDue(
        received: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: received.adding(days: secondAssessmentDays), region: region)
    }

    /// 条例 28: the first day a review assessment (复查鉴定) may be applied for, 1 year after the conclusion
    /// (the anniversary; 29 February gives 28 February).
    public static func earliestReview(concluded: Day) -> Day {
        concluded.adding(years: reviewAfterYears)
    }

    /// 条例 28: whether a review applied for on `applied` respects the 1-year wait.
    public static func mayApplyForReview(concluded: Day, applied: Day) -> Bool {
        applied >= earliestReview(concluded: concluded)
    }
}
