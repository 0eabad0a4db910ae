import FundModel

/// The statutory deadlines of a work-injury determination (工伤认定), as due days.
///
/// Periods are calendar days (工伤认定办法 2010; the 2003 version counted
/// working days). The day an event happens is not counted and the period
/// ends on its last day (民法典 201–202): "within 30 days of 1 March" is due
/// on 31 March, and "within 1 year" ends on the same date a year later, or
/// on the last day of the month where there is no such date (29 February →
/// 28 February). A last day that is not a working day moves to the next
/// working day (民法典 203; rules.md §5 "Deadlines", rev. 2): every due day
/// here is moved on `calendar` (the shipped national calendar by default)
/// as it applies in `region` (the case's pooling region; national when `nil`).
public enum DeterminationClock {
    /// 条例 17(1); 工伤认定办法 4: the employer applies within 30 days of the accident or diagnosis.
    public static let employerApplicationDays = 30
    /// 条例 17(2); 工伤认定办法 5: the worker, close relatives or union apply within 1 year.
    public static let personalApplicationYears = 1
    /// 认定办法 8: the department decides on acceptance within 15 days.
    public static let acceptanceDays = 15
    /// 条例 20(1); 认定办法 18: the decision within 60 days of acceptance.
    public static let decisionDays = 60
    /// 条例 20(2); 认定办法 21: a case with clear facts and clear rights and obligations within 15 days.
    public static let clearCaseDecisionDays = 15
    /// 认定办法 22: the decision is delivered within 20 days.
    public static let deliveryDays = 20

    /// 条例 17(1); 工伤认定办法 4: the employer must apply within 30 days of the accident (or diagnosis).
    ///
    /// An employer applying later bears the benefit costs of the gap (条例 17(4)); rule R20 reports it.
    public static func employerApplicationDue(
        accident: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: accident.adding(days: employerApplicationDays), region: region)
    }

    /// 条例 17(2); 工伤认定办法 5: the worker, close relatives or union may apply within 1 year of the accident.
    ///
    /// Days lost for reasons not attributable to the worker are not counted
    /// (最高法 规定 2014 art. 7): pass them as `tolledDays`.
    public static func personalApplicationDue(
        accident: Day, tolledDays: Int = 0, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(
            lastDay: accident.adding(years: personalApplicationYears).adding(days: max(0, tolledDays)), region: region)
    }

    /// 条例 17: the application deadline for the applicant (30 days for the employer, 1 year for the others).
    public static func applicationDue(
        accident: Day, applicant: Applicant, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        switch applicant {
        case .employer: employerApplicationDue(accident: accident, calendar: calendar, region: region)
        case .worker, .relative, .union: personalApplicationDue(accident: accident, calendar: calendar, region: region)
        }
    }

    /// 工伤认定办法 8: the department decides whether to accept within 15 days of receiving the application.
    public static func acceptanceDue(
        applied: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: applied.adding(days: acceptanceDays), region: region)
    }

    /// 工伤认定办法 8: after a one-time notice of missing materials, acceptance is decided within 15 days of
    /// receiving all the supplements.
    public static func acceptanceDue(
        supplementsCompleted: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: supplementsCompleted.adding(days: acceptanceDays), region: region)
    }

    /// 条例 20; 工伤认定办法 18, 20, 21: the decision within 60 days of acceptance, or 15 for a clear case;
    /// the days the clock stood suspended (时限中止, waiting for a judicial or other administrative
    /// conclusion) are not counted and are passed as `suspendedDays`.
    public static func decisionDue(
        accepted: Day, clearCase: Bool = false, suspendedDays: Int = 0, calendar: WorkingCalendar = .national,
        region: RegionCode? = nil
    ) -> Day {
        let days = (clearCase ? clearCaseDecisionDays : decisionDays) + max(0, suspendedDays)
        return calendar.deadline(lastDay: accepted.adding(days: days), region: region)
    }

    /// 工伤认定办法 22: the decision is delivered to the worker (or relatives) and the employer within 20 days.
    public static func deliveryDue(
        decided: Day, calendar: WorkingCalendar = .national, region: RegionCode? = nil
    ) -> Day {
        calendar.deadline(lastDay: decided.adding(days: deliveryDays), region: region)
    }
}
