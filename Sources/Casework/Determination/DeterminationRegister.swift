import FundModel
import FundRules
import FundStore

/// The determination register (工伤认定台账): opens files, applies steps, lists deadlines and the on-time rate.
///
/// Each step reads the file, lets `DeterminationMachine` check and apply it,
/// and commits the new file with its history row in one transaction; a
/// refused step raises `CaseworkError` and writes nothing. What the console
/// and the API call.
public struct DeterminationRegister: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    // MARK: Steps

    /// Registers a new application (申请登记).
    @discardableResult
    public func open(_ application: DeterminationApplication, act: CaseworkAct) throws -> DeterminationFile {
        let (file, event) = try DeterminationMachine.open(
            application, act: act, today: today(), calendar: workingCalendar())
        try store.apply(CaseworkChangeSet(changes: [.document(file)], events: [event]))
        return file
    }

    /// Opens a file for a case already imported from a city system (`injury_cases.csv`), with its materials.
    @discardableResult
    public func openImported(
        caseID: String, materials: [DeterminationMaterial] = DeterminationMaterial.allCases, act: CaseworkAct
    ) throws -> DeterminationFile {
        guard let imported = try store.injuryCase(id: caseID) else {
            throw CaseworkError.notFound("导入数据中没有案件 \(caseID)")
        }
        return try open(DeterminationApplication(importedCase: imported, materials: materials), act: act)
    }

    /// Applies a step to a file.
    @discardableResult
    public func apply(_ action: DeterminationAction, caseID: String, act: CaseworkAct) throws -> DeterminationFile {
        let file = try store.require(DeterminationFile.self, id: caseID)
        let (next, event) = try DeterminationMachine.apply(
            action, to: file, act: act, today: today(), calendar: workingCalendar())
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    // MARK: Reading

    public func file(_ caseID: String) throws -> DeterminationFile? {
        try store.document(DeterminationFile.self, id: caseID)
    }

    /// The files within `scope` (a province sees its cities), optionally in one state; by case id.
    public func files(scope: RegionCode? = nil, state: DeterminationState? = nil) throws -> [DeterminationFile] {
        var filter: [String: String] = [:]
        if let state { filter["state"] = state.rawValue }
        return try store.documents(DeterminationFile.self, where: filter, regionPrefix: scope?.scopePrefix)
    }

    /// Every step of the file, oldest first.
    public func history(_ caseID: String) throws -> [CaseworkHistoryEntry] {
        try store.history(.determination, id: caseID)
    }

    /// The calendar the register's deadlines move on: the shipped national calendar with the imported
    /// calendar.csv rows laid over it (rules.md §5 "Deadlines", rev. 2).
    public func workingCalendar() throws -> WorkingCalendar {
        WorkingCalendar.national.adding(try store.calendarDays())
    }

    /// The files past their deadline and due within `withinDays`, per city.
    public func deadlines(scope: RegionCode? = nil, asOf: Day, withinDays: Int) throws -> [DeadlineList] {
        let calendar = try workingCalendar()
        let deadlines = try files(scope: scope).compactMap { $0.currentDeadline(asOf: asOf, calendar: calendar) }
        return DeadlineList.byCity(deadlines, asOf: asOf, withinDays: withinDays)
    }

    /// Indicator I07 per city: the determinations decided from `from` to `to` (inclusive) within 60 days of
    /// acceptance net of suspensions, against those decided late and those still undecided whose 60 days ran out
    /// in the period before `asOf`.
    public func onTimeRates(scope: RegionCode? = nil, from: Day, to: Day, asOf: Day) throws -> [OnTimeRate] {
        try Self.onTimeRates(files(scope: scope), from: from, to: to, asOf: asOf, calendar: workingCalendar())
    }

    /// The rate over the given files (see `onTimeRates(scope:from:to:asOf:)`); pure, for tests and reports. Each
    /// file is classified as it stood on `asOf` by FundRules' `DeterminationTimeliness`, as indicator I07 is.
    public static func onTimeRates(
        _ files: [DeterminationFile], from: Day, to: Day, asOf: Day, calendar: WorkingCalendar = .national
    ) -> [OnTimeRate] {
        var rates: [RegionCode: OnTimeRate] = [:]
        for file in files {
            let timeliness = DeterminationTimeliness(file.timing(asOf: asOf), asOf: asOf, calendar: calendar)
            guard let day = timeliness.countedOn, from <= day, day <= to else { continue }
            let city = file.regionCode.city
            var rate = rates[city] ?? OnTimeRate(regionCode: city, onTime: 0, late: 0, overduePending: 0)
            switch timeliness {
            case .onTime: rate.onTime += 1
            case .late: rate.late += 1
            case .overduePending: rate.overduePending += 1
            case .notCounted: continue
            }
            rates[city] = rate
        }
        return rates.values.sorted { $0.regionCode < $1.regionCode }
    }
}
