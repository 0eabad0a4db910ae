import FundModel
import FundStore
import Screening

/// Region names for display (`320100` → 南京市), from the store's regions table.
struct RegionNames {
    let names: [RegionCode: String]
    let cities: [Region]

    init(store: SQLiteFundStore) throws {
        let regions = try store.regions()
        names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        cities = regions.filter { $0.level == .city }.sorted { $0.code < $1.code }
    }

    func name(_ code: RegionCode) -> String { names[code] ?? code.raw }
}

/// Rule and indicator names for display.
enum RuleNames {
    static func name(_ id: String) -> String { RuleCatalog.spec(id)?.name ?? id }
    static func label(_ id: String) -> String { "\(id) \(name(id))" }
}
