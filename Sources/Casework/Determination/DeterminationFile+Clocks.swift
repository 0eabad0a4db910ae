import FundModel
import FundRules

/// The statutory clocks of a determination file, from FundRules' `DeterminationClock`.
///
/// Every due day is moved off a day that is not a working day in the file's region (民法典 203, rev. 2): on the
/// shipped national calendar (`WorkingCalendar.national`) unless a calendar is passed (the registers pass theirs).
extension DeterminationFile {
    /// 条例 17: the last day to apply (30 days for the employer, 1 year for the others).
    public var applicationDue: Day { applicationDue(calendar: .national) }

    /// 条例 17: the last day to apply, on `calendar`.
    public func applicationDue(calendar: WorkingCalendar) -> Day {
        DeterminationClock.applicationDue(
            accident: accidentDate, applicant: applicant, calendar: calendar, region: regionCode)
    }

    /// Applied after the 条例 17 deadline (an employer then bears the benefit costs of the gap; rule R20).
    public var appliedLate: Bool { appliedLate(calendar: .national) }

    /// Applied after the 条例 17 deadline on `calendar`.
    public func appliedLate(calendar: WorkingCalendar) -> Bool { appliedDate > applicationDue(calendar: calendar) }

    /// 认定办法 8: acceptance is decided within 15 days of the application, or of the last supplement after a
    /// notice; `nil` once decided, or while waiting for supplements.
    public var acceptanceDue: Day? { acceptanceDue(calendar: .national) }

    /// 认定办法 8: the acceptance deadline on `calendar`.
    public func acceptanceDue(calendar: WorkingCalendar) -> Day? {
        switch state {
        case .applied: DeterminationClock.acceptanceDue(applied: appliedDate, calendar: calendar, region: regionCode)
        case .supplemented:
            supplementsCompleted.map {
                DeterminationClock.acceptanceDue(supplementsCompleted: $0, calendar: calendar, region: regionCode)
            }
        default: nil
        }
    }

    /// 条例 20: the decision is due 60 days (15 for a clear case) after acceptance, plus the days the clock stood
    /// suspended (counted up to `asOf` while still suspended); `nil` before acceptance.
    public func decisionDue(asOf: Day, calendar: WorkingCalendar = .national) -> Day? {
        guard let acceptedDate else { return nil }
        let end = decision?.day ?? asOf
        return DeterminationClock.decisionDue(
            accepted: acceptedDate, clearCase: clearCase, suspendedDays: suspendedDays(asOf: end), calendar: calendar,
            region: regionCode)
    }

    /// 认定办法 22: delivery within 20 days of the decision.
    public var deliveryDue: Day? { deliveryDue(calendar: .national) }

    /// 认定办法 22: the delivery deadline on `calendar`.
    public func deliveryDue(calendar: WorkingCalendar) -> Day? {
        decision.map { DeterminationClock.deliveryDue(decided: $0.day, calendar: calendar, region: regionCode) }
    }

    /// The deadline the department must meet next, or `nil` when none runs: closed, waiting for the applicant's
    /// supplements, or suspended (the clock stands still).
    public func currentDeadline(asOf: Day, calendar: WorkingCalendar = .national) -> Deadline? {
        func make(_ step: String, _ due: Day?, _ basis: String) -> Deadline? {
            due.map {
                Deadline(subject: .determination, id: caseID, regionCode: regionCode, step: step, due: $0, basis: basis)
            }
        }
        switch state {
        case .applied, .supplemented: return make("决定是否受理", acceptanceDue(calendar: calendar), "认定办法第八条")
        case .accepted, .investigating:
            return make(
                "作出认定决定", decisionDue(asOf: asOf, calendar: calendar), clearCase ? "条例第二十条第二款" : "条例第二十条")
        case .decided: return make("送达认定决定", deliveryDue(calendar: calendar), "认定办法第二十二条")
        case .incomplete, .suspended, .notAccepted, .delivered: return nil
        }
    }

    /// Whether the decision was made within 60 days of acceptance, net of suspensions (indicator I07); `nil`
    /// while undecided.
    public var decidedWithinSixtyDays: Bool? { decidedWithinSixtyDays(calendar: .national) }

    /// Whether the decision was made within 60 days of acceptance on `calendar`, as I07 counts it
    /// (`DeterminationTimeliness`).
    public func decidedWithinSixtyDays(calendar: WorkingCalendar) -> Bool? {
        guard let decision, acceptedDate != nil else { return nil }
        return DeterminationTimeliness(timing(asOf: decision.day), asOf: decision.day, calendar: calendar).isOnTime
    }

    /// The latest day any step of the file was taken: a new step may not be dated before it.
    public var latestDay: Day {
        var days = [appliedDate]
        days += materials.map(\.received)
        if let notice { days.append(notice.day) }
        if let acceptedDate { days.append(acceptedDate) }
        days += investigations.map(\.day)
        for period in suspensions {
            days.append(period.from)
            if let until = period.until { days.append(until) }
        }
        if let decision { days.append(decision.day) }
        if let deliveredDate { days.append(deliveredDate) }
        return days.max()!
    }
}
