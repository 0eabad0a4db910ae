import Foundation
import FundColumns
import FundModel
import FundStore
import Screening
import Testing

@testable import FundApp

/// The year-end report (issue 14 item 4): its totals match the ledger, the payments and the findings they came
/// from, counted here straight from the imported rows.
@Suite("Year-end report (年终情况报告)")
struct YearEndReportTests {
    static var sample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/sample").path
    }

    /// The sample province imported and screened as of 2025-12-31, with three findings verified in 2025
    /// (irregular, fraud with a fine, a recovery) and one in 2026.
    static func world() async throws -> (SQLiteFundStore, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteFundStore(path: directory + "/fund.sqlite")
        let summary = try Importer(store: store).importDirectory(
            sample, options: ImportOptions(rejectsDirectory: directory))
        #expect(summary.rowsRejected == 0)
        // The one screening use case, as `fundguard screen` runs it: findings and indicator figures recorded.
        _ = try await ScreeningJob(store: store, configuration: .default, asOf: Day(iso: "2025-12-31")!).run()
        return (store, directory)
    }

    static func step(
        _ store: SQLiteFundStore, _ findingID: String, _ action: VerificationAction, _ from: FindingStatus,
        _ to: FindingStatus, at: String, yuan: Int64? = nil, fine: Int64? = nil, recovered: Int64 = 0
    ) throws {
        try store.applyVerification(
            VerificationStep(
                findingID: findingID, at: ISO8601DateFormatter().date(from: at)!, userID: nil, userName: "王科员",
                action: action, fromStatus: from, toStatus: to, amount: yuan.map { Money(yuan: $0) },
                fine: fine.map { Money(yuan: $0) }, reason: "核查", remoteAddress: "127.0.0.1"),
            updated: VerificationCase(findingID: findingID, status: to, recovered: Money(yuan: recovered)))
    }

    @Test("the fund, the spending and the determinations add up to the imported rows of the year")
    func totalsMatchTheData() async throws {
        let (store, directory) = try await Self.world()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = try YearEndReport.make(year: 2025, drawnUp: Day(iso: "2026-01-15")!, store: store)
        let data = try store.loadDataSet()

        // The ledger has rows for the province itself (390000): they are its consolidated account.
        let ledger = (data.fundLedger ?? []).filter { $0.month.year == 2025 }
        let provinceRows = ledger.filter { $0.regionCode.raw == "390000" }
        #expect(!provinceRows.isEmpty)
        #expect(report.fund.province.revenue == provinceRows.reduce(.zero) { $0 + $1.revenue })
        #expect(report.fund.province.expenditure == provinceRows.reduce(.zero) { $0 + $1.totalExpenditure })
        #expect(report.fund.province.balance == provinceRows.max { $0.month < $1.month }!.balance)
        #expect(report.fund.province.months == provinceRows.count)
        for city in report.fund.cities {
            let rows = ledger.filter {
                $0.regionCode.impliedLevel != .province && $0.regionCode.city == city.region.code
            }
            #expect(city.benefit == rows.reduce(.zero) { $0 + $1.benefitExpenditure })
        }
        #expect(report.fund.cities.map(\.region.name) == ["海州市", "明港市"])

        // Spending: every payment dated in 2025, net of reversals, by item.
        let payments = (data.payments ?? []).filter { $0.paidDate.year == 2025 }
        #expect(!payments.isEmpty)
        #expect(report.spending.total == payments.reduce(.zero) { $0 + $1.amount })
        for line in report.spending.items {
            let rows = payments.filter { $0.itemCode == line.itemCode }
            #expect(line.total == rows.reduce(.zero) { $0 + $1.amount })
            #expect(line.count == rows.count)
            #expect(line.byCity.reduce(.zero, +) == line.total)
        }
        let medical = payments.filter { $0.itemCode == "MED" }
        #expect(
            report.spending.medicalDirect
                == medical.filter { $0.channel == .direct }.reduce(.zero) { $0 + $1.amount })

        // Determinations decided in 2025, by their outcome.
        let decided = (data.cases ?? []).filter {
            $0.decidedDate?.year == 2025 && $0.decision != .pending && $0.decision != .suspended
        }
        #expect(report.determinations.province.decided == decided.count)
        #expect(report.determinations.province.recognized == decided.filter { $0.decision.entitlesBenefits }.count)
        #expect(
            report.determinations.province.applied == (data.cases ?? []).filter { $0.appliedDate?.year == 2025 }.count)
        let concluded = (data.assessments ?? []).filter { $0.concludedDate?.year == 2025 }
        #expect(report.assessments.province.concluded == concluded.count)
        // benefit_items.csv: two items with a basis (one retired) and PROV_HEATING without one (自行制定).
        #expect(report.itemList.provincialItems.map(\.code) == ["PROV_HEATING", "PROV_TRAINING", "PROV_TRANSPORT"])
        #expect(report.itemList.provincialItems.filter(\.isSelfMade).map(\.code) == ["PROV_HEATING"])

        // The indicators of the year's run: the trailing 12 months to December 2025 (ended on the 31st), per city.
        #expect(report.indicators.runID == 1)
        #expect(report.indicators.periodEnd == YearMonth(year: 2025, month: 12))
        #expect(report.indicators.cities.count == 2 && report.indicators.province != nil)
        #expect(report.indicators.cities.contains { !$0.values.isEmpty })
        let none = try YearEndReport.make(year: 2024, drawnUp: Day(iso: "2026-01-15")!, store: store)
        #expect(none.indicators.runID == nil && none.document().sections.count == 9)
    }

    @Test("screening: the findings of the year's runs, their conclusions, fines and the money recovered in the year")
    func screeningMatchesTheFindings() async throws {
        let (store, directory) = try await Self.world()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let findings = try store.findingPage(FindingListQuery(scope: .all, limit: 1000)).rows
        #expect(findings.count >= 3)
        let (a, b, c) = (
            findings[0].stored.finding.findingID, findings[1].stored.finding.findingID,
            findings[2].stored.finding.findingID
        )
        try Self.step(store, a, .irregular, .new, .irregular, at: "2025-12-20T02:00:00Z", yuan: 300)
        try Self.step(store, a, .recover, .irregular, .irregular, at: "2025-12-31T15:30:00Z", yuan: 100, recovered: 100)
        try Self.step(store, b, .fraud, .new, .fraud, at: "2025-12-21T02:00:00Z", yuan: 1_000, fine: 2_500)
        try Self.step(store, c, .clear, .new, .cleared, at: "2025-12-22T02:00:00Z")
        // 2025-12-31T16:30Z is 2026-01-01 00:30 in China: a recovery of 2026.
        try Self.step(
            store, b, .recover, .fraud, .fraud, at: "2025-12-31T16:30:00Z", yuan: 400, recovered: 400)

        let report = try YearEndReport.make(year: 2025, drawnUp: Day(iso: "2026-01-15")!, store: store)
        let screening = report.screening
        #expect(screening.runs == 1)
        #expect(screening.findings == findings.count)
        #expect(screening.rules.reduce(0) { $0 + $1.findings } == findings.count)
        #expect(screening.amountAtRiskTotal == findings.reduce(.zero) { $0 + $1.stored.finding.amount })
        #expect(screening.concluded == 3 && screening.irregular == 1 && screening.fraudReferrals == 1)
        #expect(screening.confirmed == Money(yuan: 1_300))
        #expect(screening.fines == Money(yuan: 2_500))
        #expect(screening.fineLow == Money(yuan: 2_000) && screening.fineHigh == Money(yuan: 5_000))
        #expect(screening.recovered == Money(yuan: 100))
        #expect(screening.cities.reduce(.zero) { $0 + $1.recovered } == Money(yuan: 100))
        #expect(screening.cities.reduce(0) { $0 + $1.findings } == findings.count)

        let next = try YearEndReport.make(year: 2026, drawnUp: Day(iso: "2026-02-01")!, store: store)
        #expect(next.screening.findings == 0 && next.screening.recovered == Money(yuan: 400))
    }

    @Test("without province rows the province's fund is the sum of its cities; counties roll into their city")
    func ledgerWithoutProvinceRows() {
        func entry(_ region: String, _ month: Int, revenue: Int64, balance: Int64) -> FundLedgerEntry {
            FundLedgerEntry(
                regionCode: RegionCode(region)!, month: YearMonth(year: 2025, month: month)!,
                revenue: Money(yuan: revenue), benefitExpenditure: Money(yuan: 10), preventionExpenditure: .zero,
                assessmentExpenditure: .zero, otherExpenditure: .zero, balance: Money(yuan: balance))
        }
        let regions = ReportRegions([
            Region(code: RegionCode("390000")!, name: "东海省", level: .province, parentCode: nil),
            Region(code: RegionCode("390100")!, name: "海州市", level: .city, parentCode: RegionCode("390000")),
            Region(code: RegionCode("390200")!, name: "明港市", level: .city, parentCode: RegionCode("390000")),
        ])
        let section = YearEndReport.fundSection(
            2025,
            [
                entry("390100", 1, revenue: 100, balance: 1_000), entry("390100", 2, revenue: 100, balance: 1_100),
                entry("390102", 2, revenue: 5, balance: 50), entry("390200", 1, revenue: 70, balance: 700),
                // Another year: left out.
                FundLedgerEntry(
                    regionCode: RegionCode("390200")!, month: YearMonth(year: 2024, month: 12)!,
                    revenue: Money(yuan: 999), benefitExpenditure: .zero, preventionExpenditure: .zero,
                    assessmentExpenditure: .zero, otherExpenditure: .zero, balance: .zero),
            ], regions)
        #expect(section.cities[0].revenue == Money(yuan: 205) && section.cities[0].balance == Money(yuan: 1_150))
        #expect(section.cities[0].months == 2 && section.cities[1].months == 1)
        #expect(section.province.revenue == Money(yuan: 275))
        #expect(section.province.balance == Money(yuan: 1_850))
        #expect(section.province.months == 1)
        #expect(section.province.expenditure == Money(yuan: 40))
        #expect(section.source.contains("各市之和"))
    }

    @Test("a year outside 2000–2100 is refused with a reason")
    func yearOutOfRange() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteFundStore(path: directory + "/fund.sqlite")
        #expect(throws: YearEndReportError.yearOutOfRange(99_999)) {
            try YearEndReport.make(year: 99_999, drawnUp: Day(iso: "2026-01-15")!, store: store)
        }
    }
}
