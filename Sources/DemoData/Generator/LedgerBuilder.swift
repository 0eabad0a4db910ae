import FundModel

/// The monthly fund accounts (`fund_ledger.csv`) of each city and of the province, from the payments.
///
/// Expenditure is exactly what the payments of the month add up to (benefit
/// items, and 劳动能力鉴定费 as assessment expenditure), so the ledger and the
/// payments tell the same story. Revenue follows the trailing year's
/// expenditure with a 6 % margin; the opening balance is 22 months of the
/// window's average expenditure, so a city can pay for well over six months even after the
/// I01 city's surge (I02 quiet).
/// Prevention spending is 1.2 % of the previous year's revenue (I03 quiet).
/// The province's row is the sum of its cities. The plants: the low-balance
/// city's revenue only keeps its balance at four months of its trailing
/// spending (I02);
/// the prevention city spends 5 % of last year's revenue on prevention from
/// the year before as-of (I03).
struct LedgerBuilder {
    let options: DemoOptions
    let cities: [CityPlan]
    let monthly: [Int: (benefit: Int64, assessment: Int64)]

    func rows() -> [FundLedgerEntry] {
        let first = options.windowStart.yearMonth
        let last = options.asOf.yearMonth
        let count = first.monthsInclusive(to: last)
        var provinceRows: [FundLedgerEntry] = []
        var all: [FundLedgerEntry] = []
        for city in cities {
            let full = options.plantsEveryRule
            let lowBalance = full && city.blueprint.has(.lowBalance)
            // The I01 city was rich before its surge: 30 months in hand, so the surge does not also trip I02.
            let opening: Int64 = lowBalance ? 40 : (full && city.blueprint.has(.expenditureSurge) ? 300 : 220)
            // (The low-balance city's revenue is recomputed below, month by month.)
            let prevention = full && city.blueprint.has(.preventionOverspend)
            var rng = DemoRandom(options.seed, 0x1ED6, UInt64(city.index))
            let spend: [(benefit: Int64, assessment: Int64)] = (0..<count).map { k in
                monthly[city.index * 1_000_000 + Int(first.adding(months: k).index)] ?? (0, 0)
            }
            let totals = spend.map { $0.benefit + $0.assessment }
            // Revenue: the trailing twelve months' average expenditure, plus the margin and a little season.
            var revenue: [Int64] = []
            for k in 0..<count {
                let window = totals[max(0, k - 11)...k]
                let average = window.reduce(0, +) / Int64(window.count)
                let margin: Int64 = 1_060
                revenue.append(average * margin / 1_000 * Int64(rng.int(970...1_030)) / 1_000)
            }
            let averageSpend = totals.reduce(0, +) / Int64(max(1, count))
            var balance = averageSpend * opening / 10
            for k in 0..<count {
                let month = first.adding(months: k)
                let previousYear = (0..<count).filter { first.adding(months: $0).year == month.year - 1 }
                let previousRevenue =
                    previousYear.isEmpty
                    ? revenue.prefix(12).reduce(0, +) * 1_000 / 1_050
                    : previousYear.reduce(0) { $0 + revenue[$1] }
                let share: Int64 = prevention && month.year >= options.asOf.year - 1 ? 500 : 120
                let preventionFen = previousRevenue * share / 10_000 / 12
                if lowBalance {
                    // The struggling fund is topped up to exactly four months of its trailing spending.
                    let window = totals[max(0, k - 11)...k]
                    let target = window.reduce(0, +) / Int64(window.count) * 4
                    let needed = target - balance + totals[k] + preventionFen
                    revenue[k] = max(0, needed * 1_000 / 996)
                }
                let other = revenue[k] * 4 / 1_000
                balance += revenue[k] - totals[k] - preventionFen - other
                let entry = FundLedgerEntry(
                    regionCode: city.code, month: month, revenue: Money(fen: revenue[k]),
                    benefitExpenditure: Money(fen: spend[k].benefit),
                    preventionExpenditure: Money(fen: preventionFen),
                    assessmentExpenditure: Money(fen: spend[k].assessment),
                    otherExpenditure: Money(fen: other), balance: Money(fen: balance))
                all.append(entry)
                if provinceRows.count <= k {
                    provinceRows.append(
                        FundLedgerEntry(
                            regionCode: ProvinceBlueprint.code, month: month, revenue: .zero, benefitExpenditure: .zero,
                            preventionExpenditure: .zero, assessmentExpenditure: .zero, otherExpenditure: .zero,
                            balance: .zero))
                }
                provinceRows[k].revenue += entry.revenue
                provinceRows[k].benefitExpenditure += entry.benefitExpenditure
                provinceRows[k].preventionExpenditure += entry.preventionExpenditure
                provinceRows[k].assessmentExpenditure += entry.assessmentExpenditure
                provinceRows[k].otherExpenditure += entry.otherExpenditure
                provinceRows[k].balance += entry.balance
            }
        }
        return provinceRows + all
    }
}
