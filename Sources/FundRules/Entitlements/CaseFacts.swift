import FundModel

/// What the entitlement calculator needs to know about one case.
///
/// Kept apart from the records so that the calculator can be used on a
/// hypothetical case (the console's "what would this worker get") and in
/// tests without building a whole data set.
public struct CaseFacts: Sendable, Hashable {
    public var caseID: String
    public var regionCode: RegionCode
    public var accidentDate: Day
    /// 本人工资 as declared, unbounded.
    public var declaredOwnWage: Money?
    public var fatal: Bool
    /// The latest concluded assessment's grade (`nil` = none, or 未达级).
    public var grade: Int?
    public var nursing: NursingLevel?
    /// The case's dependants (for DEPENDANT and the cap).
    public var dependents: [Dependent]
    /// Whether the case has a concluded assessment. Tells 未达级 (assessed, no grade: no disability
    /// benefits) apart from "not assessed yet" (nothing can be computed for a non-fatal case).
    public var hasConcludedAssessment: Bool
    /// The worker's earliest recorded death (`ext_deaths`), if any (rules.md §5 "Death", rev. 2).
    public var deathDate: Day?
    /// The grade of the case's latest assessment concluded strictly before the date of death: 条例 39(3)
    /// applies when it is 1–4.
    public var gradeBeforeDeath: Int?
    /// The worker's pension rows (`ext_pensions`), one per change of the amount (rev. 2), any order.
    public var pensions: [PensionRecord]

    /// The facts as given. Without `hasConcludedAssessment`, a case counts as assessed when it has a grade.
    public init(
        caseID: String, regionCode: RegionCode, accidentDate: Day, declaredOwnWage: Money?, fatal: Bool,
        grade: Int?, nursing: NursingLevel?, dependents: [Dependent], hasConcludedAssessment: Bool? = nil,
        deathDate: Day? = nil, gradeBeforeDeath: Int? = nil, pensions: [PensionRecord] = []
    ) {
        self.deathDate = deathDate
        self.gradeBeforeDeath = gradeBeforeDeath
        self.pensions = pensions
        self.caseID = caseID
        self.regionCode = regionCode
        self.accidentDate = accidentDate
        self.declaredOwnWage = declaredOwnWage
        self.fatal = fatal
        self.grade = grade
        self.nursing = nursing
        self.dependents = dependents
        self.hasConcludedAssessment = hasConcludedAssessment ?? (grade != nil)
    }

    /// The facts of a case record, its latest concluded assessment and its dependants.
    ///
    /// An assessment that is not concluded, or belongs to another case, is
    /// ignored; so are dependants of other cases, so that a caller may pass a
    /// whole table.
    ///
    /// `deathDate` is the worker's earliest `ext_deaths` date and `gradeBeforeDeath` the grade of the case's
    /// latest assessment concluded before the date of death (rev. 2: 条例 39(3)); `pensions` the worker's
    /// `ext_pensions` rows (other people's rows are ignored).
    public init(
        case record: InjuryCase, latestAssessment: Assessment?, dependents: [Dependent], deathDate: Day? = nil,
        gradeBeforeDeath: Int? = nil, pensions: [PensionRecord] = []
    ) {
        let assessment = latestAssessment.flatMap {
            $0.caseID == record.caseID && $0.concludedDate != nil ? $0 : nil
        }
        self.init(
            caseID: record.caseID, regionCode: record.regionCode, accidentDate: record.accidentDate,
            declaredOwnWage: record.ownWage, fatal: record.fatal, grade: assessment?.grade,
            nursing: assessment?.nursing, dependents: dependents.filter { $0.caseID == record.caseID },
            hasConcludedAssessment: assessment != nil, deathDate: deathDate, gradeBeforeDeath: gradeBeforeDeath,
            pensions: pensions.filter { $0.personID == record.workerID })
    }

    /// The accident year: the year of the own wage's bounds, the lump sums and the monthly bases (rules.md §5).
    public var accidentYear: Int { accidentDate.year }

    /// The date of death (rules.md §5 "Death", rev. 2): the worker's recorded death, else the accident date
    /// of a fatal case; `nil` for a living worker.
    public var dateOfDeath: Day? { deathDate ?? (fatal ? accidentDate : nil) }

    /// 条例 39(3): a grade 1–4 worker who died after a concluded grade 1–4 assessment of the case leaves the
    /// funeral grant and the dependants' pensions, and no 一次性工亡补助金.
    public var diedAfterGradeOneToFour: Bool {
        dateOfDeath != nil && (1...4).contains(gradeBeforeDeath ?? 0)
    }

    /// Whether the case gives the death benefits FUNERAL and DEPENDANT: fatal, or 条例 39(3) (rev. 2).
    public var entitlesSurvivorBenefits: Bool { fatal || diedAfterGradeOneToFour }

    /// Whether the case gives 一次性工亡补助金: the worker died of the injury and 39(3) does not exclude it.
    public var entitlesDeathLump: Bool { fatal && !diedAfterGradeOneToFour }

    /// The month whose figures a schedule shows when no date is asked for: the month of death for a case
    /// that has one, else the accident month.
    public var firstMonth: YearMonth { (dateOfDeath ?? accidentDate).yearMonth }

    /// The worker's pension row in force in a month (rules.md §5 "Pensions", rev. 2): the row with the latest
    /// start on or before the month's first day; the month containing the first start counts as pensioned,
    /// under the first row. `nil` before the pension starts, or without a pension row.
    public func pension(in month: YearMonth) -> PensionRecord? {
        var best: PensionRecord?
        var first: PensionRecord?
        for row in pensions {
            if first == nil || row.startDate < first!.startDate { first = row }
            if row.startDate <= month.firstDay, best == nil || row.startDate > best!.startDate { best = row }
        }
        if let best { return best }
        if let first, first.startDate.yearMonth == month { return first }
        return nil
    }

    /// The latest assessment of a case concluded strictly before `day` (or ever, when `day` is `nil`).
    ///
    /// rules.md §5: a payment is judged by the assessment concluded strictly
    /// before its service date; the schedule uses the latest concluded one.
    /// On the same conclusion day a review outranks a second assessment, which
    /// outranks an initial one (the later stage of the procedure), then the
    /// larger assessment id wins, so that the choice never depends on row order.
    public static func latestConcludedAssessment(
        of caseID: String, in assessments: some Sequence<Assessment>, before day: Day? = nil
    ) -> Assessment? {
        var best: Assessment?
        for candidate in assessments where candidate.caseID == caseID {
            guard let concluded = candidate.concludedDate else { continue }
            if let day, concluded >= day { continue }
            guard let current = best, let currentDate = current.concludedDate else {
                best = candidate
                continue
            }
            let a = (concluded, stageRank(candidate.kind), candidate.assessmentID)
            let b = (currentDate, stageRank(current.kind), current.assessmentID)
            if a > b { best = candidate }
        }
        return best
    }

    private static func stageRank(_ kind: AssessmentKind) -> Int {
        switch kind {
        case .initial: 0
        case .second: 1
        case .review: 2
        }
    }
}
