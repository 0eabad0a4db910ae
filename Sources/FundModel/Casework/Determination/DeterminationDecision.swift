/// The outcome of a determination (认定工伤 / 视同工伤 / 不予认定).
public enum DeterminationOutcome: String, CodedValue {
    case recognized, deemed, rejected

    public var chineseName: String {
        switch self {
        case .recognized: "认定工伤"
        case .deemed: "视同工伤"
        case .rejected: "不予认定工伤"
        }
    }

    /// The interchange decision code (`injury_cases.decision`).
    public var decision: Decision {
        switch self {
        case .recognized: .recognized
        case .deemed: .deemed
        case .rejected: .rejected
        }
    }
}

/// The article of 工伤保险条例 a decision rests on: 14 (recognized), 15 (deemed) or 16 (excluded), and its item.
///
/// A rejection cites either an exclusion of article 16, items (1)–(3), or
/// article 14 or 15 without an item: the facts meet none of its circumstances
/// (不符合第十四条、第十五条规定的情形).
public struct StatuteBasis: Sendable, Hashable, Codable {
    public var article: Int
    public var item: Int?

    public init(article: Int, item: Int?) {
        self.article = article
        self.item = item
    }

    private static let numerals = ["一", "二", "三", "四", "五", "六", "七"]

    /// `《工伤保险条例》第十四条第（一）项`.
    public var chineseName: String {
        guard (14...16).contains(self.article) else { return "《工伤保险条例》第\(self.article)条" }
        let article = ["十四", "十五", "十六"][self.article - 14]
        guard let item, (1...7).contains(item) else { return "《工伤保险条例》第\(article)条" }
        return "《工伤保险条例》第\(article)条第（\(Self.numerals[item - 1])）项"
    }

    /// `14(1)`, `16(2)`, `15`: how the basis is written in the CLI and the API.
    public var code: String { item.map { "\(article)(\($0))" } ?? "\(article)" }

    /// Parses `14(1)`, `14-1`, `14.1` or `15`.
    public init?(code text: String) {
        let digits = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard (1...2).contains(digits.count), let article = Int(digits[0]) else { return nil }
        self.article = article
        self.item = digits.count == 2 ? Int(digits[1]) : nil
    }
}

/// The decision of a determination: outcome, legal basis, injured body parts.
public struct DeterminationDecision: Sendable, Hashable, Codable {
    public var outcome: DeterminationOutcome
    public var basis: StatuteBasis
    public var day: Day
    /// The injured body parts the decision names (受伤部位); a later assessment conclusion must name parts from
    /// this list.
    public var injuredParts: [String]

    public init(outcome: DeterminationOutcome, basis: StatuteBasis, day: Day, injuredParts: [String]) {
        self.outcome = outcome
        self.basis = basis
        self.day = day
        self.injuredParts = injuredParts
    }
}
