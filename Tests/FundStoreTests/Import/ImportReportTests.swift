import FundModel
import Testing

@testable import FundStore

@Suite("Import reports in Chinese and English")
struct ImportReportTests {
    @Test("the summary lists rows per file, unmatched references, rejects and warnings")
    func summaryText() {
        let summary = ImportSummary(
            runID: 7, source: "/data/2024-01",
            files: [
                FileImportSummary(
                    table: .payments, file: "payments.csv", rowsRead: 12, rowsImported: 10, rowsReplaced: 3,
                    rowsRejected: 2)
            ],
            warnings: ["payments.csv: 未知列 remark 已忽略 unknown column remark ignored"],
            unmatched: [
                UnmatchedReferences(
                    table: .payments, column: "case_id", target: "injury_cases.case_id", count: 4,
                    examples: ["P1 → C9"])
            ],
            rejected: [ImportIssue(file: "payments.csv", line: 5, column: "amount", reason: "金额无效")],
            rejectedIssueCount: 2, rejectsFiles: ["/db/payments.rejects.csv"], seconds: 1.26)
        let lines = summary.text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "导入完成 Import finished: /data/2024-01 (run 7, 1.3 s)")
        #expect(lines[2].split(separator: " ") == ["payments.csv", "12", "10", "3", "2"])
        #expect(
            lines.contains("  payments.csv case_id: 4 行无对应 rows without a match in injury_cases.case_id, e.g. P1 → C9"))
        #expect(lines.contains("  /db/payments.rejects.csv"))
        #expect(lines.contains("  payments.csv:5: amount: 金额无效"))
        #expect(lines.contains("  … 另有 1 个 and more"))
        #expect(lines.last == "警告 warning: payments.csv: 未知列 remark 已忽略 unknown column remark ignored")
        #expect(summary.rowsImported == 10 && summary.rowsRejected == 2)
    }

    @Test("a rejected import says the database is unchanged, counts per file and lists the first issues")
    func errorText() {
        let issues = (1...4).map { ImportIssue(file: "payments.csv", line: $0 + 1, column: "amount", reason: "x") }
        let error = ImportError(
            issues: issues + [ImportIssue(file: "regions.csv", reason: "空文件")], issueCount: 9,
            issueCountByFile: ["payments.csv": 8, "regions.csv": 1])
        let lines = error.text(limit: 3).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "导入失败，数据库未作任何修改。Import failed; the database is unchanged.",
                "问题 9 个 9 problem(s): payments.csv 8, regions.csv 1",
                "  payments.csv:2: amount: x",
                "  payments.csv:3: amount: x",
                "  payments.csv:4: amount: x",
                "  … 另有 6 个 and 6 more",
            ])
    }
}
