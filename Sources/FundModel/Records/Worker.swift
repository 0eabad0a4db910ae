public enum Gender: String, CodedValue {
    case male = "M"
    case female = "F"
    public var chineseName: String { self == .male ? "男" : "女" }
}

/// A row of `workers.csv` (参保职工).
public struct Worker: Sendable, Hashable, Codable {
    public var workerID: PersonID
    public var name: String
    public var gender: Gender?
    public var birthDate: Day?
    public var employerID: String?
    public var regionCode: RegionCode
    /// Start of the current work-injury insurance period.
    public var insuredSince: Day?
    /// End of the period; `nil` while insured.
    public var insuredUntil: Day?

    public init(
        workerID: PersonID, name: String, gender: Gender?, birthDate: Day?, employerID: String?,
        regionCode: RegionCode, insuredSince: Day?, insuredUntil: Day?
    ) {
        self.workerID = workerID
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.employerID = employerID
        self.regionCode = regionCode
        self.insuredSince = insuredSince
        self.insuredUntil = insuredUntil
    }
}

/// A row of `wages.csv`: one month's contribution base (缴费工资).
public struct Wage: Sendable, Hashable, Codable {
    public var workerID: PersonID
    public var month: YearMonth
    public var wage: Money

    public init(workerID: PersonID, month: YearMonth, wage: Money) {
        self.workerID = workerID
        self.month = month
        self.wage = wage
    }
}
