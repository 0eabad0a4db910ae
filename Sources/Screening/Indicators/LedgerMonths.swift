import FundModel

/// The fund ledger (fund_ledger.csv) as monthly figures per region slot, for I01–I03.
///
/// - A city's month is the sum of its own row and its counties' rows; of two
///   rows with the same region code and month, the later one counts (as a
///   re-import would replace it).
/// - The province's month is its own rows (`XX0000`) when the ledger has any
///   for the province code — they are then taken as its consolidated account
///   — else the sum of its cities' rows, for the months that every city with
///   ledger rows has (a month some city has not reported yet is not present).
/// - A month is "present" for a slot when at least one row contributed to it.
struct LedgerMonths: Sendable {
    struct Figures: Sendable {
        var revenue: Int64 = 0
        var benefit: Int64 = 0
        var prevention: Int64 = 0
        var total: Int64 = 0
        var balance: Int64 = 0
        var present = false

        mutating func add(_ entry: FundLedgerEntry) {
            revenue += entry.revenue.fen
            benefit += entry.benefitExpenditure.fen
            prevention += entry.preventionExpenditure.fen
            total += entry.totalExpenditure.fen
            balance += entry.balance.fen
            present = true
        }

        mutating func add(_ other: Figures) {
            guard other.present else { return }
            revenue += other.revenue
            benefit += other.benefit
            prevention += other.prevention
            total += other.total
            balance += other.balance
            present = true
        }
    }

    let regions: IndicatorRegions
    /// Month index of `months[_][0]`.
    let firstMonth: Int32
    /// `[slot][month − firstMonth]`.
    let months: [[Figures]]

    init(_ snapshot: Snapshot, regions: IndicatorRegions) {
        self.regions = regions
        var latest: [String: Int] = [:]  // "code|month" → last row
        for (row, entry) in snapshot.fundLedger.enumerated() {
            latest["\(entry.regionCode.raw)|\(entry.month.index)"] = row
        }
        let rows = latest.values.sorted()
        let indexes = rows.map { snapshot.fundLedger[$0].month.index }
        let first = indexes.min() ?? 0
        let span = indexes.isEmpty ? 0 : Int((indexes.max() ?? 0) - first) + 1
        var cities = [[Figures]](repeating: [Figures](repeating: Figures(), count: span), count: regions.count)
        var provinceOwn = [Figures](repeating: Figures(), count: span)
        var hasProvinceRows = false
        for row in rows {
            let entry = snapshot.fundLedger[row]
            let m = Int(entry.month.index - first)
            switch regions.citySlot(entry.regionCode, in: snapshot) {
            case -2: continue
            case -1:
                provinceOwn[m].add(entry)
                hasProvinceRows = true
            case let city: cities[city][m].add(entry)
            }
        }
        let province = regions.provinceSlot
        if hasProvinceRows {
            cities[province] = provinceOwn
        } else {
            // Only the months every reporting city has: a partial sum would pass for a fall.
            let reporting = (0..<province).filter { city in cities[city].contains { $0.present } }
            for m in 0..<span where !reporting.isEmpty && reporting.allSatisfy({ cities[$0][m].present }) {
                for city in reporting { cities[province][m].add(cities[city][m]) }
            }
        }
        firstMonth = first
        months = cities
    }

    /// Whether the ledger has no row for any slot.
    var isEmpty: Bool { months.allSatisfy(\.isEmpty) }

    /// The figures of a slot and month (absent: not present).
    func figures(_ slot: Int, _ month: YearMonth) -> Figures {
        let m = Int(month.index - firstMonth)
        guard m >= 0, m < months[slot].count else { return Figures() }
        return months[slot][m]
    }

    /// The sum of a field over `count` months ending with `last`, `nil` unless every month is present.
    func completeSum(_ slot: Int, last: YearMonth, count: Int, _ field: (Figures) -> Int64) -> Int64? {
        var sum: Int64 = 0
        for k in 0..<count {
            let f = figures(slot, last.adding(months: -k))
            guard f.present else { return nil }
            sum += field(f)
        }
        return sum
    }

    /// The sum of a field over the months present among `count` months ending with `last`, and how many.
    func presentSum(_ slot: Int, last: YearMonth, count: Int, _ field: (Figures) -> Int64) -> (sum: Int64, months: Int)
    {
        var sum: Int64 = 0
        var present = 0
        for k in 0..<count {
            let f = figures(slot, last.adding(months: -k))
            guard f.present else { continue }
            sum += field(f)
            present += 1
        }
        return (sum, present)
    }
}
