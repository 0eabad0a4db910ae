import ArgumentParser
import Casework
import Foundation
import FundModel
import FundStore

/// The casework commands, registered on `fundguard`.
enum CaseworkCommands {
    static let all: [any ParsableCommand.Type] = [
        CaseCommand.self, AssessmentCommand.self, PanelCommand.self, InstitutionCommand.self, CampaignCommand.self,
        RiskCommand.self, CaseworkDemoCommand.self,
    ]
}

/// `--db`: the platform database (created if missing, with every migration).
struct StoreOption: ParsableArguments {
    @Option(help: "The SQLite database of the platform (created if missing).")
    var db: String

    func store() throws -> SQLiteFundStore {
        do {
            return try SQLiteFundStore(path: db)
        } catch {
            throw CaseworkFailure(code: 1, "无法打开数据库 cannot open \(db): \(error)")
        }
    }

    func casework() throws -> Casework { Casework(store: try store()) }
}

/// Who acts, on which day, why: `--by`, `--on`, `--reason`.
struct ActOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: "经办人 Who acts (default: the USER environment variable).")
    var actor: String?

    @Option(name: .customLong("on"), help: "办理日期 The day of the act, YYYY-MM-DD (default: today).")
    var day: String?

    @Option(help: "理由 Why (required to refuse, suspend, redraw, terminate, …).")
    var reason: String?

    func act() throws -> CaseworkAct {
        let actor = self.actor ?? ProcessInfo.processInfo.environment["USER"] ?? "system"
        return CaseworkAct(actor: actor, day: try day.map { try Parse.day($0, "--on") } ?? Today.day(), reason: reason)
    }
}

/// What every command that acts takes: `--db` and who acts, when and why (`--by`, `--on`, `--reason`), with the
/// one way to run a step, so that each command says only what is its own.
struct ActingOptions: ParsableArguments {
    @OptionGroup var store: StoreOption
    @OptionGroup var act: ActOptions

    /// Opens the registers, reads the act and runs `body`; a refusal becomes its message and exit code.
    func run<T>(_ body: (Casework, CaseworkAct) throws -> T) throws -> T {
        let casework = try store.casework()
        let act = try self.act.act()
        return try perform { try body(casework, act) }
    }
}

/// A register whose records take steps from the command line: how its record is named, how a step is applied and
/// what is printed after it.
protocol StepRegister {
    associatedtype Action
    /// The help of the record id argument, e.g. `Case id.`.
    static var idHelp: String { get }
    /// Applies `action` to the record `id` and returns the lines that say where it stands.
    static func apply(_ action: Action, to id: String, in casework: Casework, act: CaseworkAct) throws -> [String]
}

/// A step on one record of `Register`: `--db`, the act, and the record id (the same options for every register).
struct RecordStep<Register: StepRegister>: ParsableArguments {
    @OptionGroup var acting: ActingOptions
    @Argument(help: ArgumentHelp(Register.idHelp)) var id: String

    /// Applies the step and prints where the record stands; a refusal becomes its message and exit code.
    func apply(_ action: Register.Action) throws {
        let lines = try acting.run { casework, act in try Register.apply(action, to: id, in: casework, act: act) }
        for line in lines { print(line) }
    }
}

/// A refused or failed casework command: the message on standard error, and an exit code by kind
/// (2 invalid input, 3 refused by the rules, 4 not found, 5 conflict, 1 anything else).
struct CaseworkFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String

    init(code: Int32, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// Runs a casework step, turning its refusal into a message and an exit code.
func perform<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CaseworkError {
        let (code, label): (Int32, String) =
            switch error.kind {
            case .invalid: (2, "输入有误 invalid")
            case .refused: (3, "不予办理 refused")
            case .notFound: (4, "未找到 not found")
            case .conflict: (5, "冲突 conflict")
            }
        FileHandle.standardError.write(Data("\(label)：\(error.message)\n".utf8))
        throw ExitCode(code)
    }
}

/// Parsing of the command-line values the casework commands take.
enum Parse {
    static func day(_ text: String, _ option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(option) 日期无效 not a date YYYY-MM-DD: \(text)") }
        return day
    }

    static func region(_ text: String, _ option: String) throws -> RegionCode {
        guard let code = RegionCode(text) else {
            throw ValidationError("\(option) 地区代码须为6位数字 not a region code: \(text)")
        }
        return code
    }

    static func person(_ text: String, _ option: String) throws -> PersonID {
        guard let id = PersonID(text) else { throw ValidationError("\(option) 身份证号格式有误 not a person id: \(text)") }
        return id
    }

    static func code<C: CodedValue>(_ text: String, _ option: String) throws -> C {
        guard let value = C(rawValue: text) else {
            throw ValidationError("\(option) 取值须为 must be one of: \(C.codeList)（收到 got \(text)）")
        }
        return value
    }

    static func codes<C: CodedValue>(_ text: String?, _ option: String) throws -> [C] {
        try list(text).map { try code($0, option) }
    }

    /// A comma-separated list (、 and ， accepted too), blanks dropped.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func seed(_ text: String?) throws -> UInt64? {
        guard let text else { return nil }
        guard let seed = UInt64(text) else {
            throw ValidationError("--seed 须为非负整数 must be an unsigned integer: \(text)")
        }
        return seed
    }

    static func money(_ text: String, _ option: String) throws -> Money {
        do {
            return try Money(yuan: text)
        } catch {
            throw ValidationError("\(option) 金额无效 not an amount in yuan: \(text)")
        }
    }
}

/// Plain-text output of the casework commands.
enum CaseworkText {
    static func history(_ entries: [CaseworkHistoryEntry]) {
        print("办理记录 history:")
        for entry in entries {
            let e = entry.event
            let states = [e.fromState, e.toState].compactMap { $0 }.joined(separator: " → ")
            var line = "  \(e.act.day.iso)  \(e.chineseAction)  [\(states)]  经办人 \(e.act.actor)"
            if let reason = e.act.reason { line += "  理由：\(reason)" }
            if !e.detail.isEmpty { line += "\n      \(e.detail)" }
            print(line)
        }
    }

    static func deadlines(_ lists: [DeadlineList], asOf: Day) {
        if lists.isEmpty { print("无到期或逾期事项 nothing due") }
        for list in lists {
            print("\(list.regionCode.raw)：逾期 overdue \(list.overdue.count)，即将到期 due soon \(list.dueSoon.count)")
            for d in list.overdue {
                print(
                    "  逾期 \(-d.daysLeft(asOf: asOf)) 天  \(d.subject.chineseName) \(d.id)  \(d.step)  期限 \(d.due.iso)（\(d.basis)）"
                )
            }
            for d in list.dueSoon {
                print(
                    "  剩余 \(d.daysLeft(asOf: asOf)) 天  \(d.subject.chineseName) \(d.id)  \(d.step)  期限 \(d.due.iso)（\(d.basis)）"
                )
            }
        }
    }

    static func rates(_ rates: [OnTimeRate], title: String) {
        print(title)
        if rates.isEmpty { print("  无可统计的案件 nothing to count") }
        for rate in rates {
            print(
                "  \(rate.regionCode.raw)：按时 \(rate.onTime)，超时 \(rate.late)，逾期未办 \(rate.overduePending)，按时率 \(rate.percentText)"
            )
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CaseworkFailure(code: 1, "无法写入 cannot write \(path): \(error.localizedDescription)")
        }
        print("已写入 written: \(path)")
    }
}
