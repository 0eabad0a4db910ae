import FundModel
import Testing

@testable import Screening

@Suite("Findings file and summary")
struct FindingsFormatTests {
    static let findings = [
        Finding(
            ruleID: "R08", severity: .red, regionCode: Fixture.city, subjectType: .payment, subjectID: "P2",
            amount: Money(fen: 123_450), detail: "票据号 \"A,1\" 重复", evidence: ["P1", "P0"]),
        Finding(
            ruleID: "R19", severity: .orange, regionCode: Fixture.otherCity, subjectType: .account, subjectID: "ACC",
            amount: Money(fen: -5), detail: "line\nbreak", evidence: []),
    ]

    @Test("CSV: the interchange columns, yuan with two decimals, evidence joined with ;, RFC 4180 quoting")
    func csv() {
        let text = FindingsFormat.csv(Self.findings)
        let expected = """
            finding_id,rule_id,severity,region_code,subject_type,subject_id,amount,detail,evidence
            R08-payment-P2,R08,red,320100,payment,P2,1234.50,"票据号 ""A,1"" 重复",P1;P0
            \(Finding.stableID(ruleID: "R19", subjectType: .account, subjectID: "ACC")),R19,orange,320200,account,ACC,-0.05,"line
            break",

            """
        #expect(text == expected)
    }

    @Test("JSON: the same fields and values; amount a number with two decimals")
    func json() {
        let text = FindingsFormat.json([Self.findings[0]])
        let expected = """
            [
              {"finding_id": "R08-payment-P2", "rule_id": "R08", "severity": "red", "region_code": "320100", \
            "subject_type": "payment", "subject_id": "P2", "amount": 1234.50, "detail": "票据号 \\"A,1\\" 重复", \
            "evidence": "P1;P0"}
            ]

            """
        #expect(text == expected)
        #expect(FindingsFormat.json([]) == "[]\n")
        #expect(FindingsFormat.jsonString("a\nb\u{1}") == "\"a\\nb\\u0001\"")
    }

    @Test("the format follows the file extension")
    func formatByExtension() {
        #expect(FindingsFormat(fileName: "out/findings.CSV") == .csv)
        #expect(FindingsFormat(fileName: "findings.json") == .json)
        #expect(FindingsFormat(fileName: "findings.txt") == nil)
    }

    @Test("the summary lists each rule run with its counts and amount, then the rules not run and why")
    func summary() async {
        let data = Fixture.dataSet(payments: [
            Fixture.payment("A", yuan: "100000.01"), Fixture.payment("B", yuan: "600000"),
        ])
        let report = await screen(data, ["R03", "R05"])
        let table = report.summaryTable()
        let r03 = table.split(separator: "\n").first { $0.hasPrefix("R03") }.map(String.init) ?? ""
        let cells = r03.split(separator: " ").map(String.init)
        #expect(cells.prefix(6) == ["R03", "大额支出", "1", "0", "1", "700000.01"])
        #expect(table.contains("R05 死亡后支出: 无数据 no data: ext_deaths.csv"))
        #expect(table.hasPrefix("筛查日 as of 2026-09-30：2 条疑点 findings"))
    }
}
