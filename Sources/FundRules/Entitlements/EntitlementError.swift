import FundModel

/// Why an entitlement cannot be computed: each case names what is missing, so that the data can be fixed.
public enum EntitlementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The case has no declared 本人工资 (条例 64).
    case missingOwnWage(caseID: String)
    /// No row of the parameter for the region (nor its province, nor the nation) and year.
    case missingParameter(name: String, region: RegionCode, year: Int)
    /// A non-fatal case without a concluded labour-capacity assessment: disability benefits need one (社会保险法 36).
    case missingAssessment(caseID: String)
    /// A grade outside 1–10 (条例 22).
    case invalidGrade(Int)
    /// A DEPENDANT amount was asked for without saying which dependant.
    case missingDependentID(caseID: String)
    /// A DEPENDANT amount was asked for a person who is not a dependant of the case.
    case unknownDependent(caseID: String, dependentID: PersonID)

    public var description: String {
        switch self {
        case .missingOwnWage(let caseID):
            "认定案件 \(caseID) 缺少本人工资，无法计算待遇 (case \(caseID): missing own wage, 本人工资)"
        case .missingParameter(let name, let region, let year):
            "缺少统筹地区 \(region) \(year) 年度参数 \(name)，省级及全国均无 "
                + "(missing parameter \(name) for region \(region), year \(year))"
        case .missingAssessment(let caseID):
            "认定案件 \(caseID) 尚无已作出结论的劳动能力鉴定 "
                + "(case \(caseID): no concluded labour-capacity assessment)"
        case .invalidGrade(let grade):
            "伤残等级 \(grade) 不在一至十级范围内 (grade \(grade) is outside 1–10)"
        case .missingDependentID(let caseID):
            "认定案件 \(caseID) 的供养亲属抚恤金未指明供养亲属 (case \(caseID): DEPENDANT without a dependant id)"
        case .unknownDependent(let caseID, let dependentID):
            "\(dependentID.raw) 不是认定案件 \(caseID) 的供养亲属 "
                + "(\(dependentID.raw) is not a dependant of case \(caseID))"
        }
    }
}
