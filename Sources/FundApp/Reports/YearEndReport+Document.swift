import FundModel
import Screening

extension YearEndReport {
    /// The title the page, the .docx and the file names use.
    public var title: String { "\(provinceName)\(year)年度工伤保险基金监管工作情况报告" }

    /// The report as a document (its eight sections in order), for the page, the .docx and the .xlsx.
    public func document() -> ReportDocument {
        ReportDocument(
            title: title,
            preamble: [
                "依据人社厅函〔2022〕85号，报人力资源社会保障部工伤保险司。",
                "编制日期：\(drawnUp.iso)（数据截至编制之日）。金额单位：元。",
            ],
            sections: [
                fundDocument(), spendingDocument(), itemListDocument(), determinationDocument(),
                assessmentDocument(), inspectionDocument(), screeningDocument(), riskPointDocument(),
                indicatorDocument(),
            ])
    }

    func fundDocument() -> ReportDocument.Section {
        func row(_ line: FundLine) -> [ReportDocument.Cell] {
            [
                .text(line.region.name), .money(line.revenue), .money(line.benefit), .money(line.prevention),
                .money(line.assessment), .money(line.other), .money(line.expenditure), .money(line.balance),
                .text(line.monthsOfBalanceTenths.map { "\($0 / 10).\($0 % 10)" } ?? "—"), .count(line.months),
            ]
        }
        let rows = fund.cities.map(row) + [row(fund.province)]
        return ReportDocument.Section(
            heading: "一、基金收支及结余",
            blocks: [
                .table(
                    ReportDocument.Table(
                        name: "基金收支",
                        head: ["地区", "基金收入", "待遇支出", "工伤预防费", "劳动能力鉴定费", "其他支出", "支出合计", "年末结余", "可支付月数", "有数据月数"],
                        rows: rows, totalRows: [rows.count - 1]))
            ], source: fund.source)
    }

    func spendingDocument() -> ReportDocument.Section {
        var rows = spending.items.map { line -> [ReportDocument.Cell] in
            [.text(line.itemName), .text(line.itemCode)] + line.byCity.map { .money($0) } + [
                .money(line.total), .count(line.count),
            ]
        }
        rows.append(
            [.text("合计"), .text("")]
                + spending.cities.indices.map { index in
                    .money(spending.items.reduce(.zero) { $0 + $1.byCity[index] })
                } + [.money(spending.total), .count(spending.items.reduce(0) { $0 + $1.count })])
        let medical = spending.medicalDirect + spending.medicalReimbursed
        let share =
            medical.fen > 0
            ? "医疗费中直接结算 \(spending.medicalDirect.groupedYuanString) 元、手工报销 \(spending.medicalReimbursed.groupedYuanString) 元，直接结算占 \(OnTimeShare.percent(spending.medicalDirect.fen, of: medical.fen))。"
            : "当年无医疗费支出。"
        return ReportDocument.Section(
            heading: "二、待遇支出（按项目和地市）",
            blocks: [
                .table(
                    ReportDocument.Table(
                        name: "待遇支出",
                        head: ["项目", "代码"] + spending.cities.map(\.name) + ["合计", "笔数"], rows: rows,
                        totalRows: [rows.count - 1])),
                .paragraph(share),
            ], source: spending.source)
    }

    func itemListDocument() -> ReportDocument.Section {
        var blocks: [ReportDocument.Block] = []
        if itemList.provincialItems.isEmpty {
            blocks.append(.paragraph("本省未在国家清单外增设项目。"))
        } else {
            let selfMade = itemList.provincialItems.filter(\.isSelfMade)
            blocks.append(
                .paragraph(
                    "本省在国家清单外增设项目 \(itemList.provincialItems.count) 项，其中无政策依据（自行制定）\(selfMade.count) 项\(selfMade.isEmpty ? "" : "：" + selfMade.map { "\($0.name)（\($0.code)）" }.joined(separator: "、") + "，应予清理")。"
                ))
            blocks.append(
                .table(
                    ReportDocument.Table(
                        name: "省定项目", head: ["代码", "名称", "依据", "状态"],
                        rows: itemList.provincialItems.map {
                            [.text($0.code), .text($0.name), .text($0.basisText), .text($0.status.chineseName)]
                        })))
        }
        if !itemList.retiredNationalItems.isEmpty {
            blocks.append(
                .paragraph(
                    "已停用的国家项目："
                        + itemList.retiredNationalItems.map { "\($0.name)（\($0.code)）" }.joined(separator: "、") + "。"))
        }
        blocks.append(
            .paragraph(
                "当年筛查发现清单外支出（R01）疑点 \(itemList.offListFindings) 条，涉及金额 \(itemList.offListAmount.groupedYuanString) 元，已核实违规 \(itemList.offListConfirmed) 条。"
            ))
        return ReportDocument.Section(heading: "三、待遇项目清单及清理情况", blocks: blocks, source: itemList.source)
    }

    func determinationDocument() -> ReportDocument.Section {
        func row(_ line: DeterminationLine) -> [ReportDocument.Cell] {
            [.text(line.region.name)]
                + [
                    line.applied, line.decided, line.recognized, line.notRecognized, line.fatal, line.onTime, line.late,
                    line.overduePending,
                ].map { .count($0) } + [.text(line.onTimeRate.percentText)]
        }
        let rows = determinations.cities.map(row) + [row(determinations.province)]
        return ReportDocument.Section(
            heading: "四、工伤认定",
            blocks: [
                .table(
                    ReportDocument.Table(
                        name: "工伤认定",
                        head: ["地区", "申请", "作出决定", "认定（视同）工伤", "不予认定", "工亡", "按时", "超时", "逾期未决", "按时办结率"],
                        rows: rows, totalRows: [rows.count - 1]))
            ], source: determinations.source)
    }

    func assessmentDocument() -> ReportDocument.Section {
        func row(_ line: AssessmentLine) -> [ReportDocument.Cell] {
            [.text(line.region.name)]
                + [
                    line.applied, line.concluded, line.grades1to4, line.grades5to6, line.grades7to10, line.noGrade,
                    line.reviews,
                ].map { .count($0) }
        }
        let rows = assessments.cities.map(row) + [row(assessments.province)]
        return ReportDocument.Section(
            heading: "五、劳动能力鉴定",
            blocks: [
                .table(
                    ReportDocument.Table(
                        name: "劳动能力鉴定", head: ["地区", "申请", "作出结论", "一至四级", "五至六级", "七至十级", "未达级", "再次及复查鉴定"],
                        rows: rows, totalRows: [rows.count - 1]))
            ], source: assessments.source)
    }

    func inspectionDocument() -> ReportDocument.Section {
        let i = inspections
        return ReportDocument.Section(
            heading: "六、协议机构自查、抽查与整改",
            blocks: [
                .bullets([
                    "启动检查活动 \(i.campaigns) 次",
                    "应自查 \(i.selfInspectionsExpected) 家次，已提交自查报告 \(i.selfInspectionsSubmitted) 家次，自查发现不符合项 \(i.nonCompliantAnswers) 项",
                    "抽查 \(i.spotChecksPlanned) 家次，已完成 \(i.spotChecksDone) 家次，发现问题 \(i.problemsFound) 个，涉及金额 \(i.problemAmount.groupedYuanString) 元",
                    "下达整改 \(i.rectificationsOpened) 项，已整改完成 \(i.rectificationsClosed) 项",
                ])
            ], source: i.source)
    }

    func screeningDocument() -> ReportDocument.Section {
        let s = screening
        var blocks: [ReportDocument.Block] = [
            .bullets([
                "开展筛查 \(s.runs) 次，首次发现疑点 \(s.findings) 条，涉及金额 \(s.amountAtRiskTotal.groupedYuanString) 元",
                "已核查办结 \(s.concluded) 条（核查完成率 \(OnTimeShare(onTime: s.concluded, counted: s.findings).percentText)），认定违规 \(s.irregular) 条，认定欺诈骗保并移送公安 \(s.fraudReferrals) 条",
                "认定违规及欺诈金额 \(s.confirmed.groupedYuanString) 元，当年追回 \(s.recovered.groupedYuanString) 元",
                "登记罚款 \(s.fines.groupedYuanString) 元（条例第六十条：骗取金额 2 至 5 倍，即 \(s.fineLow.groupedYuanString) 至 \(s.fineHigh.groupedYuanString) 元）",
            ])
        ]
        if !s.rules.isEmpty {
            blocks.append(
                .table(
                    ReportDocument.Table(
                        name: "疑点按规则", head: ["规则", "名称", "疑点", "红色", "涉及金额", "核查正常", "违规", "欺诈", "认定金额"],
                        rows: s.rules.map {
                            [
                                .link(
                                    $0.ruleID, href: "/findings?rule=\($0.ruleID)&from=\(year)-01-01&to=\(year)-12-31"),
                                .text($0.name), .count($0.findings), .count($0.red),
                                .money($0.amountAtRisk), .count($0.cleared), .count($0.irregular), .count($0.fraud),
                                .money($0.confirmed),
                            ]
                        })))
        }
        blocks.append(
            .table(
                ReportDocument.Table(
                    name: "疑点按地市", head: ["地区", "疑点", "已办结", "认定金额", "当年追回"],
                    rows: s.cities.map {
                        [
                            .text($0.region.name), .count($0.findings), .count($0.concluded), .money($0.confirmed),
                            .money($0.recovered),
                        ]
                    })))
        return ReportDocument.Section(heading: "七、疑点筛查、核查、追回与欺诈骗保查处", blocks: blocks, source: s.source)
    }

    func riskPointDocument() -> ReportDocument.Section {
        let blocks: [ReportDocument.Block] =
            riskPoints.points.isEmpty
            ? [.paragraph("风险点清单为空。")]
            : [
                .table(
                    ReportDocument.Table(
                        name: "风险点", head: ["编号", "环节", "风险", "监控规则", "防控措施", "责任岗位"],
                        rows: riskPoints.points.map {
                            [
                                .text($0.riskPointID), .text($0.step.chineseName), .text($0.risk),
                                .text($0.rules.joined(separator: "、")), .text($0.controls), .text($0.owner),
                            ]
                        }))
            ]
        return ReportDocument.Section(heading: "八、风险点及防控措施", blocks: blocks, source: riskPoints.source)
    }
}

extension YearEndReport {
    func indicatorDocument() -> ReportDocument.Section {
        guard indicators.runID != nil else {
            return ReportDocument.Section(
                heading: "九、监控指标", blocks: [.paragraph("当年没有保存指标数据的筛查。")], source: indicators.source)
        }
        func row(_ line: IndicatorLine) -> [ReportDocument.Cell] {
            [.text(line.region.name)]
                + indicators.indicatorIDs.map { id in
                    let value = line.values[id].map(\.description) ?? "—"
                    return .text(line.levels[id].map { "\(value)（\($0.chineseName)）" } ?? value)
                } + [.count(line.warnings)]
        }
        var rows = indicators.cities.map(row)
        if let province = indicators.province { rows.append(row(province)) }
        let warned = indicators.cities.filter { $0.warnings > 0 }.map { "\($0.region.name) \($0.warnings) 项" }
        return ReportDocument.Section(
            heading: "九、监控指标",
            blocks: [
                .paragraph(
                    warned.isEmpty ? "各市指标均未达预警阈值。" : "达到预警阈值的指标：" + warned.joined(separator: "、") + "。"),
                .table(
                    ReportDocument.Table(
                        name: "监控指标", head: ["地区"] + indicators.indicatorIDs.map(Self.indicatorName) + ["预警项数"],
                        rows: rows, totalRows: indicators.province == nil ? [] : [rows.count - 1])),
            ], source: indicators.source)
    }

    static func indicatorName(_ id: String) -> String {
        "\(id) " + (RuleCatalog.spec(id)?.name ?? "")
    }
}

extension OnTimeShare {
    /// `part` of `whole` in percent with two decimals, rounded half up; `—` when `whole` is not positive.
    static func percent(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return "—" }
        let hundredths = (part * 20_000 + whole) / (2 * whole)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
