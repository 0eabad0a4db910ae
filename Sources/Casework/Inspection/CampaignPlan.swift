import FundModel

/// What the province decides when it opens a campaign: title, checklist, deadline and the institutions.
public struct CampaignPlan: Sendable, Hashable {
    public var campaignID: String
    public var title: String
    /// The province (or city) running the campaign; its institutions take part by default.
    public var regionCode: RegionCode
    public var selfInspectionDue: Day
    public var checklist: [ChecklistItem]
    /// The chosen institutions; every institution of the region when `nil`.
    public var institutionIDs: [String]?

    public init(
        campaignID: String, title: String, regionCode: RegionCode, selfInspectionDue: Day, checklist: [ChecklistItem],
        institutionIDs: [String]? = nil
    ) {
        self.campaignID = campaignID
        self.title = title
        self.regionCode = regionCode
        self.selfInspectionDue = selfInspectionDue
        self.checklist = checklist
        self.institutionIDs = institutionIDs
    }

    /// A checklist for the 2022 campaign of the medical, rehabilitation and assistive-device institutions (the
    /// notice, item 4), from the agreement duties of 经办条例 42–43 and the monitoring rules that watch them.
    public static let defaultChecklist: [ChecklistItem] = [
        ChecklistItem(itemID: "C01", text: "服务协议在有效期内，服务范围与协议约定一致", basis: "经办条例第四十二条；R09"),
        ChecklistItem(itemID: "C02", text: "工伤职工身份核验和就诊登记制度健全，无冒名就医", basis: "经办条例第三十六条"),
        ChecklistItem(itemID: "C03", text: "诊疗项目、药品和住院服务符合工伤保险目录和标准，无目录外项目由基金支付", basis: "条例第三十条；R01"),
        ChecklistItem(itemID: "C04", text: "无重复收费、分解收费、重复开具票据", basis: "R08"),
        ChecklistItem(itemID: "C05", text: "无挂床住院、虚增住院天数，无与医保重复结算", basis: "R07；R14"),
        ChecklistItem(itemID: "C06", text: "次均费用与同级机构相比无异常偏高", basis: "R16"),
        ChecklistItem(itemID: "C07", text: "出具的诊断证明和病历真实完整，与就诊记录一致", basis: "条例第六十一条；R22"),
        ChecklistItem(itemID: "C08", text: "康复和辅助器具配置有评估记录，配置标准符合规定", basis: "条例第三十二条"),
        ChecklistItem(itemID: "C09", text: "直接结算数据按规定上传，费用明细可追溯", basis: "经办条例第二十二条"),
        ChecklistItem(itemID: "C10", text: "上次检查发现问题已整改到位", basis: "经办条例第四十三条"),
    ]
}
