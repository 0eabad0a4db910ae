import FundModel
import GRDB
import Testing

@testable import FundStore

@Suite("indicator_history: a run's indicator figures, stored with the run or not at all")
struct IndicatorHistoryStoreTests {
    static let nanjing = RegionCode("320100")!
    static let province = RegionCode("320000")!

    static func reading(
        _ id: String, _ region: RegionCode, _ kind: IndicatorReading.PeriodKind, _ end: String, value: Int64?,
        level: Severity? = nil
    ) -> IndicatorReading {
        IndicatorReading(
            indicatorID: id, regionCode: region, periodKind: kind, periodEnd: YearMonth(iso: end)!,
            value: value.map { Decimal4(tenThousandths: $0) }, provinceValue: Decimal4(tenThousandths: 123_456),
            level: level, comparison: id == "I02" ? .below : .above,
            thresholds: id == "I02" ? [.red: Decimal4(3), .orange: Decimal4(6)] : [.yellow: Decimal4(20)])
    }

    @Test("readings round-trip exactly: undefined figures, levels, thresholds, periods")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        let readings = [
            Self.reading("I02", Self.nanjing, .trailing12, "2025-08", value: 25_000, level: .red),
            Self.reading("I02", Self.province, .trailing12, "2025-08", value: 123_456),
            Self.reading("I01", Self.nanjing, .month, "2025-08", value: nil),
            Self.reading("I03", Self.province, .year, "2025-08", value: -5),
        ]
        let summary = try store.saveScreeningRun(
            ScreeningRun(asOf: Day(iso: "2025-08-31")!, configuration: "c", indicatorReadings: readings),
            findings: [], rulesRun: [])
        let stored = try store.indicatorReadings(IndicatorHistoryQuery(runs: .latest))
        #expect(stored.total == 4)
        #expect(Set(stored.rows.map(\.reading)) == Set(readings))
        #expect(stored.rows.allSatisfy { $0.runID == summary.runID })
        // Cities before the province within an indicator and kind.
        let i02 = stored.rows.filter { $0.reading.indicatorID == "I02" }.map(\.reading.regionCode)
        #expect(i02 == [Self.nanjing, Self.province])
        // Scope: a city sees itself and the province.
        let city = try store.indicatorReadings(IndicatorHistoryQuery(scope: .city(RegionCode("320200")!)))
        #expect(city.rows.allSatisfy { $0.reading.regionCode == Self.province } && city.total == 2)
    }

    @Test("when the readings cannot be written, neither the run nor its findings are kept")
    func wholeOrAbsent() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        try store.databaseWriter.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_readings BEFORE INSERT ON indicator_history
                    BEGIN SELECT RAISE(ABORT, 'disk full'); END
                    """)
        }
        let finding = Finding(
            ruleID: "R03", severity: .red, regionCode: Self.nanjing, subjectType: .payment, subjectID: "P1",
            amount: Money(fen: 100), detail: "d", evidence: [])
        #expect(throws: (any Error).self) {
            try store.saveScreeningRun(
                ScreeningRun(
                    asOf: Day(iso: "2025-08-31")!, configuration: "c",
                    indicatorReadings: [Self.reading("I02", Self.nanjing, .month, "2025-08", value: 1)]),
                findings: [finding], rulesRun: ["R03"])
        }
        #expect(try store.screeningRuns(limit: 10).isEmpty)
        #expect(try store.findings(FindingQuery()).isEmpty)
        #expect(try store.indicatorReadings(IndicatorHistoryQuery()).total == 0)
    }
}
