/// An institution's answer to a checklist item.
public enum ChecklistResult: String, CodedValue {
    case compliant, nonCompliant, notApplicable

    public var chineseName: String {
        switch self {
        case .compliant: "符合"
        case .nonCompliant: "不符合"
        case .notApplicable: "不适用"
        }
    }
}

public struct ChecklistAnswer: Sendable, Hashable, Codable {
    public var itemID: String
    public var result: ChecklistResult
    /// What the institution found; required for `nonCompliant`.
    public var note: String

    public init(itemID: String, result: ChecklistResult, note: String = "") {
        self.itemID = itemID
        self.result = result
        self.note = note
    }
}

/// A risk point an institution reports in its self-inspection (the line of its 风险清单).
public struct ReportedRisk: Sendable, Hashable, Codable {
    public var description: String
    /// The point of the province's inventory it matches (`RP07`), if any.
    public var riskPointID: String?
    /// What the institution does about it (整改措施).
    public var measure: String

    public init(description: String, riskPointID: String? = nil, measure: String = "") {
        self.description = description
        self.riskPointID = riskPointID
        self.measure = measure
    }
}

public enum SelfInspectionState: String, CodedValue {
    case pending, submitted

    public var chineseName: String {
        switch self {
        case .pending: "未提交"
        case .submitted: "已提交"
        }
    }
}

/// One institution's self-inspection (自查) in a campaign: answers, risk points, report.
public struct SelfInspection: Sendable, Hashable, Codable {
    /// `<campaign id>/<institution id>`.
    public var inspectionID: String
    public var version: Int
    public var campaignID: String
    public var institutionID: String
    /// The institution's region (the city that follows it up).
    public var regionCode: RegionCode
    public var state: SelfInspectionState
    public var answers: [ChecklistAnswer]
    public var risks: [ReportedRisk]
    public var report: String
    public var submitted: CaseworkAct?

    public init(campaignID: String, institutionID: String, regionCode: RegionCode) {
        self.inspectionID = Self.id(campaignID: campaignID, institutionID: institutionID)
        self.version = 1
        self.campaignID = campaignID
        self.institutionID = institutionID
        self.regionCode = regionCode
        self.state = .pending
        self.answers = []
        self.risks = []
        self.report = ""
        self.submitted = nil
    }

    public static func id(campaignID: String, institutionID: String) -> String { "\(campaignID)/\(institutionID)" }
}
