/// An administrative division code (GB/T 2260): six digits.
///
/// `XX0000` is a province, `XXXX00` a city (the pooling region, 统筹地区),
/// anything else a county. `000000` stands for national figures in
/// `parameters.csv`.
public struct RegionCode: Sendable, Hashable, Comparable, Codable {
    public let raw: String

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        raw = String(text)
    }

    public static let national = RegionCode("000000")!

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.raw < rhs.raw }

    public var isNational: Bool { raw == "000000" }

    /// The level implied by the code's shape.
    public var impliedLevel: RegionLevel {
        if raw.hasSuffix("0000") { return .province }
        if raw.hasSuffix("00") { return .city }
        return .county
    }

    /// `XX0000`: the province this code lies in.
    public var province: RegionCode { RegionCode(raw.prefix(2) + "0000")! }

    /// `XXXX00`: the city this code lies in (the province itself for a province code).
    public var city: RegionCode { impliedLevel == .province ? self : RegionCode(raw.prefix(4) + "00")! }
}

extension RegionCode: CustomStringConvertible {
    public var description: String { raw }
}
