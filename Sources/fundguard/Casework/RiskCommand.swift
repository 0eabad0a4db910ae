import ArgumentParser
import Casework
import FundModel

/// `fundguard risk`: the risk inventory (风险点清单).
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "风险点清单 The risk inventory: seed the default, list, add, edit, retire, CSV.",
        subcommands: [Seed.self, List.self, Add.self, Update.self, Retire.self]
    )

    struct PointOptions: ParsableArguments {
        @Argument(help: "Risk point id, e.g. RP30.") var id: String
        @Option(help: "Process step: \(ProcessStep.codeList)") var step: String
        @Option(help: "What can go wrong.") var risk: String
        @Option(help: "Rules and indicators that watch it, comma-separated (R11,I07).") var rules: String?
        @Option(help: "The controls of the process.") var controls: String = ""
        @Option(help: "Who owns it.") var owner: String

        func point() throws -> RiskPoint {
            RiskPoint(
                riskPointID: id, step: try Parse.code(step, "--step"), risk: risk, rules: Parse.list(rules),
                controls: controls,
                owner: owner)
        }
    }

    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "载入默认清单 Load the default inventory into an empty one.")
        @OptionGroup var acting: ActingOptions
        func run() throws {
            let count = try acting.run { casework, act in try casework.riskInventory.seedDefaults(act: act) }
            print("已载入 \(count) 个风险点")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "风险点列表 List the inventory (or write CSV).")
        @OptionGroup var store: StoreOption
        @Option(help: "Write the inventory as CSV to this file.") var out: String?
        func run() throws {
            let points = try store.casework().riskInventory.points()
            for p in points {
                print(
                    "\(p.riskPointID)  [\(p.step.chineseName)]  \(p.risk)  规则 \(p.rules.joined(separator: ","))  \(p.owner)\(p.active ? "" : "  （停用）")"
                )
            }
            if let out { try CaseworkText.write(RiskInventory.csv(points), to: out) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新增风险点 Add a point.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var point: PointOptions
        func run() throws {
            let p = try point.point()
            _ = try acting.run { casework, act in try casework.riskInventory.add(p, act: act) }
            print("已新增 \(p.riskPointID)")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "修改风险点 Replace a point (--reason).")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var point: PointOptions
        func run() throws {
            let p = try point.point()
            let updated = try acting.run { casework, act in try casework.riskInventory.update(p, act: act) }
            print("已修改 \(updated.riskPointID)（版本 \(updated.version)）")
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用风险点 Retire a point (--reason).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Risk point id.") var id: String
        func run() throws {
            _ = try acting.run { casework, act in try casework.riskInventory.retire(id, act: act) }
            print("已停用 \(id)")
        }
    }
}
