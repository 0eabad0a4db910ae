/// Where an inspection campaign (专项检查) stands: self-inspection, then spot checks, then closed.
public enum CampaignState: String, CodedValue {
    /// 自查阶段.
    case selfInspection
    /// 抽查阶段.
    case spotChecking
    /// 已结束.
    case closed

    public var chineseName: String {
        switch self {
        case .selfInspection: "自查阶段"
        case .spotChecking: "抽查阶段"
        case .closed: "已结束"
        }
    }
}

/// An item of a campaign's checklist (检查清单).
public struct ChecklistItem: Sendable, Hashable, Codable {
    /// Short and stable within the campaign (`C01`).
    public var itemID: String
    public var text: String
    /// The rule or article the item checks (`经办条例 42`, `R09`), if any.
    public var basis: String?

    public init(itemID: String, text: String, basis: String? = nil) {
        self.itemID = itemID
        self.text = text
        self.basis = basis
    }
}

/// A campaign of inspection of the contracted institutions, opened by the province (the notice of 2022, item 4:
/// 自查和抽查两个阶段, 自查报告和风险清单, 整改落实).
public struct InspectionCampaign: Sendable, Hashable, Codable {
    public var campaignID: String
    public var version: Int
    public var title: String
    /// The province (or city) that runs it.
    public var regionCode: RegionCode
    public var opened: CaseworkAct
    /// The day self-inspection reports are due.
    public var selfInspectionDue: Day
    public var checklist: [ChecklistItem]
    /// The institutions that must inspect themselves.
    public var institutionIDs: [String]
    public var state: CampaignState
    public var closedDay: Day?

    public init(
        campaignID: String, title: String, regionCode: RegionCode, opened: CaseworkAct, selfInspectionDue: Day,
        checklist: [ChecklistItem], institutionIDs: [String]
    ) {
        self.campaignID = campaignID
        self.version = 1
        self.title = title
        self.regionCode = regionCode
        self.opened = opened
        self.selfInspectionDue = selfInspectionDue
        self.checklist = checklist
        self.institutionIDs = institutionIDs
        self.state = .selfInspection
        self.closedDay = nil
    }
}
