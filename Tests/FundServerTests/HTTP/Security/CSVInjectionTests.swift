import Foundation
import FundModel
import FundStore
import Screening
import Testing

@testable import FundServer

/// Issue 11, Build: the console's CSV downloads cannot carry a formula into a spreadsheet.
@Suite("Security: CSV exports neutralise formulas")
struct CSVInjectionTests {
    @Test func findingsCSVNeutralisesFormulasAndKeepsNegativeAmounts() async throws {
        let world = try TestWorld()
        let findings = [
            Finding(
                ruleID: "R05", severity: .red, regionCode: TestWorld.nanjing, subjectType: .payment,
                subjectID: "=HYPERLINK(\"http://evil.example\",\"P9\")", amount: Money(fen: -123_450),
                detail: "@SUM(1+1)*cmd|' /C calc'!A0", evidence: [])
        ]
        _ = try world.store.saveScreeningRun(
            ScreeningRun(asOf: Day(iso: "2025-10-02")!, configuration: RulesConfiguration.default.yaml()),
            findings: findings, rulesRun: ["R05"])
        try await world.test { client in
            let csv = try await client.get("/findings.csv?rule=R05", session: try await client.login("admin"))
            #expect(csv.status == .ok)
            let line = try #require(csv.body.split(separator: "\n").first { $0.contains("evil.example") })
            #expect(line.contains("\"'=HYPERLINK("))
            #expect(line.contains(",-1234.50,"))
            #expect(line.contains("'@SUM(1+1)"))
            // No cell of the file starts with a formula character, quoted or not, unless it is a number.
            for row in csv.body.split(separator: "\n") {
                for cell in row.split(separator: ",", omittingEmptySubsequences: false) {
                    let text = cell.hasPrefix("\"") ? String(cell.dropFirst()) : String(cell)
                    if let first = text.first, "=+-@".contains(first) {
                        #expect(CSVWriter.isPlainNumber(text), "\(text)")
                    }
                }
            }
        }
    }
}
