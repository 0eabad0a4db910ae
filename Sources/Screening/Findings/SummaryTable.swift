import FundModel

extension ScreeningReport {
    /// The run's summary as a text table: per rule its findings by level, the amount at risk and the
    /// time taken; then the rules not run and why, and any notes of what a rule could not judge.
    ///
    /// Kept here rather than in the command so that the CLI stays thin and the table is tested.
    public func summaryTable() -> String {
        var rows: [[String]] = [["规则 rule", "名称 name", "红 red", "橙 orange", "黄 yellow", "金额 amount (元)", "耗时 ms"]]
        var total = RuleReport(ruleID: "", name: "")
        for line in rules where line.ran {
            rows.append([
                line.ruleID, line.name, String(line.red), String(line.orange), String(line.yellow),
                line.amountAtRisk.yuanString, Self.milliseconds(line.duration),
            ])
            total.red += line.red
            total.orange += line.orange
            total.yellow += line.yellow
            total.amountAtRisk += line.amountAtRisk
        }
        rows.append([
            "合计", "total", String(total.red), String(total.orange), String(total.yellow),
            total.amountAtRisk.yuanString, Self.milliseconds(duration),
        ])
        var out = "筛查日 as of \(asOf)：\(findings.count) 条疑点 findings\n"
        out += Self.format(rows, rightAligned: [2, 3, 4, 5, 6])
        let notRun = rules.filter { !$0.ran }
        if !notRun.isEmpty {
            out += "\n未运行 not run:\n"
            for line in notRun { out += "  \(line.ruleID) \(line.name): \(line.notRun!)\n" }
        }
        let notes = rules.filter { !$0.notes.isEmpty }
        if !notes.isEmpty {
            out += "\n说明 notes:\n"
            for line in notes {
                for note in line.notes { out += "  \(line.ruleID): \(note)\n" }
            }
        }
        return out
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    static func format(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        TextTable(rows: rows, rightAligned: rightAligned).render()
    }
}
