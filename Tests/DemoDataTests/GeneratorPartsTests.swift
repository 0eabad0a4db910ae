import FundModel
import Testing

@testable import DemoData

@Suite("Demo generator parts")
struct GeneratorPartsTests {
    @Test("the same seed and keys give the same stream; other keys another")
    func randomStreams() {
        var a = DemoRandom(7, 1, 2)
        var b = DemoRandom(7, 1, 2)
        var c = DemoRandom(7, 2, 1)
        let sa = (0..<16).map { _ in a.next() }
        #expect(sa == (0..<16).map { _ in b.next() })
        #expect(sa != (0..<16).map { _ in c.next() })
        var r = DemoRandom(1)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let x = r.int(3...9)
            #expect((3...9).contains(x))
            seen.insert(x)
        }
        #expect(seen == Set(3...9))
    }

    @Test("smooth round robin gives each choice its weight")
    func roundRobin() {
        var rr = SmoothRoundRobin(weights: [3, 1, 0, 2])
        var counts = [0, 0, 0, 0]
        for _ in 0..<60 { counts[rr.next()] += 1 }
        #expect(counts == [30, 10, 0, 20])
        // And never bunches: in any 6 consecutive picks, choice 0 appears exactly 3 times.
        var rr2 = SmoothRoundRobin(weights: [3, 1, 2])
        let picks = (0..<60).map { _ in rr2.next() }
        for start in stride(from: 0, to: 54, by: 6) {
            #expect(picks[start..<(start + 6)].filter { $0 == 0 }.count == 3)
        }
    }

    @Test("safeMonth is always after the event, whatever the year")
    func safeMonth() {
        for year in [2023, 2024] {
            for month in 1...12 {
                for day in 1...28 {
                    let accident = Day(year: year, month: month, day: day)!
                    for days in stride(from: 0, through: 400, by: 7) {
                        let offset = CaseTimeline.safeMonth(accidentDay: day, afterDays: days)
                        let first = accident.yearMonth.adding(months: offset).firstDay
                        #expect(first > accident.adding(days: days))
                    }
                }
            }
        }
    }

    @Test("credit codes carry the GB 32100 check character; person ids the GB 11643 one")
    func identifiers() {
        var rng = DemoRandom(3)
        for serial in [1, 30, 31, 961, 123_456] {
            let code = Identifiers.creditCode(city: RegionCode("390100")!, serial: serial, &rng)
            #expect(code.count == 18 && code.hasPrefix("91390100"))
            #expect(CreditCodeCheck.isValid(code))
        }
        var factory = PersonIDFactory()
        let birth = Day(year: 1980, month: 2, day: 29)!
        let a = factory.make(region: "390102", birth: birth, male: true, &rng)
        let b = factory.make(region: "390102", birth: birth, male: true, &rng)
        #expect(a != b && a.hasValidCheckCharacter && b.hasValidCheckCharacter)
        #expect(a.embeddedBirthDate == birth)
        // The 17th digit is odd for a man.
        #expect(Int(String(Array(a.raw)[16]))! % 2 == 1)
        #expect(!PersonIDFactory.corrupted(a).hasValidCheckCharacter)
    }

    @Test("workers are split between the cities; small cities are capped")
    func allocation() {
        let counts = CityPlan.allocate(workers: 100_000, cities: ProvinceBlueprint.cities)
        #expect(counts.reduce(0, +) == 100_000)
        #expect(counts[5] == 600 && counts[6] == 600)
        #expect(counts[0] > counts[1] && counts[1] > counts[2])
    }
}
