public enum RectificationState: String, CodedValue {
    case open, closed

    public var chineseName: String {
        switch self {
        case .open: "整改中"
        case .closed: "已整改销号"
        }
    }
}

/// A rectification item (整改事项): what must be put right, by whom, by when; closed only with evidence.
public struct Rectification: Sendable, Hashable, Codable {
    /// `<campaign id>-R<n>`.
    public var rectificationID: String
    public var version: Int
    public var campaignID: String
    public var institutionID: String
    public var regionCode: RegionCode
    /// The spot-check problem it answers, if any.
    public var problemID: String?
    public var description: String
    /// The person or office responsible (责任人).
    public var owner: String
    public var deadline: Day
    public var opened: CaseworkAct
    public var state: RectificationState
    /// What shows it was done (整改佐证材料).
    public var evidence: String?
    public var closed: CaseworkAct?

    public init(
        rectificationID: String, campaignID: String, institutionID: String, regionCode: RegionCode,
        problemID: String?, description: String, owner: String, deadline: Day, opened: CaseworkAct
    ) {
        self.rectificationID = rectificationID
        self.version = 1
        self.campaignID = campaignID
        self.institutionID = institutionID
        self.regionCode = regionCode
        self.problemID = problemID
        self.description = description
        self.owner = owner
        self.deadline = deadline
        self.opened = opened
        self.state = .open
        self.evidence = nil
        self.closed = nil
    }

    /// Still open after its deadline.
    public func isOverdue(asOf: Day) -> Bool { state == .open && deadline < asOf }
}
