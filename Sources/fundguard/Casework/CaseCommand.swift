import ArgumentParser
import Casework
import FundModel
import FundRules

/// `fundguard case`: the determination register (工伤认定台账).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "工伤认定 Determinations: register applications, accept, investigate, suspend, decide, deliver.",
        subcommands: [
            Open.self, Show.self, List.self, Notify.self, Receive.self, Accept.self, Refuse.self, Investigate.self,
            Record.self, Suspend.self, Resume.self, Decide.self, Deliver.self, Due.self, OnTime.self,
        ]
    )

    typealias Step = RecordStep<Register>

    /// The determination register's steps: where the case stands afterwards, and its next deadline.
    enum Register: StepRegister {
        static let idHelp = "Case id."

        static func apply(_ action: DeterminationAction, to id: String, in casework: Casework, act: CaseworkAct)
            throws -> [String]
        {
            let file = try casework.determinations.apply(action, caseID: id, act: act)
            let calendar = try casework.determinations.workingCalendar()
            return ["\(file.caseID)：\(action.chineseName)，当前状态 \(file.state.chineseName)"]
                + (file.currentDeadline(asOf: act.day, calendar: calendar).map {
                    ["下一期限 next deadline：\($0.step) \($0.due.iso)（\($0.basis)）"]
                } ?? [])
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "申请登记 Register an application (or --from-import CASE for an imported case).")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Case id.") var id: String
        @Flag(name: .customLong("from-import"), help: "Take the case from the imported injury_cases.") var fromImport =
            false
        @Option(help: "Worker's person id.") var worker: String?
        @Option(help: "Employer id.") var employer: String?
        @Option(help: "Region code of the deciding department (the employer's city).") var region: String?
        @Option(help: "injury | disease | deemed") var kind: String = "injury"
        @Option(help: "Accident (or diagnosis) day, YYYY-MM-DD.") var accident: String?
        @Flag(help: "工亡 A fatal case.") var fatal = false
        @Option(help: "employer | worker | relative | union") var applicant: String = "employer"
        @Option(help: "Materials handed in, comma-separated: \(DeterminationMaterial.codeList) (default: all).")
        var materials: String?
        @Option(help: "What happened.") var description: String = ""

        func run() throws {
            let materials: [DeterminationMaterial] =
                self.materials == nil ? DeterminationMaterial.allCases : try Parse.codes(self.materials, "--materials")
            let file: DeterminationFile
            let calendar: WorkingCalendar
            if fromImport {
                (file, calendar) = try acting.run { casework, act in
                    (
                        try casework.determinations.openImported(caseID: id, materials: materials, act: act),
                        try casework.determinations.workingCalendar()
                    )
                }
            } else {
                guard let worker, let region, let accident else {
                    throw ValidationError("须提供 --worker、--region、--accident（或 --from-import）")
                }
                let application = DeterminationApplication(
                    caseID: id, workerID: try Parse.person(worker, "--worker"), employerID: employer,
                    regionCode: try Parse.region(region, "--region"), kind: try Parse.code(kind, "--kind"),
                    accidentDate: try Parse.day(accident, "--accident"), fatal: fatal,
                    applicant: try Parse.code(applicant, "--applicant"), materials: materials, description: description)
                (file, calendar) = try acting.run { casework, act in
                    (
                        try casework.determinations.open(application, act: act),
                        try casework.determinations.workingCalendar()
                    )
                }
            }
            print("已登记 registered \(file.caseID)：\(file.state.chineseName)")
            if !file.missingMaterials.isEmpty {
                print("缺少材料 missing：\(file.missingMaterials.map(\.chineseName).joined(separator: "、"))")
            }
            if file.appliedLate(calendar: calendar) {
                print("注意：超过条例第十七条申请时限 \(file.applicationDue(calendar: calendar).iso)")
            }
            if let due = file.acceptanceDue(calendar: calendar) { print("应于 \(due.iso) 前决定是否受理（认定办法第八条）") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看案件 Show a case and its history.")
        @OptionGroup var store: StoreOption
        @Argument(help: "Case id.") var id: String

        func run() throws {
            let casework = try store.casework()
            guard let file = try casework.determinations.file(id) else {
                throw CaseworkFailure(code: 4, "未找到 not found：案件 \(id)")
            }
            let today = Today.day()
            let calendar = try casework.determinations.workingCalendar()
            print("案件 \(file.caseID)  \(file.state.chineseName)  版本 \(file.version)")
            let next = DeterminationMachine.nextSteps(file)
            print("可办理 next steps：\(next.isEmpty ? "无（已办结）" : next.joined(separator: ", "))")
            print(
                "职工 \(file.workerID.raw)  单位 \(file.employerID ?? "—")  地区 \(file.regionCode.raw)  \(file.kind.chineseName)\(file.fatal ? "  工亡" : "")"
            )
            print(
                "事故 \(file.accidentDate.iso)  申请 \(file.appliedDate.iso)（\(file.applicant.chineseName)，时限 \(file.applicationDue(calendar: calendar).iso)）"
            )
            let received = file.materials.map { "\($0.material.chineseName) \($0.received.iso)" }
            print("材料 materials：\(received.isEmpty ? "无" : received.joined(separator: "；"))")
            if let notice = file.notice {
                print("一次性告知 \(notice.day.iso)：\(notice.missing.map(\.chineseName).joined(separator: "、"))")
            }
            if let accepted = file.acceptedDate {
                print(
                    "受理 \(accepted.iso)\(file.clearCase ? "（事实清楚）" : "")  认定期限 \(file.decisionDue(asOf: today, calendar: calendar)?.iso ?? "—")  中止 \(file.suspendedDays(asOf: today)) 天"
                )
            }
            for record in file.investigations {
                print("调查 \(record.day.iso)（\(record.investigators.joined(separator: "、"))）：\(record.summary)")
            }
            if let decision = file.decision {
                print(
                    "决定 \(decision.day.iso)：\(decision.outcome.chineseName)，依据\(decision.basis.chineseName)；部位 \(decision.injuredParts.isEmpty ? "—" : decision.injuredParts.joined(separator: "、"))"
                )
            }
            if let delivered = file.deliveredDate { print("送达 \(delivered.iso)") }
            if let deadline = file.currentDeadline(asOf: today, calendar: calendar) {
                print("下一期限：\(deadline.step) \(deadline.due.iso)（\(deadline.basis)）")
            }
            CaseworkText.history(try casework.determinations.history(id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "案件列表 List cases.")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope (a province sees its cities).") var region: String?
        @Option(help: "Only this state: \(DeterminationState.codeList)") var state: String?

        func run() throws {
            let casework = try store.casework()
            let files = try casework.determinations.files(
                scope: try region.map { try Parse.region($0, "--region") },
                state: try state.map { try Parse.code($0, "--state") })
            let today = Today.day()
            let calendar = try casework.determinations.workingCalendar()
            for file in files {
                let deadline =
                    file.currentDeadline(asOf: today, calendar: calendar).map { "  \($0.step) \($0.due.iso)" } ?? ""
                print(
                    "\(file.caseID)  \(file.regionCode.raw)  \(file.state.chineseName)  申请 \(file.appliedDate.iso)\(deadline)"
                )
            }
            print("共 \(files.count) 件")
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "一次性告知补正 One-time notice of every missing material.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.notifyIncomplete) }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "接收材料 Record materials received.")
        @OptionGroup var step: Step
        @Option(help: "Comma-separated: \(DeterminationMaterial.codeList)") var materials: String
        func run() throws {
            try step.apply(.receiveMaterials(try Parse.codes(materials, "--materials")))
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "受理 Accept the application.")
        @OptionGroup var step: Step
        @Flag(name: .customLong("clear"), help: "事实清楚、权利义务明确: decide within 15 days.") var clearCase = false
        func run() throws { try step.apply(.accept(clearCase: clearCase)) }
    }

    struct Refuse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "不予受理 Refuse the application (--reason required).")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.refuseAcceptance) }
    }

    struct Investigate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启动调查核实 Start an investigation.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.startInvestigation) }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "记录调查核实 Record an investigation.")
        @OptionGroup var step: Step
        @Option(help: "Investigators, comma-separated.") var investigators: String
        @Option(help: "What was done and found.") var summary: String
        func run() throws {
            let day = try step.acting.act.act().day
            let record = InvestigationRecord(day: day, investigators: Parse.list(investigators), summary: summary)
            try step.apply(.recordInvestigation(record))
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "中止 Suspend: the decision waits for another authority.")
        @OptionGroup var step: Step
        @Option(help: "The judicial or administrative conclusion awaited.") var awaiting: String
        func run() throws { try step.apply(.suspend(awaiting: awaiting)) }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "恢复 Resume after a suspension.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.resume) }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "作出认定决定 Decide: recognized 14(n), deemed 15(n), rejected 16(n) / 14 / 15.")
        @OptionGroup var step: Step
        @Option(help: "recognized | deemed | rejected") var outcome: String
        @Option(help: "The article of 条例 14–16, e.g. 14(1), 15(2), 16(3), 14.") var basis: String
        @Option(help: "Injured body parts, comma-separated.") var parts: String?
        func run() throws {
            guard let statute = StatuteBasis(code: basis) else {
                throw ValidationError("--basis 须写作 14(1)、15(2)、16(3) 或 14: \(basis)")
            }
            try step.apply(
                .decide(outcome: try Parse.code(outcome, "--outcome"), basis: statute, injuredParts: Parse.list(parts)))
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "送达 Deliver the decision.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.deliver) }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "到期与逾期 Cases overdue and due soon, per city (determinations and assessments).")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default: today).") var asOf: String?
        @Option(help: "Due within this many days.") var within: Int = 7
        func run() throws {
            let casework = try store.casework()
            let day = try asOf.map { try Parse.day($0, "--as-of") } ?? Today.day()
            CaseworkText.deadlines(
                try casework.deadlines(
                    scope: try region.map { try Parse.region($0, "--region") }, asOf: day, withinDays: within),
                asOf: day)
        }
    }

    struct OnTime: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ontime", abstract: "按时办结率 Share decided within 60 days of acceptance (indicator I07).")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default: today).") var asOf: String?
        func run() throws {
            let casework = try store.casework()
            let rates = try casework.determinations.onTimeRates(
                scope: try region.map { try Parse.region($0, "--region") }, from: try Parse.day(from, "--from"),
                to: try Parse.day(to, "--to"), asOf: try asOf.map { try Parse.day($0, "--as-of") } ?? Today.day())
            CaseworkText.rates(rates, title: "工伤认定按时办结率（I07，受理后\(DeterminationClock.decisionDays)日内，扣除中止）：")
        }
    }
}
