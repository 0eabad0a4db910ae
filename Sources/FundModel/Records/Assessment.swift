/// 初次鉴定 / 再次鉴定 / 复查鉴定.
public enum AssessmentKind: String, CodedValue {
    case initial, second, review
    public var chineseName: String {
        switch self {
        case .initial: "初次鉴定"
        case .second: "再次鉴定"
        case .review: "复查鉴定"
        }
    }
}

/// 生活自理障碍 level (条例 22, 34).
public enum NursingLevel: String, CodedValue {
    case full, most, partial, none
    public var chineseName: String {
        switch self {
        case .full: "生活完全不能自理"
        case .most: "生活大部分不能自理"
        case .partial: "生活部分不能自理"
        case .none: "无生活自理障碍"
        }
    }
}

/// A row of `assessments.csv`: one labour-capacity assessment (劳动能力鉴定).
public struct Assessment: Sendable, Hashable, Codable {
    public var assessmentID: String
    public var caseID: String
    public var workerID: PersonID
    public var kind: AssessmentKind
    public var appliedDate: Day?
    public var concludedDate: Day?
    /// 伤残等级 1 (most severe) – 10; `nil` = 未达级 (or not concluded).
    public var grade: Int?
    public var nursing: NursingLevel?
    /// The institution that issued the medical evidence.
    public var hospitalID: String?
    public var expertIDs: [String]
    /// The committee's region.
    public var regionCode: RegionCode

    public init(
        assessmentID: String, caseID: String, workerID: PersonID, kind: AssessmentKind, appliedDate: Day?,
        concludedDate: Day?, grade: Int?, nursing: NursingLevel?, hospitalID: String?, expertIDs: [String],
        regionCode: RegionCode
    ) {
        self.assessmentID = assessmentID
        self.caseID = caseID
        self.workerID = workerID
        self.kind = kind
        self.appliedDate = appliedDate
        self.concludedDate = concludedDate
        self.grade = grade
        self.nursing = nursing
        self.hospitalID = hospitalID
        self.expertIDs = expertIDs
        self.regionCode = regionCode
    }
}

/// A row of `experts.csv`: a medical expert of the committee's pool (专家库).
public struct Expert: Sendable, Hashable, Codable {
    public var expertID: String
    public var name: String
    public var specialty: String?
    public var institutionID: String?
    public var regionCode: RegionCode

    public init(expertID: String, name: String, specialty: String?, institutionID: String?, regionCode: RegionCode) {
        self.expertID = expertID
        self.name = name
        self.specialty = specialty
        self.institutionID = institutionID
        self.regionCode = regionCode
    }
}
