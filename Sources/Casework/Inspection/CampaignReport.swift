import FundModel

/// The self-inspection report of a campaign (自查报告) and its risk list (风险清单), as data and as CSV.
public struct CampaignReport: Sendable, Hashable {
    /// How the institutions answered one checklist item.
    public struct ItemTally: Sendable, Hashable {
        public var item: ChecklistItem
        public var compliant: Int
        public var nonCompliant: Int
        public var notApplicable: Int
        public var unanswered: Int
    }

    /// One institution's line.
    public struct InstitutionLine: Sendable, Hashable {
        public var institutionID: String
        public var name: String
        public var regionCode: RegionCode
        public var selfInspection: SelfInspectionState
        public var submittedDay: Day?
        public var submittedLate: Bool
        public var nonCompliant: Int
        public var risks: Int
        /// `nil` when not drawn for a spot check.
        public var spotCheck: SpotCheckState?
        public var problems: Int
        public var problemAmount: Money
        public var rectificationsOpen: Int
        public var rectificationsClosed: Int
        public var rectificationsOverdue: Int
    }

    /// A line of the risk list.
    public struct RiskLine: Sendable, Hashable {
        /// 自查 / 抽查 / 整改.
        public var source: String
        public var institutionID: String
        public var institutionName: String
        public var regionCode: RegionCode
        /// The checklist item or inventory risk point it concerns, if any.
        public var reference: String
        public var description: String
        /// The measure, or the rectification's owner and deadline.
        public var measure: String
        public var status: String
    }

    public var campaign: InspectionCampaign
    public var asOf: Day
    public var items: [ItemTally]
    public var lines: [InstitutionLine]
    public var risks: [RiskLine]

    public var submitted: Int { lines.filter { $0.selfInspection == .submitted }.count }
    public var submittedLate: Int { lines.filter(\.submittedLate).count }
    public var spotChecked: Int { lines.filter { $0.spotCheck == .checked }.count }
    public var spotCheckDrawn: Int { lines.filter { $0.spotCheck != nil }.count }
    public var problems: Int { lines.reduce(0) { $0 + $1.problems } }
    public var problemAmount: Money { lines.reduce(Money(fen: 0)) { $0 + $1.problemAmount } }
    public var rectificationsOpen: Int { lines.reduce(0) { $0 + $1.rectificationsOpen } }
    public var rectificationsClosed: Int { lines.reduce(0) { $0 + $1.rectificationsClosed } }
    public var rectificationsOverdue: Int { lines.reduce(0) { $0 + $1.rectificationsOverdue } }

    public init(
        campaign: InspectionCampaign, institutions: [Institution], inspections: [SelfInspection], checks: [SpotCheck],
        rectifications: [Rectification], asOf: Day
    ) {
        self.campaign = campaign
        self.asOf = asOf
        let names = Dictionary(institutions.map { ($0.institutionID, $0.name) }, uniquingKeysWith: { a, _ in a })
        let inspectionByID = Dictionary(inspections.map { ($0.institutionID, $0) }, uniquingKeysWith: { a, _ in a })
        let checkByID = Dictionary(checks.map { ($0.institutionID, $0) }, uniquingKeysWith: { a, _ in a })
        let rectificationsByID = Dictionary(grouping: rectifications, by: \.institutionID)

        items = campaign.checklist.map { item in
            var tally = ItemTally(item: item, compliant: 0, nonCompliant: 0, notApplicable: 0, unanswered: 0)
            for id in campaign.institutionIDs {
                switch inspectionByID[id]?.answers.first(where: { $0.itemID == item.itemID })?.result {
                case .compliant: tally.compliant += 1
                case .nonCompliant: tally.nonCompliant += 1
                case .notApplicable: tally.notApplicable += 1
                case nil: tally.unanswered += 1
                }
            }
            return tally
        }

        var lines: [InstitutionLine] = []
        var risks: [RiskLine] = []
        for id in campaign.institutionIDs {
            let inspection = inspectionByID[id]
            let check = checkByID[id]
            let items = rectificationsByID[id] ?? []
            let region = inspection?.regionCode ?? campaign.regionCode
            let name = names[id] ?? ""
            let submittedDay = inspection?.submitted?.day
            lines.append(
                InstitutionLine(
                    institutionID: id, name: name, regionCode: region,
                    selfInspection: inspection?.state ?? .pending, submittedDay: submittedDay,
                    submittedLate: submittedDay.map { $0 > campaign.selfInspectionDue } ?? false,
                    nonCompliant: inspection?.answers.filter { $0.result == .nonCompliant }.count ?? 0,
                    risks: inspection?.risks.count ?? 0, spotCheck: check?.state, problems: check?.problems.count ?? 0,
                    problemAmount: check?.problems.reduce(Money(fen: 0)) { $0 + $1.amount } ?? Money(fen: 0),
                    rectificationsOpen: items.filter { $0.state == .open }.count,
                    rectificationsClosed: items.filter { $0.state == .closed }.count,
                    rectificationsOverdue: items.filter { $0.isOverdue(asOf: asOf) }.count))

            let selfStatus = inspection?.state == .submitted ? "已报告" : "自查中"
            for answer in inspection?.answers ?? [] where answer.result == .nonCompliant {
                risks.append(
                    RiskLine(
                        source: "自查", institutionID: id, institutionName: name, regionCode: region,
                        reference: answer.itemID, description: answer.note, measure: "", status: selfStatus))
            }
            for risk in inspection?.risks ?? [] {
                risks.append(
                    RiskLine(
                        source: "自查", institutionID: id, institutionName: name, regionCode: region,
                        reference: risk.riskPointID ?? "", description: risk.description, measure: risk.measure,
                        status: selfStatus))
            }
            let answered = Set(items.compactMap(\.problemID))
            for problem in check?.problems ?? [] where !answered.contains(problem.problemID) {
                risks.append(
                    RiskLine(
                        source: "抽查", institutionID: id, institutionName: name, regionCode: region,
                        reference: problem.itemID ?? "", description: problem.description, measure: "",
                        status: "待提出整改"))
            }
            for item in items {
                let problem = item.problemID.flatMap { p in check?.problems.first { $0.problemID == p } }
                let status: String
                if item.state == .closed {
                    status = RectificationState.closed.chineseName
                } else {
                    status = item.isOverdue(asOf: asOf) ? "逾期未整改" : RectificationState.open.chineseName
                }
                risks.append(
                    RiskLine(
                        source: "整改", institutionID: id, institutionName: name, regionCode: region,
                        reference: problem?.itemID ?? "", description: item.description,
                        measure: "责任人 \(item.owner)，\(item.deadline.iso) 前完成", status: status))
            }
        }
        self.lines = lines
        self.risks = risks
    }

    /// The per-institution lines as CSV (Chinese headers: a report for people, not an interchange file).
    public var linesCSV: String {
        var csv = CSVWriter(
            header: [
                "机构编号", "机构名称", "统筹地区", "自查状态", "提交日期", "逾期提交", "不符合项", "风险点", "抽查状态", "抽查问题", "问题金额",
                "整改中", "已销号", "逾期整改",
            ], formulaSafe: true)
        for line in lines {
            csv.append(row: [
                line.institutionID, line.name, line.regionCode.raw, line.selfInspection.chineseName,
                line.submittedDay?.iso ?? "", line.submittedLate ? "是" : "否", String(line.nonCompliant),
                String(line.risks), line.spotCheck?.chineseName ?? "未抽中", String(line.problems),
                line.problemAmount.description, String(line.rectificationsOpen), String(line.rectificationsClosed),
                String(line.rectificationsOverdue),
            ])
        }
        return csv.text
    }

    /// The risk list (风险清单) as CSV.
    public var risksCSV: String {
        var csv = CSVWriter(
            header: ["序号", "来源", "机构编号", "机构名称", "统筹地区", "检查项目或风险点", "风险描述", "措施", "状态"], formulaSafe: true)
        for (index, risk) in risks.enumerated() {
            csv.append(row: [
                String(index + 1), risk.source, risk.institutionID, risk.institutionName, risk.regionCode.raw,
                risk.reference, risk.description, risk.measure, risk.status,
            ])
        }
        return csv.text
    }
}
