import FundModel
import FundRules

/// The statutory clocks of an assessment file, from FundRules' `AssessmentClock`.
///
/// Every due day is moved off a day that is not a working day in the file's region (民法典 203, rev. 2): on the
/// shipped national calendar (`WorkingCalendar.national`) unless a calendar is passed (the registers pass theirs).
extension AssessmentFile {
    /// 条例 25(2), 29: 60 days from the day the materials were complete (90 when extended, plus rescheduled days);
    /// `nil` while materials are missing.
    public var conclusionDue: Day? { conclusionDue(calendar: .national) }

    /// 条例 25(2), 29: the conclusion deadline on `calendar`.
    public func conclusionDue(calendar: WorkingCalendar) -> Day? {
        materialsCompleted.map {
            AssessmentClock.conclusionDue(
                applied: $0, extended: extensionGranted != nil, postponedDays: postponedDays, calendar: calendar,
                region: regionCode)
        }
    }

    /// Delivery within 15 days of the conclusion (2025 办法).
    public var deliveryDue: Day? { deliveryDue(calendar: .national) }

    /// The delivery deadline on `calendar`.
    public func deliveryDue(calendar: WorkingCalendar) -> Day? {
        conclusion.map { AssessmentClock.deliveryDue(concluded: $0.day, calendar: calendar, region: regionCode) }
    }

    /// 条例 26: the last day to apply for a second assessment, counted from delivery; `nil` for a second
    /// assessment (final) or before delivery.
    public var secondAssessmentDue: Day? { secondAssessmentDue(calendar: .national) }

    /// 条例 26: the last day to apply for a second assessment on `calendar`.
    public func secondAssessmentDue(calendar: WorkingCalendar) -> Day? {
        guard kind != .second, let deliveredDate else { return nil }
        return AssessmentClock.secondAssessmentDue(received: deliveredDate, calendar: calendar, region: regionCode)
    }

    /// 条例 28: the first day a review may be applied for.
    public var earliestReview: Day? { conclusion.map { AssessmentClock.earliestReview(concluded: $0.day) } }

    /// The deadline the committee must meet next; `nil` when none runs (waiting for materials, closed).
    public func currentDeadline(calendar: WorkingCalendar = .national) -> Deadline? {
        switch state {
        case .received, .examining:
            // A file received complete is examining; one still being checked has no 60-day clock yet.
            return conclusionDue(calendar: calendar).map {
                Deadline(
                    subject: .assessment, id: assessmentID, regionCode: regionCode, step: "作出鉴定结论", due: $0,
                    basis: "条例第二十五条")
            }
        case .concluded:
            return deliveryDue(calendar: calendar).map {
                Deadline(
                    subject: .assessment, id: assessmentID, regionCode: regionCode, step: "送达鉴定结论", due: $0,
                    basis: "劳动能力鉴定管理办法（2025）")
            }
        case .incomplete, .delivered, .terminated: return nil
        }
    }

    /// Whether the conclusion was made by its deadline; `nil` until concluded.
    public var concludedOnTime: Bool? {
        guard let conclusion, let due = conclusionDue else { return nil }
        return conclusion.day <= due
    }

    /// The conclusion as a prior conclusion of the case (for a later second or review assessment).
    public var priorConclusion: PriorConclusion? {
        guard let conclusion, state == .concluded || state == .delivered else { return nil }
        return PriorConclusion(
            assessmentID: assessmentID, kind: kind, concluded: conclusion.day, delivered: deliveredDate)
    }

    /// The latest day any step was taken: a new step may not be dated before it.
    public var latestDay: Day {
        var days = [appliedDate]
        days += materials.map(\.received)
        if let notice { days.append(notice.day) }
        if let extensionGranted { days.append(extensionGranted.day) }
        days += postponements.map(\.day)
        if let conclusion { days.append(conclusion.day) }
        if let deliveredDate { days.append(deliveredDate) }
        return days.max()!
    }
}
