/// A row of `employers.csv` (参保单位).
public struct Employer: Sendable, Hashable, Codable {
    /// 统一社会信用代码.
    public var employerID: String
    public var name: String
    public var regionCode: RegionCode
    /// GB/T 4754 section letter, A–T.
    public var industryCode: String?
    /// 行业工伤风险类别, 1–8.
    public var riskClass: Int?
    public var insuredSince: Day?

    public init(
        employerID: String, name: String, regionCode: RegionCode, industryCode: String?, riskClass: Int?,
        insuredSince: Day?
    ) {
        self.employerID = employerID
        self.name = name
        self.regionCode = regionCode
        self.industryCode = industryCode
        self.riskClass = riskClass
        self.insuredSince = insuredSince
    }
}
