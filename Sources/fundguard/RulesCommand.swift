import ArgumentParser
import Foundation
import Screening

/// `fundguard rules`: the monitoring rules and their configuration (监控规则与阈值配置).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "监控规则与阈值配置 — check a rules configuration, list the rules, print the default.",
        subcommands: [Check.self, List.self, Default.self]
    )

    /// `fundguard rules check FILE`: every error with its path; a non-zero exit code on errors.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验规则配置文件 Validate a rules configuration file and print every error with its path.")

        @Argument(help: "The YAML file, e.g. rules.yaml.")
        var file: String

        func run() throws {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ValidationError("无法读取 cannot read \(file): \(error.localizedDescription)")
            }
            let issues = RulesConfiguration.validate(yaml: text)
            guard issues.isEmpty else {
                for issue in issues {
                    let place = issue.line.map { "\(file):\($0)" } ?? file
                    print("\(place): \(issue)")
                }
                print("\(issues.count) 处错误 error\(issues.count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
            let configuration = try RulesConfiguration(yaml: text)
            print(
                "\(file): 配置有效 valid — \(RuleCatalog.rules.count) 条规则 rules, \(RuleCatalog.indicators.count) 项指标 indicators, \(configuration.cities.count) 个城市覆盖 city overrides"
            )
        }
    }

    /// `fundguard rules list`: the catalogue.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出规则与指标 List the rules and indicators (⚡ = also checked in real time).")

        func run() {
            for spec in RuleCatalog.all {
                let flag = spec.isRealTime ? "⚡" : "  "
                let tables = spec.tables.map(\.fileName).joined(separator: ", ")
                print("\(spec.id)\t\(flag) \(spec.name)\t\(spec.subject.rawValue)\t\(tables)")
            }
        }
    }

    /// `fundguard rules default`: the built-in configuration, to start a province's own file from.
    struct Default: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出默认配置 Print the built-in default configuration (rules.yaml).")

        func run() { print(DefaultRulesConfiguration.yaml, terminator: "") }
    }
}
