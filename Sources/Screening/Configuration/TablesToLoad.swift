import FundModel

extension RuleCatalog {
    /// Large tables that only the rules naming them read: the wages (R25), the health visits (R22),
    /// the assessments (R10, R12, R17, R18, R22, I05), the workers (DQ01, R13) and the injury cases.
    ///
    /// At a million workers these are 19 of the 29 million rows, and the workers, cases and assessments
    /// are loaded as records, the dearest rows to read. A screening of chosen rules (`fundguard screen
    /// --rules`) that names none of them need not load them; every other table is loaded whatever the
    /// rules, because rules also read tables they do not require (the province's item list, the
    /// dependants in R10, institution names in a finding's text). Each rule screened alone on the tables
    /// it loads finds exactly what it finds on all of them (DemoDataTests, TablesToLoadTests).
    public static let loadedOnlyWhenRequired: Set<Table> = [
        .wages, .healthVisits, .assessments, .workers, .injuryCases,
    ]

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
