import ArgumentParser
import Foundation
import FundModel
import FundRules
import FundStore

/// `fundguard entitlements`: the entitlement schedule (待遇核定) of one stored case.
///
/// The figures come from FundRules' calculator, fed from the store: the case,
/// its latest concluded assessment, its dependants and the region's
/// parameters for the accident year. A case that cannot be computed gets an
/// error naming what is missing, never a partial schedule.
struct EntitlementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entitlements",
        abstract: "待遇核定 The statutory entitlements of a stored work-injury case."
    )

    @Option(help: "The SQLite database of the platform.")
    var db: String

    @Option(name: .customLong("case"), help: "The case id (case_id of injury_cases.csv).")
    var caseID: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure("数据库不存在 database not found: \(db)")
        }
        let store = try SQLiteFundStore(path: db)
        guard let record = try store.injuryCase(id: caseID) else {
            throw CommandFailure("案件不存在 no case with id \(caseID) in \(db)")
        }
        let latest = CaseFacts.latestConcludedAssessment(of: caseID, in: try store.assessments(caseID: caseID))
        let facts = CaseFacts(case: record, latestAssessment: latest, dependents: try store.dependents(caseID: caseID))
        let calculator = EntitlementCalculator(
            parameters: ParameterTable(parameters: try store.parameters(), regions: try store.regions()))
        let schedule: EntitlementSchedule
        do {
            schedule = try calculator.schedule(for: facts)
        } catch {
            throw CommandFailure("无法核定案件 \(caseID) 的待遇 cannot compute case \(caseID): \(error)")
        }
        print(
            json ? EntitlementsReport.json(schedule) : EntitlementsReport.table(schedule, case: record), terminator: "")
    }
}

/// The two renderings of a schedule: JSON for other systems, a table for people.
enum EntitlementsReport {
    static func json(_ schedule: EntitlementSchedule) -> String { schedule.jsonText() }

    static func table(_ schedule: EntitlementSchedule, case record: InjuryCase) -> String {
        var out = "案件 case \(record.caseID)  事故日期 \(record.accidentDate.iso)  统筹地区 \(record.regionCode)"
        out += "  本人工资(封顶保底后) own wage, bounded: \(schedule.boundedOwnWage.yuanString) 元\n"
        if schedule.items.isEmpty {
            out += "无待遇项目 no entitlements (未达级 or nothing payable)\n"
            return out
        }
        let rows = schedule.items.map { item -> [String] in
            let who = item.dependentID.map { " (\($0.masked))" } ?? ""
            return [
                item.itemCode, item.name + who, item.payer.chineseName, item.paidAs.chineseName,
                item.amount.yuanString + (item.paidAs == .monthly ? "/月" : ""), item.basis,
            ]
        }
        out += TextTable(header: ["项目代码", "项目", "支付方", "支付方式", "金额(元)", "依据"], rows: rows).render()
        let fund = schedule.items.filter { $0.payer == .fund && $0.paidAs == .oneOff }.reduce(Money.zero) {
            $0 + $1.amount
        }
        out += "基金一次性待遇合计 fund one-off total: \(fund.yuanString) 元\n"
        return out
    }
}
