import FundModel

/// The yearly statutory figures (`parameters.csv`) by region and year, with the fallback of interchange.md:
/// "a city without a figure inherits its province's", and national figures under `000000`.
///
/// The year of a row is the year in which the figure is applied (rules.md §5):
/// the parameters of a case are those of its accident year.
public struct ParameterTable: Sendable {
    private struct Key: Hashable {
        var region: RegionCode
        var year: Int
        var name: String
    }

    private var values: [Key: Decimal4] = [:]
    private var parents: [RegionCode: RegionCode] = [:]
    /// Fallback chains of every region known at init, so that the per-payment lookups of R10 do not rebuild them.
    private var chains: [RegionCode: [RegionCode]] = [:]
    /// Each region's `pooling` rows by year (rules.md §5 "Pooling level").
    private var poolingRows: [RegionCode: [(year: Int, level: PoolingLevel)]] = [:]
    /// The figures read for every month of every monthly payment, resolved per region at init (`figure`).
    private var resolved: [RegionCode: ResolvedFigures] = [:]

    /// The parameters the entitlement calculator reads once a month paid (rules.md rev. 2): the average and
    /// minimum wages of the month's year and the yearly adjustments of 条例 40.
    public enum MonthlyFigure: Int, CaseIterable, Sendable {
        case avgMonthlyWage, minMonthlyWage, adjustRatio, adjustAmount

        public var name: String {
            switch self {
            case .avgMonthlyWage: ParameterName.avgMonthlyWage
            case .minMonthlyWage: ParameterName.minMonthlyWage
            case .adjustRatio: ParameterName.adjustRatio
            case .adjustAmount: ParameterName.adjustAmount
            }
        }
    }

    /// A region's `MonthlyFigure`s by year, fallback and pooling applied: R10 asks for them for each of
    /// millions of monthly payments, and a lookup by name hashes strings through the whole chain.
    private struct ResolvedFigures: Sendable {
        var firstYear: Int
        /// By figure, then by year − firstYear.
        var values: [[Decimal4?]]
    }

    /// Later rows override earlier rows with the same region, year and name.
    public init(parameters: [Parameter], regions: [Region]) {
        for row in parameters {
            values[Key(region: row.regionCode, year: row.year, name: row.name)] = row.value
        }
        for (key, value) in values where key.name == ParameterName.pooling {
            poolingRows[key.region, default: []].append((key.year, PoolingLevel(storedValue: value)))
        }
        for region in poolingRows.keys { poolingRows[region]!.sort { $0.year < $1.year } }
        for region in regions {
            if let parent = region.parentCode, parent != region.code { parents[region.code] = parent }
        }
        var known = Set(regions.map(\.code))
        known.formUnion(parameters.map(\.regionCode))
        for code in known { chains[code] = buildChain(for: code) }
        if let first = parameters.map(\.year).min(), let last = parameters.map(\.year).max() {
            for code in known {
                let values = MonthlyFigure.allCases.map { figure in
                    (first...last).map { lookup(figure.name, region: code, year: $0)?.value }
                }
                resolved[code] = ResolvedFigures(firstYear: first, values: values)
            }
        }
    }

    /// `value(figure.name, region:, year:)`, from the table resolved at init where it can.
    public func figure(_ figure: MonthlyFigure, region: RegionCode, year: Int) -> Decimal4? {
        if let table = resolved[region] {
            let offset = year - table.firstYear
            let values = table.values[figure.rawValue]
            return offset >= 0 && offset < values.count ? values[offset] : nil
        }
        return value(figure.name, region: region, year: year)
    }

    /// The figure for the region and year: the city's own, else its province's (via the region's
    /// `parent_code`, or the code's shape where the region has no row), else the national (000000) row.
    /// `nil` if none.
    public func value(_ name: String, region: RegionCode, year: Int) -> Decimal4? {
        lookup(name, region: region, year: year)?.value
    }

    /// The figure as money: the value is in yuan, rounded half up to the fen.
    public func money(_ name: String, region: RegionCode, year: Int) -> Money? {
        value(name, region: region, year: year)?.money
    }

    /// The figure and the region whose row supplied it, for explanations and evidence.
    ///
    /// Under provincial pooling in that year (`pooling = province` on the province's row), the regions below
    /// the province are skipped: the province's figures apply to every case (rules.md §5).
    public func lookup(_ name: String, region: RegionCode, year: Int) -> (value: Decimal4, source: RegionCode)? {
        let chain = fallbackChain(for: region)
        var start = 0
        if name != ParameterName.pooling, !poolingRows.isEmpty,
            let provinceIndex = chain.firstIndex(where: { poolingLevel(of: $0, year: year) == .province })
        {
            start = provinceIndex
        }
        for code in chain[start...] {
            if let value = values[Key(region: code, year: year, name: name)] { return (value, code) }
        }
        return nil
    }

    /// The pooling level a region set for a year: its `pooling` row of that year, else of the nearest
    /// earlier year (a province that moved to provincial pooling stays there), else `nil`.
    public func poolingLevel(of region: RegionCode, year: Int) -> PoolingLevel? {
        guard let rows = poolingRows[region] else { return nil }
        return rows.last { $0.year <= year }?.level
    }

    /// 条例 40 (rev. 2): `amount` of year `from` carried to year `to`, each year Y = from+1 … to adjusted by
    /// the `adjust_ratio` and `adjust_amount` of Y (rules.md §5 "Adjustments"): a_Y = a_(Y−1) × (1 + ratio) +
    /// amount, rounded half up to the fen each year; a year without a row adjusts nothing.
    public func adjusted(_ amount: Money, region: RegionCode, from: Int, to: Int) -> Money {
        guard to > from else { return amount }
        var current = amount
        // The region's resolved rows once, not a dictionary lookup a year (this runs for every month paid).
        let table = resolved[region]
        func value(_ figure: MonthlyFigure, _ year: Int) -> Int64 {
            guard let table else { return self.figure(figure, region: region, year: year)?.tenThousandths ?? 0 }
            let values = table.values[figure.rawValue]
            let offset = year - table.firstYear
            return offset >= 0 && offset < values.count ? values[offset]?.tenThousandths ?? 0 : 0
        }
        for year in (from + 1)...to {
            let ratio = value(.adjustRatio, year)
            let add = value(.adjustAmount, year)
            if ratio == 0 && add == 0 { continue }
            // In 1/10 000 of a fen: a × (10 000 + ratio) + amount (1/10 000 yuan = 1/100 fen) × 100.
            let scaled = current.fen * (10_000 + ratio) + add * 100
            current = Money(fen: scaled).scaled(by: 1, over: 10_000)
        }
        return current
    }

    /// The regions searched for a figure of `region`, nearest first, always ending with the national code.
    ///
    /// The next region is the region row's `parent_code` when there is one; otherwise the code's shape
    /// decides: a county falls back to its city, a city to its province, a province to the nation.
    public func fallbackChain(for region: RegionCode) -> [RegionCode] {
        chains[region] ?? buildChain(for: region)
    }

    private func buildChain(for region: RegionCode) -> [RegionCode] {
        var chain: [RegionCode] = []
        var seen: Set<RegionCode> = []
        var current: RegionCode? = region
        // A region table with a cycle in its parents stops at the first repeat rather than looping.
        while let code = current, !code.isNational, seen.insert(code).inserted {
            chain.append(code)
            current = parents[code] ?? ParameterTable.impliedParent(of: code)
        }
        chain.append(.national)
        return chain
    }

    private static func impliedParent(of code: RegionCode) -> RegionCode {
        switch code.impliedLevel {
        case .county: code.city
        case .city: code.province
        case .province: .national
        }
    }
}
