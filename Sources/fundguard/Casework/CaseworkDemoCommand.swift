import ArgumentParser
import Casework
import FundModel

/// `fundguard casework-demo`: fills the registers of a database holding the demo province with files in every
/// state, for the console.
struct CaseworkDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casework-demo",
        abstract: "演示案卷 Fill the casework registers from the imported demo data (cases, assessments, a campaign).")

    @OptionGroup var store: StoreOption

    func run() throws {
        let casework = try store.casework()
        let summary = try perform { try CaseworkDemo.populate(casework, asOf: Today.day()) }
        print(
            "工伤认定 \(summary.determinations) 件，劳动能力鉴定 \(summary.assessments) 件，专家组 \(summary.panels) 个，专项检查 \(summary.campaigns) 项（自查 \(summary.selfInspections) 家，整改 \(summary.rectifications) 项），风险点 \(summary.riskPoints) 个"
        )
    }
}
