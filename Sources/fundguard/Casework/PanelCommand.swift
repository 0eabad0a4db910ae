import ArgumentParser
import Casework
import FundModel

/// `fundguard panel`: random expert panels (条例 25, 27).
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "专家组随机抽取 Expert panels: draw, redraw, verify, relations, report.",
        subcommands: [Draw.self, Redraw.self, Show.self, Verify.self, Relate.self, Unrelate.self, Report.self]
    )

    static func printDraw(_ draw: PanelDraw) {
        print(
            "\(draw.drawID)  鉴定 \(draw.assessmentID)  \(draw.size) 名  专业 \(draw.specialties.joined(separator: "、"))  种子 \(draw.seed)\(draw.superseded ? "  已作废：\(draw.supersededReason ?? "")" : "")"
        )
        print("抽中 drawn：\(draw.drawn.joined(separator: "、"))")
        print(
            "可抽取 pool（\(draw.pool.count)）：\(draw.pool.map { "\($0.expertID)(\($0.specialty))" }.joined(separator: " "))"
        )
        for exclusion in draw.excluded {
            print(
                "回避 \(exclusion.expertID)：\(exclusion.reasons.map(\.chineseName).joined(separator: "、"))（\(exclusion.detail)）"
            )
        }
    }

    struct DrawOptions: ParsableArguments {
        @Argument(help: "Assessment id.") var assessment: String
        @Option(help: "Panel size: 3 or 5.") var size: Int = 3
        @Option(help: "Specialties needed, comma-separated (default: the assessment's).") var specialties: String?
        @Option(help: "The seed (default: a fresh random one; it is stored).") var seed: String?
        @Option(help: "Experts who cannot attend this draw, comma-separated.") var unavailable: String?

        func request(reason: String?) throws -> PanelRequest {
            let absent = Parse.list(unavailable)
            return PanelRequest(
                assessmentID: assessment, size: size, specialties: specialties.map { Parse.list($0) },
                seed: try Parse.seed(seed),
                unavailable: Dictionary(absent.map { ($0, reason ?? "无法参加") }, uniquingKeysWith: { a, _ in a }))
        }
    }

    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "随机抽取专家组 Draw the panel of an assessment.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var options: DrawOptions
        func run() throws {
            let draw = try acting.run { casework, act in
                try casework.panels.draw(try options.request(reason: act.reason), act: act)
            }
            PanelCommand.printDraw(draw)
        }
    }

    struct Redraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重新抽取 Redraw (--reason required).")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var options: DrawOptions
        func run() throws {
            let draw = try acting.run { casework, act in
                try casework.panels.redraw(try options.request(reason: act.reason), act: act)
            }
            PanelCommand.printDraw(draw)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看抽取记录 Show the draws of an assessment.")
        @OptionGroup var store: StoreOption
        @Argument(help: "Assessment id.") var assessment: String
        func run() throws {
            let casework = try store.casework()
            let draws = try casework.panels.draws(assessmentID: assessment)
            if draws.isEmpty { print("尚未抽取 no draw") }
            for draw in draws {
                PanelCommand.printDraw(draw)
                print("")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "复核抽取 Replay a draw from its seed and pool.")
        @OptionGroup var store: StoreOption
        @Argument(help: "Draw id, e.g. JD-1-P1.") var draw: String
        func run() throws {
            let casework = try store.casework()
            let audit = try perform { try casework.panels.audit(drawID: draw) }
            print("存储 stored：\(audit.draw.drawn.joined(separator: "、"))")
            print("重放 replayed：\(audit.replayed.joined(separator: "、"))")
            guard audit.matches else {
                print("不一致：抽取记录可能被改动 MISMATCH")
                throw ExitCode(3)
            }
            print("一致 matches")
        }
    }

    struct Relate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记利害关系 Mark an expert as related (--reason).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Expert id.") var expert: String
        @Option(help: "worker | employer") var subject: String
        @Option(name: .customLong("subject-id"), help: "The worker's person id or the employer id.") var subjectID:
            String
        func run() throws {
            let relation = try acting.run { casework, act in
                try casework.panels.markRelated(
                    expertID: expert, subject: try Parse.code(subject, "--subject"), subjectID: subjectID, act: act)
            }
            print("已登记 \(relation.relationID)")
        }
    }

    struct Unrelate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销利害关系 Withdraw a relation (--reason).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Relation id.") var relation: String
        func run() throws {
            _ = try acting.run { casework, act in try casework.panels.withdrawRelation(relation, act: act) }
            print("已撤销 \(relation)")
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "抽取频次 How often each expert was drawn, and for which employers (R18).")
        @OptionGroup var store: StoreOption
        @Option(help: "Region scope.") var region: String?
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Flag(help: "Only experts drawn at least once.") var drawnOnly = false
        func run() throws {
            let casework = try store.casework()
            let stats = try casework.panels.report(
                scope: try region.map { try Parse.region($0, "--region") }, from: try Parse.day(from, "--from"),
                to: try Parse.day(to, "--to"))
            for s in stats where !drawnOnly || s.panels + s.superseded > 0 {
                let employers = s.employers.map { "\($0.employerID)×\($0.panels)" }.joined(separator: " ")
                print(
                    "\(s.expertID) \(s.name) \(s.specialty ?? "")  专家组 \(s.panels)  作废 \(s.superseded)  回避 \(s.excluded)  \(employers)\(s.concentrated ? "  ⚠ 同一单位365日内≥5次（R18）" : "")"
                )
            }
        }
    }
}
