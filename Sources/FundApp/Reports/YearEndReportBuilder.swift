import Casework
import FundColumns
import FundModel
import FundRules
import FundStore
import Screening

extension YearEndReport {
    /// The years a report can be drawn up for.
    public static let years = 2000...2100

    /// Draws up the report of `year` from the store and its registers, as they stand on `drawnUp`.
    ///
    /// Reads only sums and small tables: the ledger, the regions, the item list, the cases and assessments (with
    /// the casework registers laid over them, as everywhere), the payment and finding sums of the year, the
    /// campaigns and the risk inventory. The payments themselves are never loaded.
    public static func make(year: Int, drawnUp: Day, store: SQLiteFundStore) throws -> YearEndReport {
        guard years.contains(year) else { throw YearEndReportError.yearOutOfRange(year) }
        let data = try store.loadScreeningData(tables: [
            .regions, .fundLedger, .benefitItems, .injuryCases, .assessments,
        ])
        let regions = ReportRegions(data.regions)
        let casework = Casework(store: store, today: { drawnUp })
        let lastDay = min(Day(year: year, month: 12, day: 31)!, drawnUp)
        let findings = try store.findingSums(year: year)
        return YearEndReport(
            year: year, provinceName: regions.province.name, drawnUp: drawnUp,
            fund: fundSection(year, data.fundLedger ?? [], regions),
            spending: spendingSection(year, try store.paymentSums(year: year), data.benefitItems ?? [], regions),
            itemList: itemListSection(data.benefitItems ?? [], findings),
            determinations: determinationSection(
                year, data.cases ?? [], try store.determinationTimingRows(asOf: lastDay), lastDay,
                try casework.determinations.workingCalendar(), regions),
            assessments: assessmentSection(year, data.assessments ?? [], regions),
            inspections: try inspectionSection(year, casework),
            screening: screeningSection(
                try store.screeningRunCount(year: year), findings, try store.recoveries(year: year), regions),
            riskPoints: RiskPointSection(
                points: try casework.riskInventory.activePoints().sorted { $0.riskPointID < $1.riskPointID },
                source: "风险点清单（现行有效的风险点及其防控措施、监控规则）"),
            indicators: try indicatorSection(year, store, regions))
    }

    // MARK: Sections

    /// The trailing-12-month figures stored by the year's last screening run (its reference month), per region.
    static func indicatorSection(_ year: Int, _ store: SQLiteFundStore, _ regions: ReportRegions) throws
        -> IndicatorSection
    {
        let ids = RuleCatalog.indicators.map(\.id).filter { $0 != "I09" }
        guard let run = try store.indicatorRuns(limit: 1_000).first(where: { $0.asOf.year == year }) else {
            return IndicatorSection(
                indicatorIDs: ids, cities: [], province: nil, runID: nil, periodEnd: nil,
                source: "\(year) 年内没有保存指标数据的筛查（指标随每次筛查保存）")
        }
        let rows = try store.indicatorReadings(
            IndicatorHistoryQuery(periodKind: .trailing12, runs: .run(run.runID), limit: 100_000)
        ).rows.map(\.reading)
        let end = rows.map(\.periodEnd).max()
        var lines = Dictionary(
            uniqueKeysWithValues: (regions.cities + [regions.province]).map {
                ($0.code, IndicatorLine(region: $0, values: [:], levels: [:]))
            })
        for reading in rows where reading.periodEnd == end {
            guard lines[reading.regionCode] != nil else { continue }
            if let value = reading.value { lines[reading.regionCode]!.values[reading.indicatorID] = value }
            if let level = reading.level { lines[reading.regionCode]!.levels[reading.indicatorID] = level }
        }
        return IndicatorSection(
            indicatorIDs: ids, cities: regions.cities.map { lines[$0.code]! }, province: lines[regions.province.code],
            runID: run.runID, periodEnd: end,
            source:
                "第 \(run.runID) 次筛查（筛查日期 \(run.asOf.iso)）保存的指标数据：截至 \(end.map { "\($0)" } ?? "—") 的近 12 个月，预警等级按当时适用的阈值"
        )
    }

    static func fundSection(_ year: Int, _ ledger: [FundLedgerEntry], _ regions: ReportRegions) -> FundSection {
        // Per region slot and month: a city's month is its own row plus its counties' rows.
        var cityMonths: [RegionCode: [Int: FundLedgerEntry]] = [:]
        var provinceMonths: [Int: FundLedgerEntry] = [:]
        for entry in ledger where entry.month.year == year {
            if entry.regionCode.impliedLevel == .province {
                provinceMonths[entry.month.month] = entry
            } else {
                cityMonths[entry.regionCode.city, default: [:]][entry.month.month, default: .zero].add(entry)
            }
        }
        func line(_ region: Region, _ months: [Int: FundLedgerEntry]) -> FundLine {
            var line = FundLine(
                region: region, revenue: .zero, benefit: .zero, prevention: .zero, assessment: .zero, other: .zero,
                balance: .zero, months: months.count)
            for (_, entry) in months {
                line.revenue = line.revenue + entry.revenue
                line.benefit = line.benefit + entry.benefitExpenditure
                line.prevention = line.prevention + entry.preventionExpenditure
                line.assessment = line.assessment + entry.assessmentExpenditure
                line.other = line.other + entry.otherExpenditure
            }
            line.balance = months.max { $0.key < $1.key }?.value.balance ?? .zero
            return line
        }
        let cities = regions.cities.map { line($0, cityMonths[$0.code] ?? [:]) }
        let province: FundLine
        let source: String
        if provinceMonths.isEmpty {
            var sum = line(regions.province, [:])
            for city in cities {
                sum.revenue = sum.revenue + city.revenue
                sum.benefit = sum.benefit + city.benefit
                sum.prevention = sum.prevention + city.prevention
                sum.assessment = sum.assessment + city.assessment
                sum.other = sum.other + city.other
                sum.balance = sum.balance + city.balance
            }
            sum.months = cities.filter { $0.months > 0 }.map(\.months).min() ?? 0
            province = sum
            source =
                "fund_ledger.csv：\(year) 年各月各行合计（市含所辖县区）；年末结余取各地当年最后一个有数据的月份；全省为各市之和（账中无全省汇总行）"
        } else {
            province = line(regions.province, provinceMonths)
            source =
                "fund_ledger.csv：\(year) 年各月各行合计（市含所辖县区）；年末结余取当年最后一个有数据的月份；全省取账中全省汇总行（\(regions.province.code.raw)）"
        }
        return FundSection(cities: cities, province: province, source: source)
    }

    static func spendingSection(
        _ year: Int, _ sums: [PaymentSum], _ itemRows: [BenefitItemRow], _ regions: ReportRegions
    ) -> SpendingSection {
        let items = ItemList(provincialRows: itemRows)
        let columns = regions.cities + [regions.province]
        let column = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.code, $0) })
        var lines: [String: SpendingLine] = [:]
        var direct = Money.zero
        var reimbursed = Money.zero
        for sum in sums {
            var line =
                lines[sum.itemCode]
                ?? SpendingLine(
                    itemCode: sum.itemCode, itemName: items.item(sum.itemCode)?.name ?? "清单外项目",
                    byCity: Array(repeating: .zero, count: columns.count), total: .zero, count: 0)
            let index = column[sum.city] ?? columns.count - 1
            line.byCity[index] = line.byCity[index] + sum.amount
            line.total = line.total + sum.amount
            line.count += sum.count
            lines[sum.itemCode] = line
            if sum.itemCode == ItemCode.med {
                if sum.channel == "direct" { direct = direct + sum.amount }
                if sum.channel == "reimbursement" { reimbursed = reimbursed + sum.amount }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: items.items.enumerated().map { ($1.code, $0) })
        let sorted = lines.values.sorted {
            (order[$0.itemCode] ?? Int.max, $0.itemCode) < (order[$1.itemCode] ?? Int.max, $1.itemCode)
        }
        return SpendingSection(
            cities: columns, items: sorted, total: sorted.reduce(.zero) { $0 + $1.total }, medicalDirect: direct,
            medicalReimbursed: reimbursed,
            source:
                "payments.csv：支付日期在 \(year) 年内的全部支出（含冲正负数，为净额），按项目与地市汇总；最后一列为省本级")
    }

    static func itemListSection(_ itemRows: [BenefitItemRow], _ findings: [FindingSum]) -> ItemListSection {
        let items = ItemList(provincialRows: itemRows)
        let offList = findings.filter { $0.ruleID == "R01" }
        return ItemListSection(
            provincialItems: items.provincialAdditions, retiredNationalItems: items.retiredNationalItems,
            offListFindings: offList.reduce(0) { $0 + $1.count },
            offListAmount: offList.reduce(.zero) { $0 + $1.amountAtRisk },
            offListConfirmed: offList.reduce(0) { $0 + $1.irregular + $1.fraud },
            source: "benefit_items.csv（省定项目与停用的国家项目）；疑点登记中当年首次发现的 R01 清单外支出及其核查结论")
    }

    static func determinationSection(
        _ year: Int, _ cases: [InjuryCase], _ timing: [DeterminationTimingRow], _ lastDay: Day,
        _ calendar: WorkingCalendar, _ regions: ReportRegions
    ) -> DeterminationSection {
        let registered = Dictionary(timing.map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = Dictionary(
            uniqueKeysWithValues: (regions.cities + [regions.province]).map {
                ($0.code, DeterminationLine.empty($0))
            })
        var seen = Set<String>()
        for record in cases where seen.insert(record.caseID).inserted {
            let key = lines[record.regionCode.city] != nil ? record.regionCode.city : regions.province.code
            var line = lines[key]!
            if record.appliedDate?.year == year { line.applied += 1 }
            if let decided = record.decidedDate, decided.year == year, decided <= lastDay,
                record.decision != .pending && record.decision != .suspended
            {
                line.decided += 1
                if record.decision.entitlesBenefits { line.recognized += 1 } else { line.notRecognized += 1 }
                if record.fatal { line.fatal += 1 }
            }
            // I07's counting (DeterminationTimeliness): the register's clock when it holds the case, with its
            // suspensions; else the imported dates, a decided case only.
            let row =
                registered[record.caseID]
                ?? (record.decidedDate == nil
                    ? nil
                    : DeterminationTimingRow(
                        caseID: record.caseID, regionCode: record.regionCode, acceptedDate: record.acceptedDate,
                        decidedDate: record.decidedDate))
            if let row {
                let timeliness = DeterminationTimeliness(row, asOf: lastDay, calendar: calendar)
                if let day = timeliness.countedOn, day.year == year {
                    switch timeliness {
                    case .onTime: line.onTime += 1
                    case .late: line.late += 1
                    case .overduePending: line.overduePending += 1
                    case .notCounted: break
                    }
                }
            }
            lines[key] = line
        }
        let cities = regions.cities.map { lines[$0.code]! }
        var province = lines[regions.province.code]!
        for city in cities { province.add(city) }
        return DeterminationSection(
            cities: cities, province: province,
            source:
                "injury_cases.csv 与工伤认定台账（台账中的案件以台账为准）：申请日期、认定决定日期在 \(year) 年内的案件；按时办结率同 I07：受理后 60 日内作出决定（扣除中止时间，末日遇节假日顺延），逾期未决计为未按时"
        )
    }

    static func assessmentSection(_ year: Int, _ assessments: [Assessment], _ regions: ReportRegions)
        -> AssessmentSection
    {
        var lines = Dictionary(
            uniqueKeysWithValues: (regions.cities + [regions.province]).map {
                ($0.code, AssessmentLine.empty($0))
            })
        var seen = Set<String>()
        for record in assessments where seen.insert(record.assessmentID).inserted {
            let key = lines[record.regionCode.city] != nil ? record.regionCode.city : regions.province.code
            var line = lines[key]!
            if record.appliedDate?.year == year { line.applied += 1 }
            if let concluded = record.concludedDate, concluded.year == year {
                line.concluded += 1
                if record.kind != .initial {
                    line.reviews += 1
                } else {
                    switch record.grade {
                    case .some(1...4): line.grades1to4 += 1
                    case .some(5...6): line.grades5to6 += 1
                    case .some(7...10): line.grades7to10 += 1
                    default: line.noGrade += 1
                    }
                }
            }
            lines[key] = line
        }
        let cities = regions.cities.map { lines[$0.code]! }
        var province = lines[regions.province.code]!
        for city in cities { province.add(city) }
        return AssessmentSection(
            cities: cities, province: province,
            source: "assessments.csv 与劳动能力鉴定台账：申请日期、鉴定结论日期在 \(year) 年内的鉴定；等级分布为初次鉴定")
    }

    static func inspectionSection(_ year: Int, _ casework: Casework) throws -> InspectionSection {
        var section = InspectionSection(
            campaigns: 0, selfInspectionsExpected: 0, selfInspectionsSubmitted: 0, nonCompliantAnswers: 0,
            spotChecksPlanned: 0, spotChecksDone: 0, problemsFound: 0, problemAmount: .zero, rectificationsOpened: 0,
            rectificationsClosed: 0,
            source: "协议机构自查与抽查台账：\(year) 年内启动的检查活动，其自查、抽查与整改")
        for campaign in try casework.campaigns.campaigns() where campaign.opened.day.year == year {
            section.campaigns += 1
            section.selfInspectionsExpected += campaign.institutionIDs.count
            for inspection in try casework.campaigns.selfInspections(campaignID: campaign.campaignID) {
                if inspection.state == .submitted { section.selfInspectionsSubmitted += 1 }
                section.nonCompliantAnswers += inspection.answers.filter { $0.result == .nonCompliant }.count
            }
            for check in try casework.campaigns.spotChecks(campaignID: campaign.campaignID) {
                section.spotChecksPlanned += 1
                if check.state == .checked { section.spotChecksDone += 1 }
                section.problemsFound += check.problems.count
                section.problemAmount = check.problems.reduce(section.problemAmount) { $0 + $1.amount }
            }
            for rectification in try casework.campaigns.rectifications(campaignID: campaign.campaignID) {
                section.rectificationsOpened += 1
                if rectification.state == .closed { section.rectificationsClosed += 1 }
            }
        }
        return section
    }

    static func screeningSection(
        _ runs: Int, _ findings: [FindingSum], _ recoveries: [RegionCode: Money], _ regions: ReportRegions
    ) -> ScreeningSection {
        var rules: [String: RuleLine] = [:]
        var cities = Dictionary(
            uniqueKeysWithValues: (regions.cities + [regions.province]).map {
                ($0.code, CityScreeningLine(region: $0, findings: 0, concluded: 0, confirmed: .zero, recovered: .zero))
            })
        var fraudAmount = Money.zero
        var fines = Money.zero
        for sum in findings {
            var rule =
                rules[sum.ruleID]
                ?? RuleLine(
                    ruleID: sum.ruleID, name: RuleCatalog.spec(sum.ruleID)?.name ?? sum.ruleID, findings: 0, red: 0,
                    amountAtRisk: .zero, cleared: 0, irregular: 0, fraud: 0, confirmed: .zero)
            rule.findings += sum.count
            if sum.severity == .red { rule.red += sum.count }
            rule.amountAtRisk = rule.amountAtRisk + sum.amountAtRisk
            rule.cleared += sum.cleared
            rule.irregular += sum.irregular
            rule.fraud += sum.fraud
            rule.confirmed = rule.confirmed + sum.confirmed
            rules[sum.ruleID] = rule
            let key = cities[sum.city] != nil ? sum.city : regions.province.code
            cities[key]!.findings += sum.count
            cities[key]!.concluded += sum.cleared + sum.irregular + sum.fraud
            cities[key]!.confirmed = cities[key]!.confirmed + sum.confirmed
            fraudAmount = fraudAmount + sum.confirmedFraud
            fines = fines + sum.fines
        }
        for (city, amount) in recoveries {
            let key = cities[city] != nil ? city : regions.province.code
            cities[key]!.recovered = cities[key]!.recovered + amount
        }
        let ruleLines = rules.values.sorted {
            (RuleCatalog.order[$0.ruleID] ?? Int.max) < (RuleCatalog.order[$1.ruleID] ?? Int.max)
        }
        let cityLines = (regions.cities + [regions.province]).map { cities[$0.code]! }
        return ScreeningSection(
            runs: runs, rules: ruleLines, cities: cityLines, findings: ruleLines.reduce(0) { $0 + $1.findings },
            amountAtRiskTotal: ruleLines.reduce(.zero) { $0 + $1.amountAtRisk },
            concluded: ruleLines.reduce(0) { $0 + $1.cleared + $1.irregular + $1.fraud },
            irregular: ruleLines.reduce(0) { $0 + $1.irregular }, fraudReferrals: ruleLines.reduce(0) { $0 + $1.fraud },
            confirmed: ruleLines.reduce(.zero) { $0 + $1.confirmed }, recovered: recoveries.values.reduce(.zero, +),
            fines: fines, fineLow: Money(fen: fraudAmount.fen * 2), fineHigh: Money(fen: fraudAmount.fen * 5),
            source:
                "疑点登记：筛查日期在当年内的筛查首次发现的疑点，按规则、预警等级与地市汇总，核查结论取首个核查正常/违规/欺诈步骤；追回金额为当年（北京时间）登记的追回步骤；罚款为欺诈认定时登记的罚款，法定区间按条例第六十条以欺诈认定金额的 2 至 5 倍计"
        )
    }
}

/// Why a report cannot be drawn up.
public enum YearEndReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case yearOutOfRange(Int)

    public var description: String {
        switch self {
        case .yearOutOfRange(let year):
            "年份 \(year) 不在 \(YearEndReport.years.lowerBound)–\(YearEndReport.years.upperBound) 之间"
        }
    }
}

extension YearEndReport.DeterminationLine {
    static func empty(_ region: YearEndReport.Region) -> Self {
        Self(
            region: region, applied: 0, decided: 0, recognized: 0, notRecognized: 0, fatal: 0, onTime: 0, late: 0,
            overduePending: 0)
    }

    mutating func add(_ other: Self) {
        applied += other.applied
        decided += other.decided
        recognized += other.recognized
        notRecognized += other.notRecognized
        fatal += other.fatal
        onTime += other.onTime
        late += other.late
        overduePending += other.overduePending
    }
}

extension YearEndReport.AssessmentLine {
    static func empty(_ region: YearEndReport.Region) -> Self {
        Self(
            region: region, applied: 0, concluded: 0, grades1to4: 0, grades5to6: 0, grades7to10: 0, noGrade: 0,
            reviews: 0)
    }

    mutating func add(_ other: Self) {
        applied += other.applied
        concluded += other.concluded
        grades1to4 += other.grades1to4
        grades5to6 += other.grades5to6
        grades7to10 += other.grades7to10
        noGrade += other.noGrade
        reviews += other.reviews
    }
}

extension FundLedgerEntry {
    static var zero: FundLedgerEntry {
        FundLedgerEntry(
            regionCode: RegionCode("000000")!, month: YearMonth(year: 2000, month: 1)!, revenue: .zero,
            benefitExpenditure: .zero, preventionExpenditure: .zero, assessmentExpenditure: .zero,
            otherExpenditure: .zero, balance: .zero)
    }

    mutating func add(_ other: FundLedgerEntry) {
        revenue = revenue + other.revenue
        benefitExpenditure = benefitExpenditure + other.benefitExpenditure
        preventionExpenditure = preventionExpenditure + other.preventionExpenditure
        assessmentExpenditure = assessmentExpenditure + other.assessmentExpenditure
        otherExpenditure = otherExpenditure + other.otherExpenditure
        balance = balance + other.balance
    }
}

/// The province and its cities, by code, from regions.csv (a region the file lacks is named by its code).
struct ReportRegions {
    var province: YearEndReport.Region
    var cities: [YearEndReport.Region]

    init(_ regions: [Region]) {
        let provinceRow = regions.first { $0.level == .province }
        let provinceCode =
            provinceRow?.code ?? regions.first.map { RegionCode(String($0.code.raw.prefix(2)) + "0000")! }
        province = YearEndReport.Region(
            code: provinceCode ?? RegionCode("000000")!, name: provinceRow?.name ?? "全省")
        cities = regions.filter { $0.level == .city }.sorted { $0.code < $1.code }.map {
            YearEndReport.Region(code: $0.code, name: $0.name)
        }
    }
}
