import FundModel
import FundRules
import FundStore

/// The entitlement schedule (待遇核定) of a stored case on a day: the one use case behind
/// `fundguard entitlements`, the console's case page and `GET /api/v1/cases/{id}/entitlements`.
///
/// The facts come from the store: the case, its latest assessment concluded before the day (or ever,
/// without a day), its dependants, the worker's recorded death and pensions (rules.md §5 rev. 2), the
/// region's parameters and the province's item list. A case that cannot be computed is an error naming
/// what is missing, never a partial schedule.
public struct CaseEntitlements: Sendable {
    let store: any DataRepository

    public init(store: any DataRepository) {
        self.store = store
    }

    /// What a caseworker sees: the case, the schedule and the dependants who may be paid in its month.
    public struct Result: Sendable {
        public var injuryCase: InjuryCase
        public var schedule: EntitlementSchedule
        /// The day asked for, or `nil` for the schedule of the case's first month.
        public var day: Day?
        /// Each dependant of the case with the reason it may not be paid in the schedule's month (`nil`: may).
        public var dependants: [(dependant: Dependent, ineligibility: DependantIneligibility?)]
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noSuchCase(String)
        case cannotCompute(caseID: String, EntitlementError)

        public var description: String {
            switch self {
            case .noSuchCase(let id): "案件不存在 no case with id \(id)"
            case .cannotCompute(let id, let error): "无法核定案件 \(id) 的待遇 cannot compute case \(id): \(error)"
            }
        }
    }

    /// The schedule of `caseID` with the monthly items of the month of `day` (rules.md rev. 2), or of the
    /// case's first month without a day.
    public func schedule(caseID: String, on day: Day? = nil) throws -> Result {
        guard let record = try store.injuryCase(id: caseID) else { throw Failure.noSuchCase(caseID) }
        let assessments = try store.assessments(caseID: caseID)
        let latest = CaseFacts.latestConcludedAssessment(of: caseID, in: assessments, before: day?.adding(days: 1))
        let death = try store.deaths(personID: record.workerID).map(\.deathDate).min()
        let dateOfDeath = death ?? (record.fatal ? record.accidentDate : nil)
        let beforeDeath = dateOfDeath.flatMap {
            CaseFacts.latestConcludedAssessment(of: caseID, in: assessments, before: $0)
        }
        let dependents = try store.dependents(caseID: caseID)
        let facts = CaseFacts(
            case: record, latestAssessment: latest, dependents: dependents, deathDate: death,
            gradeBeforeDeath: beforeDeath?.grade, pensions: try store.pensions(personID: record.workerID))
        let calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: try store.parameters(), regions: try store.regions()))
        let schedule: EntitlementSchedule
        do {
            schedule = try calculator.schedule(for: facts, on: day)
        } catch {
            throw Failure.cannotCompute(caseID: caseID, error)
        }
        let month = schedule.month ?? facts.firstMonth
        let judged = dependents.map { ($0, DependantEligibility.ineligibility(of: $0, on: month.firstDay)) }
        return Result(injuryCase: record, schedule: schedule, day: day, dependants: judged)
    }
}
