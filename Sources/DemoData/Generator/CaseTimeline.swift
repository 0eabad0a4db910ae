import FundModel

/// The dates of one assessment.
struct AssessmentDates: Sendable {
    var applied: Day
    var concluded: Day
    /// The first month (offset from the accident month) in which anything depending on it is paid.
    var safeMonth: Int
}

/// A case's dates, computed from its shape and the accident day, before the as-of cut.
///
/// Payments are placed on months counted from the accident month, at a day
/// of month taken from the shape, never by adding days to a decision: that
/// way a case of 2024 and the same case of 2025 pay in the same calendar
/// months, and the trailing-twelve-month figures of the fund do not jump when
/// a leap day falls in between. `safeMonth(afterDays:)` is the first month
/// that is surely after an event that many days after the accident (every
/// month has at least 28 days).
struct CaseTimeline: Sendable {
    var accident: Day
    var accidentMonth: YearMonth
    var accidentDay: Int
    var applicant: Applicant
    var applied: Day
    var accepted: Day
    var decided: Day
    var decisionSafe: Int
    var death: Day?
    /// Stays as (admission, discharge) and the month each is paid in.
    var stays: [(admission: Day, discharge: Day, payMonth: Int)] = []
    var outpatient: [(day: Day, payMonth: Int)] = []
    var initial: AssessmentDates?
    var second: AssessmentDates?
    var review: AssessmentDates?
    /// The month from which the final grade's benefits are paid.
    var benefitsMonth: Int?
    var leave: Day?
    var leaveMonth: Int?
    /// Rehab claims: the months (offsets) treated.
    var rehabMonths: [Int] = []

    /// Overrides of the shape made by plants (R20, R21).
    struct Overrides: Sendable {
        var applicant: Applicant?
        var applyDays: Int?
        var decideDays: Int?
    }

    init(shape: CaseShape, accident: Day, overrides: Overrides = Overrides()) {
        self.accident = accident
        accidentMonth = accident.yearMonth
        accidentDay = accident.components.day
        applicant = overrides.applicant ?? shape.applicant
        let applyDays = overrides.applyDays ?? shape.applyDays
        let decideDays = overrides.decideDays ?? shape.decideDays
        applied = accident.adding(days: applyDays)
        accepted = applied.adding(days: shape.acceptDays)
        decided = accepted.adding(days: decideDays)
        decisionSafe = CaseTimeline.safeMonth(
            accidentDay: accidentDay, afterDays: applyDays + shape.acceptDays + decideDays)
        if shape.profile == .fatal { death = accident.adding(days: shape.deathDays) }

        var t = 0
        for stay in shape.stays {
            let admission = t + stay.gapDays
            let discharge = admission + stay.lengthDays
            stays.append(
                (
                    accident.adding(days: admission), accident.adding(days: discharge),
                    max(decisionSafe, safeMonth(afterDays: discharge))
                ))
            t = discharge
        }
        for gap in shape.outpatientGaps {
            t += gap
            outpatient.append((accident.adding(days: t), max(decisionSafe, safeMonth(afterDays: t))))
        }
        if shape.rehabMonths > 0 {
            let first = max(
                decisionSafe, safeMonth(afterDays: shape.stays.first.map { $0.gapDays + $0.lengthDays } ?? 0))
            rehabMonths = (0..<shape.rehabMonths).map { first + $0 }
        }

        if let plan = shape.assessment {
            let month = max(plan.applyMonthOffset, decisionSafe)
            let applied = day(month, plan.applyDay)
            let concluded = applied.adding(days: plan.concludeDays)
            var elapsed = plan.applyDay + plan.concludeDays
            initial = AssessmentDates(applied: applied, concluded: concluded, safeMonth: month + (elapsed - 1) / 28 + 1)
            var final = initial!
            if let s = plan.second {
                let applied2 = concluded.adding(days: s.applyDays)
                let concluded2 = applied2.adding(days: s.concludeDays)
                elapsed += s.applyDays + s.concludeDays
                second = AssessmentDates(
                    applied: applied2, concluded: concluded2, safeMonth: month + (elapsed - 1) / 28 + 1)
                final = second!
            }
            benefitsMonth = final.safeMonth
            if let r = plan.review {
                let m = final.safeMonth + r.monthOffset
                let appliedR = day(m, r.day)
                review = AssessmentDates(
                    applied: appliedR, concluded: appliedR.adding(days: r.concludeDays),
                    safeMonth: m + (r.day + r.concludeDays - 1) / 28 + 1)
            }
            if let l = shape.leave {
                leaveMonth = final.safeMonth + l.monthOffset
                leave = day(leaveMonth!, l.day)
            }
        }
    }

    /// The day `day` of the month `offset` months after the accident month.
    func day(_ offset: Int, _ day: Int) -> Day {
        let m = accidentMonth.adding(months: offset)
        return Day(year: m.year, month: m.month, day: min(day, Day.daysInMonth(year: m.year, month: m.month)))!
    }

    /// The calendar month `offset` months after the accident month.
    func month(_ offset: Int) -> YearMonth { accidentMonth.adding(months: offset) }

    /// The offset of a calendar month from the accident month.
    func offset(of month: YearMonth) -> Int { Int(month.index - accidentMonth.index) }

    func safeMonth(afterDays days: Int) -> Int { CaseTimeline.safeMonth(accidentDay: accidentDay, afterDays: days) }

    static func safeMonth(accidentDay: Int, afterDays days: Int) -> Int { (accidentDay + days - 1) / 28 + 1 }
}
