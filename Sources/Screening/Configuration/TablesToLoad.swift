import FundModel

extension RuleCatalog {
    /// Large tables that only the rules naming them read: R25 the wages, R22 the health visits.
    ///
    /// At a million workers these two are 16 of the 29 million rows. A screening
    /// of chosen rules (`fundguard screen --rules`) that names neither need not
    /// load them; every other table is loaded whatever the rules, because rules
    /// also read tables they do not require (the province's item list, worker
    /// and institution names in a finding's text).
    public static let loadedOnlyWhenRequired: Set<Table> = [.wages, .healthVisits]

    /// The tables a screening of `rules` loads, or `nil` for all of them (every rule, or `rules` is `nil`).
    public static func tablesToLoad(for rules: Set<String>?) -> Set<Table>? {
        guard let rules else { return nil }
        var tables = Set(Table.allCases).subtracting(loadedOnlyWhenRequired)
        for id in rules {
            guard let spec = spec(id) else { return nil }  // an unknown id: load everything, let the engine say
            tables.formUnion(spec.tables)
        }
        return tables.count == Table.allCases.count ? nil : tables
    }
}
