import ArgumentParser
import Foundation
import FundApp
import FundModel
import FundRules
import FundStore

/// `fundguard entitlements`: the entitlement schedule (待遇核定) of one stored case.
///
/// The figures come from FundApp's `CaseEntitlements` (the same use case as the
/// console's case page and the API): the case, its assessment, dependants, the
/// worker's death and pensions and the region's parameters. With `--on`, the
/// monthly items are those of that date's month (rules.md rev. 2: nursing at
/// that year's average wage, allowances adjusted under 条例 40) and the
/// dependants those eligible then. A case that cannot be computed gets an
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

    @Option(help: "YYYY-MM-DD: the monthly items of this date's month and the dependants eligible then.")
    var on: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandFailure("数据库不存在 database not found: \(db)")
        }
        var day: Day?
        if let on {
            guard let parsed = Day(iso: on) else { throw CommandFailure("--on: 日期无效 not a date (YYYY-MM-DD): \(on)") }
            day = parsed
        }
        let store = try SQLiteFundStore(path: db)
        let result: CaseEntitlements.Result
        do {
            result = try CaseEntitlements(store: store).schedule(caseID: caseID, on: day)
        } catch let failure as CaseEntitlements.Failure {
            throw CommandFailure("\(failure) (\(db))")
        }
        print(json ? EntitlementsReport.json(result.schedule) : EntitlementsReport.table(result), terminator: "")
    }
}

/// The two renderings of a schedule: JSON for other systems, a table for people.
enum EntitlementsReport {
    static func json(_ schedule: EntitlementSchedule) -> String { schedule.jsonText() }

    static func table(_ result: CaseEntitlements.Result) -> String {
        let (schedule, record) = (result.schedule, result.injuryCase)
        var out = "案件 case \(record.caseID)  事故日期 \(record.accidentDate.iso)  统筹地区 \(record.regionCode)"
        out += "  本人工资(封顶保底后) own wage, bounded: \(schedule.boundedOwnWage.yuanString) 元\n"
        if let month = schedule.month {
            out += "按月待遇所属月份 month of the monthly items: \(month.iso)\(result.day == nil ? "（首月 first month）" : "")\n"
        }
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
        for (dependant, reason) in result.dependants {
            let state = reason.map { "不符合供养条件 not eligible: \($0)" } ?? "符合供养条件 eligible"
            out += "供养亲属 dependant \(dependant.dependentID.masked) \(dependant.relation.chineseName): \(state)\n"
        }
        return out
    }
}
