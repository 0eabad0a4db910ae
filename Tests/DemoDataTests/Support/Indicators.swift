import FundColumns
import FundModel

/// The reference reading of the indicators I01–I07 (rules.md §3) for every pooling region and the province.
///
/// `broad` evaluates every month that has the data the indicator needs (a
/// screening that warns per month); otherwise only the latest period (the
/// twelve months to as-of, or the as-of calendar year).
struct Indicators {
    let data: DataSet
    let asOf: Day
    let broad: Bool

    func run() -> [(String, String)] {
        var out: Set<String> = []
        let ledger = data.fundLedger ?? []
        let regions = Set(ledger.map(\.regionCode))
        let province = regions.first { $0.impliedLevel == .province }
        let latest = asOf.yearMonth
        let first = ledger.map(\.month).min() ?? latest
        let byRegion = Dictionary(grouping: ledger, by: \.regionCode)
        func sum(_ rows: [FundLedgerEntry], _ from: YearMonth, _ to: YearMonth, _ f: (FundLedgerEntry) -> Money)
            -> Int64
        {
            rows.filter { $0.month >= from && $0.month <= to }.reduce(0) { $0 + f($1).fen }
        }
        let months = broad ? Array((0...latest.index - first.index).map { first.adding(months: Int($0)) }) : [latest]

        // I01 (ledger and payments) and I02.
        let payments = data.payments ?? []
        var paid: [RegionCode: [YearMonth: Int64]] = [:]
        for p in payments { paid[p.regionCode, default: [:]][p.paidDate.yearMonth, default: 0] += p.amount.fen }
        if let province { paid[province] = paid.values.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) } }
        for (region, rows) in byRegion {
            for m in months {
                if m.adding(months: -23) >= first {
                    let now = sum(rows, m.adding(months: -11), m, \.benefitExpenditure)
                    let before = sum(rows, m.adding(months: -23), m.adding(months: -12), \.benefitExpenditure)
                    if before > 0 && Double(now) > 1.2 * Double(before) { out.insert("I01|\(region.raw)") }
                    let series = paid[region] ?? [:]
                    let pNow = (0..<12).reduce(Int64(0)) { $0 + (series[m.adding(months: -$1)] ?? 0) }
                    let pBefore = (12..<24).reduce(Int64(0)) { $0 + (series[m.adding(months: -$1)] ?? 0) }
                    if pBefore > 0 && Double(pNow) > 1.2 * Double(pBefore) { out.insert("I01|\(region.raw)") }
                }
                if m.adding(months: -11) >= first, let row = rows.first(where: { $0.month == m }) {
                    let total = sum(rows, m.adding(months: -11), m, \.totalExpenditure)
                    let benefit = sum(rows, m.adding(months: -11), m, \.benefitExpenditure)
                    for spend in broad ? [total, benefit] : [total] where spend > 0 {
                        if Double(row.balance.fen) / (Double(spend) / 12) < 6 { out.insert("I02|\(region.raw)") }
                    }
                }
            }
            // I03: calendar years with a whole previous year in the ledger.
            for year in (first.year + 1)...latest.year where broad || year == latest.year {
                guard YearMonth(year: year - 1, month: 1)! >= first else { continue }
                let prevention = rows.filter { $0.month.year == year }.reduce(0) { $0 + $1.preventionExpenditure.fen }
                let revenue = rows.filter { $0.month.year == year - 1 }.reduce(0) { $0 + $1.revenue.fen }
                if revenue > 0 && Double(prevention) > 0.03 * Double(revenue) { out.insert("I03|\(region.raw)") }
            }
        }

        // I04–I07 per city, compared with the province; over all data and over the trailing twelve months.
        let cities = Set((data.cases ?? []).map(\.regionCode))
        let from = latest.adding(months: -11).firstDay
        for window in broad ? [nil, from] : [from] {
            func inWindow(_ d: Day?) -> Bool {
                guard let d else { return false }; return window.map { d >= $0 && d <= asOf } ?? (d <= asOf)
            }
            var med: [RegionCode: (amount: Int64, manual: Int64, count: Int, manualCount: Int)] = [:]
            for p in payments where p.itemCode == "MED" && inWindow(p.paidDate) {
                var s = med[p.regionCode] ?? (0, 0, 0, 0)
                s.amount += p.amount.fen
                s.count += 1
                if p.channel == .reimbursement {
                    s.manual += p.amount.fen
                    s.manualCount += 1
                }
                med[p.regionCode] = s
            }
            var recognized: [RegionCode: Int] = [:]
            var onTime: [RegionCode: (n: Int, ok: Int)] = [:]
            for c in data.cases ?? [] {
                if c.decision.entitlesBenefits && inWindow(c.decidedDate) { recognized[c.regionCode, default: 0] += 1 }
                if let a = c.acceptedDate, let d = c.decidedDate, inWindow(d) {
                    onTime[c.regionCode, default: (0, 0)].n += 1
                    if a.distance(to: d) <= 60 { onTime[c.regionCode, default: (0, 0)].ok += 1 }
                }
            }
            var grades: [RegionCode: (n: Int, x: Int)] = [:]
            for a in data.assessments ?? [] where a.kind == .initial && inWindow(a.concludedDate) {
                grades[a.regionCode, default: (0, 0)].n += 1
                if (1...4).contains(a.grade ?? 0) { grades[a.regionCode, default: (0, 0)].x += 1 }
            }
            let totalMed = med.values.reduce(0) { $0 + $1.amount }
            let totalCases = recognized.values.reduce(0, +)
            let provinceMedPerCase = Double(totalMed) / Double(max(1, totalCases))
            let gn = grades.values.reduce(0) { $0 + $1.n }
            let gx = grades.values.reduce(0) { $0 + $1.x }
            let provinceShare = Double(gx) / Double(max(1, gn))
            for city in cities {
                if let m = med[city], let n = recognized[city], n > 0,
                    Double(m.amount) / Double(n) > 1.5 * provinceMedPerCase
                {
                    out.insert("I04|\(city.raw)")
                }
                if let g = grades[city], g.n > 0, Double(g.x) / Double(g.n) > 2 * provinceShare {
                    out.insert("I05|\(city.raw)")
                }
                if let m = med[city], m.count > 0 {
                    if Double(m.manualCount) / Double(m.count) > 0.3
                        || Double(m.manual) / Double(max(1, m.amount)) > 0.3
                    {
                        out.insert("I06|\(city.raw)")
                    }
                }
                if let t = onTime[city], t.n > 0, Double(t.ok) / Double(t.n) < 0.9 { out.insert("I07|\(city.raw)") }
            }
            if let province {
                let mc = med.values.reduce(0) { $0 + $1.count }
                let mm = med.values.reduce(0) { $0 + $1.manualCount }
                if mc > 0 && Double(mm) / Double(mc) > 0.3 { out.insert("I06|\(province.raw)") }
                let tn = onTime.values.reduce(0) { $0 + $1.n }
                let tok = onTime.values.reduce(0) { $0 + $1.ok }
                if tn > 0 && Double(tok) / Double(tn) < 0.9 { out.insert("I07|\(province.raw)") }
            }
        }
        return out.map {
            let parts = $0.split(separator: "|")
            return (String(parts[0]), String(parts[1]))
        }
    }
}
