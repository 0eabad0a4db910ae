import FundModel

/// An employer of the demo and the contiguous range of its workers' indices within its city.
struct EmployerSlot: Sendable {
    var record: Employer
    var firstWorker: Int
    var workerCount: Int
}

/// A city as generated: its workers, employers and the cases it repeats every year.
struct CityPlan: Sendable {
    var index: Int
    var blueprint: CityBlueprint
    var workers: Int
    /// Cases per year from the deck (a multiple of 20 in a full province).
    var deckTicketsPerYear: Int
    var fatalTicketsPerYear: Int
    var employers: [EmployerSlot] = []
    /// The employer of each worker index (index into `employers`).
    var employerOfWorker: [Int32] = []

    var code: RegionCode { blueprint.code }

    /// Splits the province's workers between the cities: capped cities first, the rest by share.
    static func allocate(workers total: Int, cities: [CityBlueprint]) -> [Int] {
        var counts = Array(repeating: 0, count: cities.count)
        var remaining = total
        var open: [Int] = []
        let shareTotal = cities.reduce(0) { $0 + $1.sharePerMille }
        for (i, city) in cities.enumerated() {
            let byShare = total * city.sharePerMille / shareTotal
            if let cap = city.workerCap, byShare > cap {
                counts[i] = cap
                remaining -= cap
            } else {
                open.append(i)
            }
        }
        let openShare = open.reduce(0) { $0 + cities[$1].sharePerMille }
        var assigned = 0
        for i in open {
            counts[i] = remaining * cities[i].sharePerMille / openShare
            assigned += counts[i]
        }
        // Largest cities take the rounding remainder.
        var k = 0
        while assigned < remaining {
            counts[open[k % open.count]] += 1
            assigned += 1
            k += 1
        }
        return counts
    }

    /// Cases a year: full decks of 20 (one per 500 workers, at least one) in a full province, so that every
    /// city has exactly the deck's share of grades 1–4; one case per 25 workers otherwise; two in the sample.
    static func deckTickets(workers: Int, full: Bool, sample: Bool) -> Int {
        if sample { return 2 }
        if full { return 20 * max(1, (workers + 250) / 500) }
        return max(1, (workers + 12) / 25)
    }

    /// Builds the city's employers: sizes from a few to a few hundred, never more than a tenth of the city.
    mutating func buildEmployers(serialBase: inout Int, seed: UInt64, windowStart: Day) {
        var rng = DemoRandom(seed, 0xE3, UInt64(index))
        var next = 0
        let largest = max(8, workers / 10)
        let industryWeights = Industry.all.map(\.weight)
        employerOfWorker = Array(repeating: 0, count: workers)
        while next < workers {
            let size: Int
            switch rng.weightedIndex([400, 350, 200, 50]) {
            case 0: size = rng.int(3...15)
            case 1: size = rng.int(16...60)
            case 2: size = rng.int(61...200)
            default: size = rng.int(201...600)
            }
            let count = min(min(size, largest), workers - next)
            let industry = Industry.all[rng.weightedIndex(industryWeights)]
            let name = blueprint.shortName + rng.pick(ChineseNames.tradeWords) + rng.pick(industry.suffixes)
            // Every employer has been insured since long before the first accident of the demo.
            let since = Day(year: rng.int(1998...2019), month: rng.int(1...12), day: rng.int(1...28))!
            let record = Employer(
                employerID: Identifiers.creditCode(city: code, serial: serialBase, &rng), name: name, regionCode: code,
                industryCode: industry.letter, riskClass: rng.int(industry.riskClasses), insuredSince: since)
            serialBase += 1
            for w in next..<(next + count) { employerOfWorker[w] = Int32(employers.count) }
            employers.append(EmployerSlot(record: record, firstWorker: next, workerCount: count))
            next += count
        }
    }
}
