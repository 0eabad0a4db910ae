import FundModel

extension RegionCode {
    /// The code prefix every region within this one shares: `44` for a province, `4401` for a city, the whole code
    /// for a county. A province sees its cities' files, a city only its own (architecture.md).
    public var scopePrefix: String {
        switch impliedLevel {
        case .province: String(raw.prefix(2))
        case .city: String(raw.prefix(4))
        default: raw
        }
    }

    /// Whether `other` lies within this region.
    public func contains(_ other: RegionCode) -> Bool { other.raw.hasPrefix(scopePrefix) }
}
