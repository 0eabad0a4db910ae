import FundModel
import FundRules
import FundStore

/// The assessment register (劳动能力鉴定台账): opens files for recognized or deemed cases, applies steps, lists
/// deadlines. Panels are drawn through `ExpertPanels`.
public struct AssessmentRegister: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    /// Registers an application, after checking the case and the 条例 26 / 28 windows.
    @discardableResult
    public func open(_ application: AssessmentApplication, act: CaseworkAct) throws -> AssessmentFile {
        let assessedCase = try self.assessedCase(application.caseID)
        let caseFiles = try files(caseID: application.caseID)
        let prior = try priorConclusions(assessedCase, caseFiles: caseFiles)
        let (file, event) = try AssessmentMachine.open(
            application, assessedCase: assessedCase, caseFiles: caseFiles, priorConclusions: prior, act: act,
            today: today(), calendar: workingCalendar())
        try store.apply(CaseworkChangeSet(changes: [.document(file)], events: [event]))
        return file
    }

    @discardableResult
    public func apply(_ action: AssessmentAction, assessmentID: String, act: CaseworkAct) throws -> AssessmentFile {
        let file = try store.require(AssessmentFile.self, id: assessmentID)
        let (next, event) = try AssessmentMachine.apply(
            action, to: file, act: act, today: today(), calendar: workingCalendar())
        try store.apply(CaseworkChangeSet(changes: [.document(next)], events: [event]))
        return next
    }

    public func file(_ assessmentID: String) throws -> AssessmentFile? {
        try store.document(AssessmentFile.self, id: assessmentID)
    }

    /// The files within `scope`, optionally in one state; by id.
    public func files(scope: RegionCode? = nil, state: AssessmentState? = nil) throws -> [AssessmentFile] {
        var filter: [String: String] = [:]
        if let state { filter["state"] = state.rawValue }
        return try store.documents(AssessmentFile.self, where: filter, regionPrefix: scope?.scopePrefix)
    }

    /// The files of a case, by id.
    public func files(caseID: String) throws -> [AssessmentFile] {
        try store.documents(AssessmentFile.self, where: ["case_id": caseID])
    }

    public func history(_ assessmentID: String) throws -> [CaseworkHistoryEntry] {
        try store.history(.assessment, id: assessmentID)
    }

    /// Files past their deadline and due within `withinDays`, per committee region.
    public func deadlines(scope: RegionCode? = nil, asOf: Day, withinDays: Int) throws -> [DeadlineList] {
        let calendar = try workingCalendar()
        return DeadlineList.byCity(
            try files(scope: scope).compactMap { $0.currentDeadline(calendar: calendar) }, asOf: asOf,
            withinDays: withinDays)
    }

    /// The calendar the register's deadlines move on: the shipped national calendar with the imported
    /// calendar.csv rows laid over it (rules.md §5 "Deadlines", rev. 2).
    public func workingCalendar() throws -> WorkingCalendar {
        WorkingCalendar.national.adding(try store.calendarDays())
    }

    /// The conclusions made from `from` to `to` within their deadline, against those made late and those still
    /// pending past it; per committee region.
    public func onTimeRates(scope: RegionCode? = nil, from: Day, to: Day, asOf: Day) throws -> [OnTimeRate] {
        var rates: [RegionCode: OnTimeRate] = [:]
        let calendar = try workingCalendar()
        for file in try files(scope: scope) {
            guard let due = file.conclusionDue(calendar: calendar) else { continue }
            let region = file.regionCode.city
            var rate = rates[region] ?? OnTimeRate(regionCode: region, onTime: 0, late: 0, overduePending: 0)
            if let conclusion = file.conclusion {
                guard from <= conclusion.day && conclusion.day <= to else { continue }
                if conclusion.day <= due { rate.onTime += 1 } else { rate.late += 1 }
            } else {
                guard file.state.isOpen, due < asOf, from <= due, due <= to else { continue }
                rate.overduePending += 1
            }
            rates[region] = rate
        }
        return rates.values.sorted { $0.regionCode < $1.regionCode }
    }

    // MARK: Facts of the case

    /// The determination an assessment of `caseID` rests on: the register's file, else the imported case.
    public func assessedCase(_ caseID: String) throws -> AssessedCase {
        if let file = try store.document(DeterminationFile.self, id: caseID) { return AssessedCase(file) }
        if let imported = try store.injuryCase(id: caseID) { return AssessedCase(imported: imported) }
        throw CaseworkError.notFound("案件 \(caseID) 不存在（认定台账和导入数据中均无）")
    }

    /// Every conclusion on the case: the register's, and the imported assessments the register does not hold.
    func priorConclusions(_ assessedCase: AssessedCase, caseFiles: [AssessmentFile]) throws -> [PriorConclusion] {
        var prior = caseFiles.compactMap(\.priorConclusion)
        let held = Set(caseFiles.map(\.assessmentID))
        for imported in try store.importedAssessments(workerID: assessedCase.workerID)
        where imported.caseID == assessedCase.caseID && !held.contains(imported.assessmentID) {
            if let concluded = imported.concludedDate {
                prior.append(
                    PriorConclusion(
                        assessmentID: imported.assessmentID, kind: imported.kind, concluded: concluded, delivered: nil))
            }
        }
        return prior
    }
}
