import DemoData
import FundModel
import Testing

@Suite("Demo province: longer payment history (historyYears)")
struct HistoryYearsTests {
    @Test("the window starts historyYears years before the as-of year; 3 is the default")
    func windowStart() {
        // As-of 2026-09-30: three years back is 1 January 2023, eight years back 1 January 2018.
        #expect(DemoOptions().windowStart == Day(year: 2023, month: 1, day: 1)!)
        #expect(DemoOptions(historyYears: 8).windowStart == Day(year: 2018, month: 1, day: 1)!)
    }

    @Test("a longer history gives more payments from the same workers, all inside the window")
    func morePayments() throws {
        let short = try DemoProvinceGenerator.dataSet(options: DemoOptions(workers: 400)).dataSet
        let options = DemoOptions(workers: 400, historyYears: 12)
        let long = try DemoProvinceGenerator.dataSet(options: options).dataSet
        let shortPayments = short.payments ?? []
        let longPayments = long.payments ?? []
        #expect(long.workers?.count == 400)
        #expect(longPayments.count > shortPayments.count * 3 / 2)
        let start = Day(year: 2014, month: 1, day: 1)!
        #expect(longPayments.allSatisfy { $0.paidDate >= start && $0.paidDate <= options.asOf })
        #expect(longPayments.contains { $0.paidDate.year == 2014 })
        // Accidents start two years before the window (2012), so 2012's parameters are there, with the
        // national urban disposable income of 2011 (NBS: 21 810 yuan).
        let income = long.parameters?.first { $0.year == 2012 && $0.name == ParameterName.urbanDisposableIncome }
        #expect(income?.value == Decimal4(21_810))
        #expect(short.parameters?.contains { $0.year < 2016 } == false)
    }
}
