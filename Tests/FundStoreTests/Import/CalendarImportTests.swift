import FundModel
import Testing

@testable import FundStore

@Suite("calendar.csv (rev. 2): optional, checked like every file, a row replaces the same day and region")
struct CalendarImportTests {
    @Test("national and regional rows import; an unknown region is counted as unmatched, not rejected")
    func goodRows() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "calendar.csv",
            "date,kind,region_code\n2024-10-01,holiday,\n2024-10-12,holiday,110100\n2024-10-08,workday,110000\n2024-10-09,holiday,990100\n"
        )
        let store = try dir.store()
        let summary = try Importer(store: store).importDirectory(dir.data)
        #expect(summary.files.first { $0.table == .calendar }?.rowsImported == 4)
        #expect(!summary.unmatched.isEmpty)
        #expect(try store.importedTables().contains(.calendar))
        let days = try store.calendarDays()
        #expect(days.count == 4)
        #expect(days.first == CalendarDay(date: Day(iso: "2024-10-01")!, kind: .holiday, regionCode: nil))
        #expect(
            days.contains(CalendarDay(date: Day(iso: "2024-10-08")!, kind: .workday, regionCode: RegionCode("110000"))))
        // The screening loader reads it too.
        #expect(try store.loadScreeningData(tables: nil).calendar?.count == 4)
    }

    @Test("re-importing a day of the same region replaces it; the same day of another region is another row")
    func replaces() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write("calendar.csv", "date,kind,region_code\n2024-10-12,holiday,\n2024-10-12,holiday,110100\n")
        let store = try dir.store()
        _ = try Importer(store: store).importDirectory(dir.data)
        dir.write("calendar.csv", "date,kind,region_code\n2024-10-12,workday,\n", in: "again")
        _ = try Importer(store: store).importDirectory(dir.path + "/again")
        let days = try store.calendarDays()
        #expect(
            Set(days) == [
                CalendarDay(date: Day(iso: "2024-10-12")!, kind: .workday, regionCode: nil),
                CalendarDay(date: Day(iso: "2024-10-12")!, kind: .holiday, regionCode: RegionCode("110100")),
            ])
    }

    @Test("a bad kind, a bad date and a bad region are all reported as file:line: column: reason; nothing is kept")
    func badRows() throws {
        let dir = TemporaryDirectory()
        dir.write("regions.csv", Fixture.regions)
        dir.write(
            "calendar.csv",
            "date,kind,region_code\n2024-10-01,holiday,\n2024-10-02,day_off,\n2024-02-30,holiday,\n2024-10-03,holiday,11010\n,workday,\n"
        )
        let store = try dir.store()
        let error = try expectRejected(store, dir.data)
        let issues = error.issues.filter { $0.file.hasSuffix("calendar.csv") }
        #expect(
            issues.map { "\($0.line ?? 0): \($0.column ?? "")" } == ["3: kind", "4: date", "5: region_code", "6: date"])
        #expect(issues.allSatisfy { $0.description.hasPrefix("calendar.csv:") })
        #expect(issues[0].description.contains("holiday"))  // the accepted codes are named
        #expect(try store.importedTables().isEmpty)
    }
}
