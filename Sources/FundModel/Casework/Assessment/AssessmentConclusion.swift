/// The committee's conclusion (鉴定结论): disability grade and nursing level, two separate dimensions (条例 22).
public struct AssessmentConclusion: Sendable, Hashable, Codable {
    public var day: Day
    /// 伤残等级 1 (most severe) – 10; `nil` = 未达级 (no grade reached).
    public var grade: Int?
    /// 生活自理障碍 level; `.none` when no care is needed.
    public var nursing: NursingLevel
    /// The injured body parts the conclusion assesses; each must be one the determination named.
    public var injuredParts: [String]
    /// The panel's opinion in short (专家组意见).
    public var opinion: String

    public init(day: Day, grade: Int?, nursing: NursingLevel, injuredParts: [String], opinion: String) {
        self.day = day
        self.grade = grade
        self.nursing = nursing
        self.injuredParts = injuredParts
        self.opinion = opinion
    }

    /// `五级，生活部分不能自理` / `未达级，无生活自理障碍`.
    public var chineseSummary: String {
        let gradeText = grade.map { "\(Self.gradeNames[$0 - 1])级" } ?? "未达级"
        return "\(gradeText)，\(nursing.chineseName)"
    }

    private static let gradeNames = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}

/// A 30-day extension of the conclusion deadline (条例 25(2): 必要时可以延长30日).
public struct ClockExtension: Sendable, Hashable, Codable {
    public var day: Day
    public var reason: String

    public init(day: Day, reason: String) {
        self.day = day
        self.reason = reason
    }
}

/// A rescheduled examination: the deadline moves by the same number of days (2014 办法 11, 期限相应顺延).
public struct Postponement: Sendable, Hashable, Codable {
    public var day: Day
    public var days: Int
    public var reason: String

    public init(day: Day, days: Int, reason: String) {
        self.day = day
        self.days = days
        self.reason = reason
    }
}
