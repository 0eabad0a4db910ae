import Foundation
import FundModel
import Testing

@testable import FundStore

private func finding(_ subject: String, region: String = "110100") -> Finding {
    Finding(
        ruleID: "R03", severity: .red, regionCode: RegionCode(region)!, subjectType: .payment, subjectID: subject,
        amount: Money(fen: 100_000), detail: "R03 疑点 \(subject)", evidence: [])
}

private func id(_ subject: String) -> String { "R03-payment-\(subject)" }

/// A moment in UTC, e.g. `2026-04-14T17:30:00Z`.
private func moment(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// Applies one step, as the server's workflow would after checking it.
private func step(
    _ store: SQLiteFundStore, _ subject: String, _ action: VerificationAction, _ from: FindingStatus,
    _ to: FindingStatus, at: String, yuan: Int64? = nil, recovered: Int64 = 0
) throws {
    let amount = yuan.map { Money(yuan: $0) }
    try store.applyVerification(
        VerificationStep(
            findingID: id(subject), at: moment(at), userID: nil, userName: "王科员", action: action,
            fromStatus: from, toStatus: to, amount: amount, reason: "核查", remoteAddress: "127.0.0.1"),
        updated: VerificationCase(findingID: id(subject), status: to, recovered: Money(yuan: recovered)))
}

@Suite("findingVerificationRows: the findings register as I08 and I09 read it")
struct RegisterRowsTests {
    @Test("raised on the first run's date; conclusions and recoveries on their day in China time, up to as-of")
    func verificationRows() throws {
        let dir = TemporaryDirectory()
        let store = try dir.store()
        _ = try store.saveScreeningRun(
            ScreeningRun(asOf: day("2026-03-01"), configuration: ""),
            findings: ["P1", "P2", "P3", "P4"].map { finding($0) } + [finding("P5", region: "110200")],
            rulesRun: ["R03"])
        // A second run raises P1 again (its raised date stays the first run's) and P6 for the first time.
        _ = try store.saveScreeningRun(
            ScreeningRun(asOf: day("2026-06-01"), configuration: ""), findings: [finding("P1"), finding("P6")],
            rulesRun: ["R03"])
        // A run dated after the as-of day: its new finding did not exist yet.
        _ = try store.saveScreeningRun(
            ScreeningRun(asOf: day("2026-12-01"), configuration: ""), findings: [finding("P7")], rulesRun: ["R03"])

        for subject in ["P1", "P2", "P4", "P5"] {
            try step(store, subject, .assign, .new, .assigned, at: "2026-03-02T02:00:00Z")
            try step(store, subject, .start, .assigned, .verifying, at: "2026-03-03T02:00:00Z")
        }
        // 17:30 UTC on 14 April is 01:30 on 15 April in China.
        try step(store, "P1", .clear, .verifying, .cleared, at: "2026-04-14T17:30:00Z")
        try step(store, "P1", .close, .cleared, .closed, at: "2026-04-20T02:00:00Z")
        try step(store, "P2", .irregular, .verifying, .irregular, at: "2026-05-01T02:00:00Z", yuan: 1000)
        try step(store, "P2", .recover, .irregular, .irregular, at: "2026-06-01T02:00:00Z", yuan: 400, recovered: 400)
        try step(store, "P2", .note, .irregular, .irregular, at: "2026-06-02T02:00:00Z")
        try step(store, "P2", .recover, .irregular, .irregular, at: "2026-10-10T02:00:00Z", yuan: 600, recovered: 1000)
        // 23:59:59 on the as-of day in China counts; a second later (the next day there) does not.
        try step(store, "P4", .fraud, .verifying, .fraud, at: "2026-09-30T15:59:59Z", yuan: 5000)
        try step(store, "P5", .clear, .verifying, .cleared, at: "2026-09-30T16:00:00Z")

        let rows = Dictionary(
            uniqueKeysWithValues: try store.findingVerificationRows(asOf: day("2026-09-30")).map { ($0.findingID, $0) })
        #expect(rows.keys.sorted() == ["P1", "P2", "P3", "P4", "P5", "P6"].map(id))
        #expect(
            rows[id("P1")]
                == FindingVerificationRow(
                    findingID: id("P1"), regionCode: RegionCode("110100")!, raisedDate: day("2026-03-01"),
                    concludedDate: day("2026-04-15"), conclusion: .cleared))
        #expect(
            rows[id("P2")]
                == FindingVerificationRow(
                    findingID: id("P2"), regionCode: RegionCode("110100")!, raisedDate: day("2026-03-01"),
                    concludedDate: day("2026-05-01"), conclusion: .irregular, confirmedAmount: Money(yuan: 1000),
                    recoveries: [.init(day: day("2026-06-01"), amount: Money(yuan: 400))]))
        #expect(rows[id("P3")]?.concludedDate == nil && rows[id("P3")]?.conclusion == nil)
        #expect(rows[id("P4")]?.concludedDate == day("2026-09-30") && rows[id("P4")]?.conclusion == .fraud)
        #expect(rows[id("P4")]?.confirmedAmount == Money(yuan: 5000) && rows[id("P4")]?.isConfirmedIrregular == true)
        #expect(rows[id("P5")]?.regionCode == RegionCode("110200")! && rows[id("P5")]?.concludedDate == nil)
        #expect(rows[id("P6")]?.raisedDate == day("2026-06-01"))

        // Later, the whole history counts.
        let later = try store.findingVerificationRows(asOf: day("2026-12-31"))
        #expect(later.count == 7)
        #expect(
            later.first { $0.findingID == id("P2") }?.recoveries.map(\.amount) == [Money(yuan: 400), Money(yuan: 600)])
        #expect(later.first { $0.findingID == id("P5") }?.concludedDate == day("2026-10-01"))
    }

    @Test("an empty register gives no rows")
    func empty() throws {
        let dir = TemporaryDirectory()
        #expect(try dir.store().findingVerificationRows(asOf: day("2026-09-30")).isEmpty)
        #expect(try dir.store("other.sqlite").determinationTimingRows(asOf: day("2026-09-30")).isEmpty)
    }
}
