import Casework
import FundModel
import FundStore

/// The model of a file register's list page (工伤认定, 劳动能力鉴定): the files with their next deadline, the
/// state filter and the form that opens a file.
///
/// Both registers list the same columns but for one each (the case of an assessment, the 工亡 mark of a
/// determination) and offer the same filter and open form, so they share one model; a field a register does not
/// use keeps its empty default and that register's template does not name it.
struct CaseworkFileList {
    struct Row {
        var id: String
        var href: String
        var caseID = ""
        var worker: String
        var region: String
        var kind: String
        var fatal = false
        var state: String
        var stateName: String
        var applied: String
        var step: String
        var due: String
        var overdue: Bool
        /// The typed values, for a download (`sheet`).
        var workerMasked: String
        var appliedDay: Day
        var dueDay: Day?

        /// A file under `base` (`/casework/assessments`): the worker's ID always masked (a list shows many
        /// people), the next deadline's step and day, marked when it has passed `today`.
        init<State: CodedValue>(
            id: String, under base: String, caseID: String = "", worker: PersonID, region: String, kind: String,
            fatal: Bool = false, state: State, applied: Day, deadline: Deadline?, today: Day
        ) {
            self.id = id
            href = "\(base)/\(HTMLText.urlEncode(id))"
            self.caseID = caseID
            self.worker = Masking.personID(worker.raw)
            self.region = region
            self.kind = kind
            self.fatal = fatal
            self.state = state.rawValue
            stateName = state.chineseName
            self.applied = applied.iso
            step = deadline?.step ?? ""
            due = deadline?.due.iso ?? ""
            overdue = deadline?.isOverdue(asOf: today) ?? false
            workerMasked = self.worker
            appliedDay = applied
            dueDay = deadline?.due
        }
    }
    var rows: [Row]
    var hasRows: Bool
    var total: Int
    var stateOptions: [CaseworkPages.Option]
    /// 劳动能力鉴定 only: the case filter, also the open form's default case.
    var caseID = ""
    /// 工伤认定 only: the city filter, shown to the provincial roles.
    var regionOptions: [CaseworkPages.Option] = []
    var showRegionFilter = false
    var canOpen: Bool
    var csrf: String
    var today: String
    var kindOptions: [CaseworkPages.Option]
    var applicantOptions: [CaseworkPages.Option]
    /// 工伤认定 only: the materials submitted with the application (条例第十八条), all ticked.
    var materials: [CaseworkPages.Option] = []
    /// The list's downloads (CSV, Excel) under the same filter.
    var export: ExportLinks?

    /// A register's rows as a download: the days as dates, the worker masked as on the page.
    static func sheet(title: String, rows: [Row], withCase: Bool) -> ExportSheet {
        var sheet = ExportSheet(
            title: title,
            headers: ["编号"] + (withCase ? ["工伤案件编号"] : [])
                + ["职工身份证号（遮蔽）", "地区", "类别", "状态", "申请日期", "当前环节", "办理期限", "是否逾期"])
        for row in rows {
            sheet.append(
                [.text(row.id)] + (withCase ? [.text(row.caseID)] : [])
                    + [
                        .text(row.workerMasked), .text(row.region),
                        .text(row.kind + (row.fatal ? "（工亡）" : "")), .text(row.stateName), .day(row.appliedDay),
                        .text(row.step), row.dueDay.map { .day($0) } ?? .empty, .text(row.overdue ? "逾期" : ""),
                    ])
        }
        return sheet
    }

    /// The rows under the filter `state` (`nil`: every state); the open form for a role that handles casework.
    init<State: CodedValue>(
        _ rows: [Row], state: State?, service: CaseworkService, context: FundRequestContext, today: Day,
        kindOptions: [CaseworkPages.Option], applicantOptions: [CaseworkPages.Option]
    ) {
        self.rows = rows
        hasRows = !rows.isEmpty
        total = rows.count
        stateOptions = CaseworkPages.options(State.self, selected: state?.rawValue, all: "全部状态")
        canOpen = service.principal.role.mayHandleCasework
        csrf = context.csrfToken ?? ""
        self.today = today.iso
        self.kindOptions = kindOptions
        self.applicantOptions = applicantOptions
    }
}
