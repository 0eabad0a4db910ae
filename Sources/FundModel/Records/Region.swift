/// The level of an administrative region.
public enum RegionLevel: String, CodedValue {
    case province, city, county
    public var chineseName: String {
        switch self {
        case .province: "省"
        case .city: "市"
        case .county: "县"
        }
    }
}

/// A row of `regions.csv`.
public struct Region: Sendable, Hashable, Codable {
    public var code: RegionCode
    public var name: String
    public var level: RegionLevel
    public var parentCode: RegionCode?

    public init(code: RegionCode, name: String, level: RegionLevel, parentCode: RegionCode?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
