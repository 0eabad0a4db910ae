import FundModel

/// Which regions a person may see: the whole province, or one city (with its counties).
///
/// Applied in the queries themselves, so that a city handler's lists, counts
/// and charts never include another city's rows (issue 4: "a user outside a
/// region gets 404 for that region's records, not a leak").
public enum RegionScope: Sendable, Hashable {
    case all
    case city(RegionCode)

    /// Whether a record of `region` is inside the scope.
    public func contains(_ region: RegionCode) -> Bool {
        switch self {
        case .all: true
        case .city(let city): region.impliedLevel != .province && region.city == city.city
        }
    }

    /// An SQL condition on a region column, with its argument (`nil` when everything is visible).
    func condition(_ column: String) -> (sql: String, argument: String)? {
        switch self {
        case .all: nil
        // A city's code is XXXX00; its counties share the first four digits.
        case .city(let city): ("substr(\(column), 1, 4) = ?", String(city.raw.prefix(4)))
        }
    }
}
