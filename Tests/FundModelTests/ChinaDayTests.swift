import Testing

@testable import FundModel

@Suite("Day.inChina: the one conversion of a moment to a day")
struct ChinaDayTests {
    @Test("a host in UTC is on yesterday until 08:00 China time; China's day turns at 16:00 UTC")
    func offset() {
        // 2026-12-04 23:59:59 UTC is 2026-12-05 07:59:59 in China.
        let lateUTC: Int64 = 1_796_428_799
        #expect(Day.inChina(unixSeconds: lateUTC) == Day(iso: "2026-12-05"))
        // 2026-12-04 15:59:59 UTC is 23:59:59 in China, still the 4th; one second later the 5th.
        #expect(Day.inChina(unixSeconds: 1_796_399_999) == Day(iso: "2026-12-04"))
        #expect(Day.inChina(unixSeconds: 1_796_400_000) == Day(iso: "2026-12-05"))
        // Before 1970 too (floor division): 1969-12-31 15:59:59 UTC is 23:59:59 in China.
        #expect(Day.inChina(unixSeconds: -28_801) == Day(iso: "1969-12-31"))
        #expect(Day.inChina(unixSeconds: -28_800) == Day(iso: "1970-01-01"))
    }
}
