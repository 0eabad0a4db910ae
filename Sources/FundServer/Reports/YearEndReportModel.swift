import FundApp
import FundModel
import FundRules

/// The year-end report as the template shows it: money as yuan text, shares as percent text, charts as SVG.
struct YearEndReportModel {
    struct Cell {
        var text: String
    }
    struct FundRow {
        var name: String
        var revenue: String
        var benefit: String
        var prevention: String
        var assessment: String
        var other: String
        var expenditure: String
        var balance: String
        var monthsOfBalance: String
        var months: Int
        var isTotal: Bool
    }
    struct SpendingRow {
        var code: String
        var name: String
        var cells: [Cell]
        var total: String
        var count: Int
    }
    struct ClockRow {
        var name: String
        var cells: [Cell]
        var isTotal: Bool
    }
    struct ItemRow {
        var code: String
        var name: String
        var basis: String
        var status: String
        var selfMade: Bool
    }
    struct RuleRow {
        var id: String
        var name: String
        var findings: Int
        var red: Int
        var amount: String
        var cleared: Int
        var irregular: Int
        var fraud: Int
        var confirmed: String
        var href: String
    }
    struct RiskRow {
        var id: String
        var step: String
        var risk: String
        var rules: String
        var controls: String
        var owner: String
    }

    var year: Int
    var previousYear: Int
    var nextYear: Int
    var provinceName: String
    var drawnUp: String
    var fundRows: [FundRow]
    var fundSource: String
    var fundChart: String
    var spendingHeads: [Cell]
    var spendingRows: [SpendingRow]
    var spendingTotal: String
    var hasSpending: Bool
    var spendingChart: String
    var directShare: String
    var spendingSource: String
    var items: [ItemRow]
    var hasItems: Bool
    var retired: [ItemRow]
    var hasRetired: Bool
    var offList: String
    var itemSource: String
    var determinationHeads: [Cell]
    var determinationRows: [ClockRow]
    var determinationSource: String
    var assessmentHeads: [Cell]
    var assessmentRows: [ClockRow]
    var assessmentSource: String
    var inspectionLines: [Cell]
    var inspectionSource: String
    var runs: Int
    var ruleRows: [RuleRow]
    var hasRules: Bool
    var screeningLines: [Cell]
    var cityScreeningRows: [ClockRow]
    var screeningSource: String
    var risks: [RiskRow]
    var hasRisks: Bool
    var riskSource: String

    init(_ report: YearEndReport) {
        year = report.year
        previousYear = report.year - 1
        nextYear = report.year + 1
        provinceName = report.provinceName
        drawnUp = report.drawnUp.iso
        func yuan(_ money: Money) -> String { Formatting.yuan(money) }
        func fundRow(_ line: YearEndReport.FundLine, total: Bool) -> FundRow {
            FundRow(
                name: line.region.name, revenue: yuan(line.revenue), benefit: yuan(line.benefit),
                prevention: yuan(line.prevention), assessment: yuan(line.assessment), other: yuan(line.other),
                expenditure: yuan(line.expenditure), balance: yuan(line.balance),
                monthsOfBalance: line.monthsOfBalanceTenths.map { "\($0 / 10).\($0 % 10)" } ?? "—",
                months: line.months, isTotal: total)
        }
        fundRows = report.fund.cities.map { fundRow($0, total: false) } + [fundRow(report.fund.province, total: true)]
        fundSource = report.fund.source
        fundChart = Charts.bars(
            report.fund.cities.map {
                Charts.Bar(label: $0.region.name, value: Int($0.expenditure.fen / 100), color: "#2b6cb0", href: nil)
            }, label: "各市基金支出（元）")

        let spending = report.spending
        spendingHeads = spending.cities.map { Cell(text: $0.name) }
        spendingRows = spending.items.map { line in
            SpendingRow(
                code: line.itemCode, name: line.itemName, cells: line.byCity.map { Cell(text: yuan($0)) },
                total: yuan(line.total), count: line.count)
        }
        spendingTotal = yuan(spending.total)
        hasSpending = !spending.items.isEmpty
        spendingChart = Charts.bars(
            spending.items.prefix(10).map {
                Charts.Bar(label: $0.itemName, value: Int($0.total.fen / 100), color: "#2f855a", href: nil)
            }, label: "按项目的待遇支出（元）")
        let medical = spending.medicalDirect.fen + spending.medicalReimbursed.fen
        directShare =
            medical > 0
            ? "医疗费中直接结算 \(yuan(spending.medicalDirect)) 元、手工报销 \(yuan(spending.medicalReimbursed)) 元，直接结算占 \(Formatting.percent(Int(spending.medicalDirect.fen / 100), of: Int(medical / 100)))"
            : "当年无医疗费支出。"
        spendingSource = spending.source

        func itemRow(_ item: BenefitItemView) -> ItemRow {
            ItemRow(
                code: item.code, name: item.name, basis: item.basis, status: item.status, selfMade: item.selfMade)
        }
        items = report.itemList.provincialItems.map { itemRow(BenefitItemView($0)) }
        hasItems = !items.isEmpty
        retired = report.itemList.retiredNationalItems.map { itemRow(BenefitItemView($0)) }
        hasRetired = !retired.isEmpty
        offList =
            "当年筛查发现清单外支出（R01）疑点 \(report.itemList.offListFindings) 条，涉及金额 \(yuan(report.itemList.offListAmount)) 元，已核实违规 \(report.itemList.offListConfirmed) 条。"
        itemSource = report.itemList.source

        determinationHeads = ["申请", "作出决定", "认定（视同）工伤", "不予认定", "工亡", "按时", "超时", "逾期未决", "按时办结率"].map {
            Cell(text: $0)
        }
        func determinationRow(_ line: YearEndReport.DeterminationLine, total: Bool) -> ClockRow {
            ClockRow(
                name: line.region.name,
                cells: [
                    line.applied, line.decided, line.recognized, line.notRecognized, line.fatal, line.onTime, line.late,
                    line.overduePending,
                ].map { Cell(text: String($0)) } + [Cell(text: line.onTimeRate.percentText)], isTotal: total)
        }
        determinationRows =
            report.determinations.cities.map { determinationRow($0, total: false) }
            + [determinationRow(report.determinations.province, total: true)]
        determinationSource = report.determinations.source

        assessmentHeads = ["申请", "作出结论", "一至四级", "五至六级", "七至十级", "未达级", "再次及复查鉴定"].map { Cell(text: $0) }
        func assessmentRow(_ line: YearEndReport.AssessmentLine, total: Bool) -> ClockRow {
            ClockRow(
                name: line.region.name,
                cells: [
                    line.applied, line.concluded, line.grades1to4, line.grades5to6, line.grades7to10, line.noGrade,
                    line.reviews,
                ].map { Cell(text: String($0)) }, isTotal: total)
        }
        assessmentRows =
            report.assessments.cities.map { assessmentRow($0, total: false) }
            + [assessmentRow(report.assessments.province, total: true)]
        assessmentSource = report.assessments.source

        let inspections = report.inspections
        inspectionLines = [
            "启动检查活动 \(inspections.campaigns) 次",
            "应自查 \(inspections.selfInspectionsExpected) 家次，已提交自查报告 \(inspections.selfInspectionsSubmitted) 家次，自查发现不符合项 \(inspections.nonCompliantAnswers) 项",
            "抽查 \(inspections.spotChecksPlanned) 家次，已完成 \(inspections.spotChecksDone) 家次，发现问题 \(inspections.problemsFound) 个，涉及金额 \(yuan(inspections.problemAmount)) 元",
            "下达整改 \(inspections.rectificationsOpened) 项，已整改完成 \(inspections.rectificationsClosed) 项",
        ].map { Cell(text: $0) }
        inspectionSource = inspections.source

        let screening = report.screening
        runs = screening.runs
        ruleRows = screening.rules.map { line in
            RuleRow(
                id: line.ruleID, name: line.name, findings: line.findings, red: line.red,
                amount: yuan(line.amountAtRisk), cleared: line.cleared, irregular: line.irregular, fraud: line.fraud,
                confirmed: yuan(line.confirmed),
                href: "/findings?rule=\(line.ruleID)&from=\(report.year)-01-01&to=\(report.year)-12-31")
        }
        hasRules = !ruleRows.isEmpty
        screeningLines = [
            "开展筛查 \(screening.runs) 次，首次发现疑点 \(screening.findings) 条，涉及金额 \(yuan(screening.amountAtRiskTotal)) 元",
            "已核查办结 \(screening.concluded) 条（核查完成率 \(Formatting.percent(screening.concluded, of: screening.findings))），认定违规 \(screening.irregular) 条，认定欺诈骗保并移送公安 \(screening.fraudReferrals) 条",
            "认定违规及欺诈金额 \(yuan(screening.confirmed)) 元，当年追回 \(yuan(screening.recovered)) 元",
            "登记罚款 \(yuan(screening.fines)) 元（条例第六十条：骗取金额 2 至 5 倍，即 \(yuan(screening.fineLow)) 至 \(yuan(screening.fineHigh)) 元）",
        ].map { Cell(text: $0) }
        cityScreeningRows = screening.cities.map { line in
            ClockRow(
                name: line.region.name,
                cells: [
                    String(line.findings), String(line.concluded), yuan(line.confirmed), yuan(line.recovered),
                ].map { Cell(text: $0) }, isTotal: false)
        }
        screeningSource = screening.source

        risks = report.riskPoints.points.map { point in
            RiskRow(
                id: point.riskPointID, step: point.step.chineseName, risk: point.risk,
                rules: point.rules.joined(separator: "、"), controls: point.controls, owner: point.owner)
        }
        hasRisks = !risks.isEmpty
        riskSource = report.riskPoints.source
    }
}

/// An item of the list as the report shows it.
struct BenefitItemView {
    var code: String
    var name: String
    var basis: String
    var status: String
    var selfMade: Bool

    init(_ item: BenefitItem) {
        code = item.code
        name = item.name
        basis = item.basisText
        status = item.status.chineseName
        selfMade = item.isSelfMade
    }
}
