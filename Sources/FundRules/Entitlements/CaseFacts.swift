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

    /// The facts as given. Without `hasConcludedAssessment`, a case counts as assessed when it has a grade.
    public init(
        caseID: String, regionCode: RegionCode, accidentDate: Day, declaredOwnWage: Money?, fatal: Bool,
        grade: Int?, nursing: NursingLevel?, dependents: [Dependent], hasConcludedAssessment: Bool? = nil
    ) {
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
    public init(case record: InjuryCase, latestAssessment: Assessment?, dependents: [Dependent]) {
        let assessment = latestAssessment.flatMap {
            $0.caseID == record.caseID && $0.concludedDate != nil ? $0 : nil
        }
        self.init(
            caseID: record.caseID, regionCode: record.regionCode, accidentDate: record.accidentDate,
            declaredOwnWage: record.ownWage, fatal: record.fatal, grade: assessment?.grade,
            nursing: assessment?.nursing, dependents: dependents.filter { $0.caseID == record.caseID },
            hasConcludedAssessment: assessment != nil)
    }

    /// The accident year: the year of every parameter of the case (rules.md §5).
    public var accidentYear: Int { accidentDate.year }

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
