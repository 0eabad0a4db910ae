import FundModel
import FundRules
import FundStore

/// The casework of the platform, over one store: what the console, the API and the command line call.
///
/// ```swift
/// let casework = Casework(store: try SQLiteFundStore(path: "fund.sqlite"))
/// try casework.determinations.apply(.accept(clearCase: false), caseID: "GS-1", act: act)
/// ```
/// Every step takes a `CaseworkAct` (who, on which day, why), checks the
/// law, and writes the record and its history row in one transaction; a
/// refused step throws `CaseworkError` and writes nothing.
public struct Casework: Sendable {
    public let determinations: DeterminationRegister
    public let assessments: AssessmentRegister
    public let panels: ExpertPanels
    public let institutions: InstitutionRegister
    public let campaigns: Campaigns
    public let riskInventory: RiskInventory
    let store: any CaseworkStore

    /// - Parameter today: the calendar day steps may not be dated after (injected for tests).
    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        determinations = DeterminationRegister(store: store, today: today)
        assessments = AssessmentRegister(store: store, today: today)
        panels = ExpertPanels(store: store, today: today)
        institutions = InstitutionRegister(store: store, today: today)
        campaigns = Campaigns(store: store, today: today)
        riskInventory = RiskInventory(store: store, today: today)
    }

    /// The latest steps of every register, newest first (the console's activity list).
    public func recentHistory(limit: Int = 50) throws -> [CaseworkHistoryEntry] {
        try store.recentHistory(limit: limit)
    }

    /// Every open deadline of determinations and assessments within `scope`, per city.
    public func deadlines(scope: RegionCode? = nil, asOf: Day, withinDays: Int) throws -> [DeadlineList] {
        let calendar = try determinations.workingCalendar()
        let determinationDeadlines = try determinations.files(scope: scope).compactMap {
            $0.currentDeadline(asOf: asOf, calendar: calendar)
        }
        let assessmentDeadlines = try assessments.files(scope: scope).compactMap {
            $0.currentDeadline(calendar: calendar)
        }
        return DeadlineList.byCity(determinationDeadlines + assessmentDeadlines, asOf: asOf, withinDays: withinDays)
    }
}
