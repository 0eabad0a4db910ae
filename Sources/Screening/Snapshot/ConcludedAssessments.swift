import FundColumns
import FundModel
import FundRules

/// Each case's concluded assessments as steps in time: the assessment in force after each concluded date.
///
/// R10 and R12 ask, for every payment, "the latest assessment of the case
/// concluded strictly before the service date" (rules.md §5). Answering it
/// by walking the case's `Assessment` records for ten million payments was
/// most of R12's time (copying records) and much of R10's. Here the answer is
/// prepared once per case: one step per distinct concluded date, holding the
/// assessment FundRules' `CaseFacts.latestConcludedAssessment` picks among
/// those concluded that day (review over second over initial, then the larger
/// id); the latest before a day is then the last step dated before it — a
/// few integer comparisons.
struct ConcludedAssessments: Sendable {
    /// Case id → the chosen assessment row of each step, by concluded date.
    let steps: GroupIndex
    /// The concluded date ordinal of each entry of `steps.rows`.
    let dates: [Int32]

    init() {
        steps = GroupIndex()
        dates = []
    }

    /// - Parameter byCase: the assessments of each case, concluded ones first by concluded date.
    init(_ assessments: [Assessment], byCase: GroupIndex) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(byCase.keyCount + 1)
        var rows: [Int32] = []
        var dates: [Int32] = []
        rows.reserveCapacity(assessments.count)
        dates.reserveCapacity(assessments.count)
        for caseID in 0..<Int32(byCase.keyCount) {
            let group = byCase.rows(for: caseID)
            var index = group.startIndex
            while index < group.endIndex {
                guard let day = assessments[Int(group[index])].concludedDate else { break }  // pending ones last
                var best = group[index]
                index += 1
                while index < group.endIndex, assessments[Int(group[index])].concludedDate == day {
                    if Self.ranks(assessments[Int(group[index])], above: assessments[Int(best)]) { best = group[index] }
                    index += 1
                }
                rows.append(best)
                dates.append(day.ordinal)
            }
            offsets.append(Int32(rows.count))
        }
        steps = GroupIndex(offsets: offsets, rows: rows)
        self.dates = dates
    }

    /// `CaseFacts.latestConcludedAssessment`'s order among assessments concluded the same day.
    static func ranks(_ a: Assessment, above b: Assessment) -> Bool {
        CaseFacts.latestConcludedAssessment(of: a.caseID, in: [b, a]).map { $0.assessmentID == a.assessmentID }
            ?? false
            && a.assessmentID != b.assessmentID
    }

    /// The row of the case's latest assessment concluded strictly before the day (any day when
    /// `Day.noneOrdinal`), or -1.
    @inline(__always)
    func latest(caseID: Int32, before day: Int32) -> Int32 {
        guard caseID >= 0, Int(caseID) < steps.keyCount else { return -1 }
        let start = Int(steps.offsets[Int(caseID)])
        var end = Int(steps.offsets[Int(caseID) + 1])
        if day != Day.noneOrdinal {
            while end > start, dates[end - 1] >= day { end -= 1 }
        }
        return end > start ? steps.rows[end - 1] : -1
    }
}
