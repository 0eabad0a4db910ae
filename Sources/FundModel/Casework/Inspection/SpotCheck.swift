/// How the institutions to spot-check were drawn.
public enum SpotCheckMethod: String, CodedValue {
    /// Every institution equally likely.
    case random
    /// More likely the more (and the more serious) their screening findings.
    case weighted

    public var chineseName: String {
        switch self {
        case .random: "随机抽取"
        case .weighted: "按疑点加权抽取"
        }
    }
}

/// An institution that could be drawn, with its weight and what the weight came from.
public struct SpotCheckCandidate: Sendable, Hashable, Codable {
    public var institutionID: String
    /// A positive integer; 1 for a random draw.
    public var weight: Int
    /// The screening findings behind the weight (`红 2 橙 1 黄 0`), empty for a random draw.
    public var basis: String

    public init(institutionID: String, weight: Int, basis: String = "") {
        self.institutionID = institutionID
        self.weight = weight
        self.basis = basis
    }
}

/// A draw of institutions for spot checks (抽查), stored whole so that it can be replayed (see `PanelDraw`).
public struct SpotCheckDraw: Sendable, Hashable, Codable {
    /// `<campaign id>-S<sequence>`.
    public var drawID: String
    public var version: Int
    public var campaignID: String
    public var sequence: Int
    public var act: CaseworkAct
    public var method: SpotCheckMethod
    public var seed: UInt64
    public var size: Int
    /// The institutions that could be drawn (not drawn before in the campaign), sorted by id.
    public var candidates: [SpotCheckCandidate]
    public var drawn: [String]

    public init(
        drawID: String, campaignID: String, sequence: Int, act: CaseworkAct, method: SpotCheckMethod, seed: UInt64,
        size: Int, candidates: [SpotCheckCandidate], drawn: [String]
    ) {
        self.drawID = drawID
        self.version = 1
        self.campaignID = campaignID
        self.sequence = sequence
        self.act = act
        self.method = method
        self.seed = seed
        self.size = size
        self.candidates = candidates
        self.drawn = drawn
    }
}

/// A problem a spot check found.
public struct CheckProblem: Sendable, Hashable, Codable {
    /// `<spot check id>#<n>`.
    public var problemID: String
    public var description: String
    /// The checklist item it breaks, if any.
    public var itemID: String?
    /// The money at risk (违规金额), zero where none.
    public var amount: Money

    public init(problemID: String, description: String, itemID: String? = nil, amount: Money = Money(fen: 0)) {
        self.problemID = problemID
        self.description = description
        self.itemID = itemID
        self.amount = amount
    }
}

public enum SpotCheckState: String, CodedValue {
    case planned, checked

    public var chineseName: String {
        switch self {
        case .planned: "待检查"
        case .checked: "已检查"
        }
    }
}

/// The spot check of one drawn institution: who checked, when, what they found.
public struct SpotCheck: Sendable, Hashable, Codable {
    /// `<campaign id>/<institution id>`.
    public var checkID: String
    public var version: Int
    public var campaignID: String
    public var institutionID: String
    public var regionCode: RegionCode
    public var drawID: String
    public var state: SpotCheckState
    public var checked: CaseworkAct?
    public var inspectors: [String]
    public var problems: [CheckProblem]
    public var summary: String

    public init(campaignID: String, institutionID: String, regionCode: RegionCode, drawID: String) {
        self.checkID = SelfInspection.id(campaignID: campaignID, institutionID: institutionID)
        self.version = 1
        self.campaignID = campaignID
        self.institutionID = institutionID
        self.regionCode = regionCode
        self.drawID = drawID
        self.state = .planned
        self.checked = nil
        self.inspectors = []
        self.problems = []
        self.summary = ""
    }
}
