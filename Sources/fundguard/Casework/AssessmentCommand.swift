import ArgumentParser
import Casework
import FundModel
import FundRules

/// `fundguard assessment`: the assessment register (劳动能力鉴定台账).
struct AssessmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "劳动能力鉴定 Assessments: initial, second, review; materials, extension, conclusion, delivery.",
        subcommands: [
            Open.self, Show.self, List.self, Notify.self, Receive.self, Extend.self, Postpone.self, Conclude.self,
            Deliver.self, Terminate.self,
        ]
    )

    typealias Step = RecordStep<Register>

    /// The assessment register's steps: where the assessment stands afterwards, and its next deadline.
    enum Register: StepRegister {
        static let idHelp = "Assessment id."

        static func apply(_ action: AssessmentAction, to id: String, in casework: Casework, act: CaseworkAct)
            throws -> [String]
        {
            let file = try casework.assessments.apply(action, assessmentID: id, act: act)
            let calendar = try casework.assessments.workingCalendar()
            return ["\(file.assessmentID)：\(action.chineseName)，当前状态 \(file.state.chineseName)"]
                + (file.currentDeadline(calendar: calendar).map { ["下一期限：\($0.step) \($0.due.iso)"] } ?? [])
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "鉴定申请登记 Register an application.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Assessment id.") var id: String
        @Option(name: .customLong("case"), help: "The case (determination) id.") var caseID: String
        @Option(help: "initial | second | review") var kind: String = "initial"
        @Option(help: "The conclusion challenged or reviewed (default: the case's latest).") var previous: String?
        @Option(help: "For a second assessment: the day the conclusion was received, YYYY-MM-DD.") var received: String?
        @Option(help: "worker | relative | employer | agency") var applicant: String = "worker"
        @Option(help: "The institution that issued the medical evidence.") var hospital: String?
        @Option(help: "Specialties needed, comma-separated (e.g. 骨科,神经外科).") var specialties: String
        @Option(
            help: "Materials handed in, comma-separated: \(AssessmentMaterial.codeList) (default: the whole checklist)."
        )
        var materials: String?

        func run() throws {
            let kind: AssessmentKind = try Parse.code(kind, "--kind")
            let application = AssessmentApplication(
                assessmentID: id, caseID: caseID, kind: kind, previousAssessmentID: previous,
                conclusionReceived: try received.map { try Parse.day($0, "--received") },
                applicant: try Parse.code(applicant, "--applicant"), hospitalID: hospital,
                specialties: Parse.list(specialties),
                materials: materials == nil
                    ? AssessmentMaterial.checklist(for: kind) : try Parse.codes(materials, "--materials"))
            let (file, calendar) = try acting.run { casework, act in
                (try casework.assessments.open(application, act: act), try casework.assessments.workingCalendar())
            }
            print(
                "已登记 registered \(file.assessmentID)：\(file.kind.chineseName)，\(file.state.chineseName)，鉴定委员会 \(file.regionCode.raw)"
            )
            if !file.missingMaterials.isEmpty {
                print("缺少材料 missing：\(file.missingMaterials.map(\.chineseName).joined(separator: "、"))")
            }
            if let due = file.conclusionDue(calendar: calendar) { print("应于 \(due.iso) 前作出鉴定结论（条例第二十五条）") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看鉴定 Show an assessment and its history.")
        @OptionGroup var store: StoreOption
        @Argument(help: "Assessment id.") var id: String
        func run() throws {
            let casework = try store.casework()
            guard let file = try casework.assessments.file(id) else {
                throw CaseworkFailure(code: 4, "未找到 not found：鉴定 \(id)")
            }
            let calendar = try casework.assessments.workingCalendar()
            print(
                "鉴定 \(file.assessmentID)  \(file.kind.chineseName)  \(file.state.chineseName)  委员会 \(file.regionCode.raw)"
            )
            print(
                "案件 \(file.caseID)  职工 \(file.workerID.raw)  申请 \(file.appliedDate.iso)（\(file.applicant.chineseName)）  证明医院 \(file.hospitalID ?? "—")"
            )
            print(
                "认定部位 \(file.determinationParts.joined(separator: "、"))  所需专业 \(file.specialties.joined(separator: "、"))"
            )
            if let due = file.conclusionDue(calendar: calendar) {
                print("结论期限 \(due.iso)\(file.extensionGranted == nil ? "" : "（已延长）")")
            }
            if !file.panel.isEmpty { print("专家组 \(file.panelDrawID ?? "")：\(file.panel.joined(separator: "、"))") }
            if let c = file.conclusion {
                print("结论 \(c.day.iso)：\(c.chineseSummary)；部位 \(c.injuredParts.joined(separator: "、"))；\(c.opinion)")
            }
            if let delivered = file.deliveredDate { print("送达 \(delivered.iso)") }
            let next = AssessmentMachine.nextSteps(file)
            print("可办理 next steps：\(next.isEmpty ? "无（已办结）" : next.joined(separator: ", "))")
            if let due = file.secondAssessmentDue(calendar: calendar) { print("再次鉴定申请期限 \(due.iso)") }
            if let earliest = file.earliestReview { print("最早复查日期 \(earliest.iso)") }
            CaseworkText.history(try casework.assessments.history(id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "鉴定列表 List assessments.")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        @Option(help: "Only this state: \(AssessmentState.codeList)") var state: String?
        func run() throws {
            let casework = try store.casework()
            let files = try casework.assessments.files(
                scope: try region.map { try Parse.region($0, "--region") },
                state: try state.map { try Parse.code($0, "--state") })
            for file in files {
                let result = file.conclusion.map { "  \($0.chineseSummary)" } ?? ""
                print(
                    "\(file.assessmentID)  \(file.caseID)  \(file.kind.chineseName)  \(file.state.chineseName)\(result)"
                )
            }
            print("共 \(files.count) 件")
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "一次性告知补正 One-time notice of missing materials.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.notifyIncomplete) }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "接收材料 Record materials received.")
        @OptionGroup var step: Step
        @Option(help: "Comma-separated: \(AssessmentMaterial.codeList)") var materials: String
        func run() throws {
            try step.apply(.receiveMaterials(try Parse.codes(materials, "--materials")))
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "延长\(AssessmentClock.extensionDays)日 Extend the deadline by \(AssessmentClock.extensionDays) days (--reason)."
        )
        @OptionGroup var step: Step
        func run() throws { try step.apply(.extend) }
    }

    struct Postpone: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "改期 Reschedule the examination (--reason).")
        @OptionGroup var step: Step
        @Option(help: "Days the deadline moves.") var days: Int
        func run() throws { try step.apply(.postpone(days: days)) }
    }

    struct Conclude: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "作出鉴定结论 Conclude: grade, nursing level, parts.")
        @OptionGroup var step: Step
        @Option(help: "Disability grade 1–10 (omit for 未达级).") var grade: Int?
        @Option(help: "full | most | partial | none") var nursing: String = "none"
        @Option(help: "Injured parts assessed, comma-separated.") var parts: String
        @Option(help: "The panel's opinion.") var opinion: String = ""
        func run() throws {
            try step.apply(
                .conclude(
                    grade: grade, nursing: try Parse.code(nursing, "--nursing"), injuredParts: Parse.list(parts),
                    opinion: opinion))
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "送达鉴定结论 Deliver the conclusion.")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.deliver) }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "终止鉴定 Terminate the assessment (--reason).")
        @OptionGroup var step: Step
        func run() throws { try step.apply(.terminate) }
    }
}
