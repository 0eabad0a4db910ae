import ArgumentParser
import Casework
import FundModel

/// `fundguard campaign`: inspection campaigns of the contracted institutions (专项检查).
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "专项检查 Campaigns: self-inspection, spot-check draws, results, rectification, report and risk list.",
        subcommands: [
            Open.self, List.self, Show.self, Answer.self, Risk.self, Submit.self, StartSpot.self, Draw.self, Check.self,
            Rectify.self, CloseItem.self, Close.self, Report.self,
        ]
    )

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启动专项检查 Open a campaign (default checklist).")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Campaign id.") var id: String
        @Option(help: "Title.") var title: String
        @Option(help: "The region running it (province or city).") var region: String
        @Option(help: "Self-inspection reports due, YYYY-MM-DD.") var due: String
        @Option(help: "Only these institutions, comma-separated (default: all of the region).") var institutions:
            String?
        func run() throws {
            let chosen = Parse.list(institutions)
            let plan = CampaignPlan(
                campaignID: id, title: title, regionCode: try Parse.region(region, "--region"),
                selfInspectionDue: try Parse.day(due, "--due"),
                checklist: CampaignPlan.defaultChecklist, institutionIDs: chosen.isEmpty ? nil : chosen)
            let campaign = try acting.run { casework, act in try casework.campaigns.open(plan, act: act) }
            print(
                "已启动 \(campaign.campaignID)：\(campaign.institutionIDs.count) 家机构自查，\(campaign.selfInspectionDue.iso) 前提交"
            )
            for item in campaign.checklist { print("  \(item.itemID) \(item.text)（\(item.basis ?? "")）") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "专项检查列表 List campaigns.")
        @OptionGroup var store: StoreOption
        func run() throws {
            for c in try store.casework().campaigns.campaigns() {
                print(
                    "\(c.campaignID)  \(c.title)  \(c.regionCode.raw)  \(c.state.chineseName)  \(c.institutionIDs.count) 家"
                )
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看专项检查 Show a campaign's progress.")
        @OptionGroup var store: StoreOption
        @Argument(help: "Campaign id.") var id: String
        func run() throws {
            let campaigns = try store.casework().campaigns
            guard let campaign = try campaigns.campaign(id) else {
                throw CaseworkFailure(code: 4, "未找到 not found：\(id)")
            }
            print(
                "\(campaign.campaignID)  \(campaign.title)  \(campaign.state.chineseName)  自查截止 \(campaign.selfInspectionDue.iso)"
            )
            for s in try campaigns.selfInspections(campaignID: id) {
                print(
                    "  自查 \(s.institutionID)：\(s.state.chineseName)  作答 \(s.answers.count)/\(campaign.checklist.count)  风险点 \(s.risks.count)"
                )
            }
            for d in try campaigns.spotCheckDraws(campaignID: id) {
                print("  抽取 \(d.drawID)：\(d.method.chineseName)，种子 \(d.seed)，抽中 \(d.drawn.joined(separator: "、"))")
            }
            for c in try campaigns.spotChecks(campaignID: id) {
                print(
                    "  抽查 \(c.institutionID)：\(c.state.chineseName)  问题 \(c.problems.map { "\($0.problemID) \($0.description)" }.joined(separator: "；"))"
                )
            }
            for r in try campaigns.rectifications(campaignID: id) {
                print(
                    "  整改 \(r.rectificationID) \(r.institutionID)：\(r.description)  \(r.owner)  期限 \(r.deadline.iso)  \(r.state.chineseName)"
                )
            }
            CaseworkText.history(try campaigns.history(.campaign, id: id))
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "填报自查清单 Answer checklist items: --item C01=compliant --item C02=nonCompliant:说明 …")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "Institution id.") var institution: String
        @Option(name: .customLong("item"), help: "ITEM=compliant|nonCompliant|notApplicable[:note], repeatable.")
        var items: [String]
        func run() throws {
            let answers = try items.map { text -> ChecklistAnswer in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--item 须写作 ITEM=result[:note]：\(text)") }
                let rest = parts[1].split(separator: ":", maxSplits: 1).map(String.init)
                return ChecklistAnswer(
                    itemID: parts[0], result: try Parse.code(rest[0], "--item"), note: rest.count > 1 ? rest[1] : "")
            }
            let inspection = try acting.run { casework, act in
                try casework.campaigns.answer(
                    campaignID: campaign, institutionID: institution, answers: answers, act: act)
            }
            print("\(inspection.institutionID)：已作答 \(inspection.answers.count) 项")
        }
    }

    struct Risk: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "登记自查风险点 Add a risk point to a self-inspection.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "Institution id.") var institution: String
        @Option(help: "The risk.") var description: String
        @Option(name: .customLong("point"), help: "The inventory risk point it matches, e.g. RP18.") var point: String?
        @Option(help: "What the institution does about it.") var measure: String = ""
        func run() throws {
            let inspection = try acting.run { casework, act in
                try casework.campaigns.addRisk(
                    campaignID: campaign, institutionID: institution,
                    risk: ReportedRisk(description: description, riskPointID: point, measure: measure), act: act)
            }
            print("\(inspection.institutionID)：风险点 \(inspection.risks.count) 个")
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "提交自查报告 Submit a self-inspection.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "Institution id.") var institution: String
        @Option(help: "The report text.") var report: String
        func run() throws {
            _ = try acting.run { casework, act in
                try casework.campaigns.submit(
                    campaignID: campaign, institutionID: institution, report: report, act: act)
            }
            print("\(institution)：自查报告已提交")
        }
    }

    struct StartSpot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start-spot", abstract: "转入抽查阶段 End self-inspection.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        func run() throws {
            let c = try acting.run { casework, act in
                try casework.campaigns.startSpotChecks(campaignID: campaign, act: act)
            }
            print("\(c.campaignID)：\(c.state.chineseName)")
        }
    }

    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "抽取抽查机构 Draw institutions to spot-check.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "How many.") var size: Int
        @Option(help: "random | weighted (by screening findings)") var method: String = "weighted"
        @Option(help: "The seed (default: fresh; stored).") var seed: String?
        func run() throws {
            let method: SpotCheckMethod = try Parse.code(method, "--method")
            let seed = try Parse.seed(seed)
            let draw = try acting.run { casework, act in
                try casework.campaigns.drawSpotChecks(
                    campaignID: campaign, size: size, method: method, seed: seed, act: act)
            }
            print("\(draw.drawID)：\(draw.method.chineseName)，种子 \(draw.seed)")
            for c in draw.candidates where draw.drawn.contains(c.institutionID) || method == .weighted {
                print(
                    "  \(draw.drawn.contains(c.institutionID) ? "抽中" : "    ") \(c.institutionID)  权重 \(c.weight)  \(c.basis)"
                )
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记抽查结果 Record a spot check: --problem \"描述[|C02|金额]\" repeatable.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "Institution id.") var institution: String
        @Option(help: "Inspectors, comma-separated.") var inspectors: String
        @Option(help: "What was checked and found.") var summary: String
        @Option(name: .customLong("problem"), help: "DESCRIPTION[|ITEM[|AMOUNT in yuan]], repeatable.") var problems:
            [String] = []
        func run() throws {
            let parsed = try problems.map { text -> CheckProblem in
                let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let item = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
                let amount = parts.count > 2 ? try Parse.money(parts[2], "--problem") : Money(fen: 0)
                return CheckProblem(problemID: "", description: parts[0], itemID: item, amount: amount)
            }
            let check = try acting.run { casework, act in
                try casework.campaigns.recordCheck(
                    campaignID: campaign, institutionID: institution, inspectors: Parse.list(inspectors),
                    problems: parsed,
                    summary: summary, act: act)
            }
            print("\(check.institutionID)：\(check.state.chineseName)")
            for p in check.problems { print("  \(p.problemID) \(p.description) \(p.amount)") }
        }
    }

    struct Rectify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "提出整改事项 Open a rectification item.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        @Option(help: "Institution id.") var institution: String
        @Option(help: "The spot-check problem it answers, e.g. ZX2024/H3#1.") var problem: String?
        @Option(help: "What must be put right.") var description: String
        @Option(help: "Who is responsible.") var owner: String
        @Option(help: "Deadline, YYYY-MM-DD.") var deadline: String
        func run() throws {
            let deadline = try Parse.day(deadline, "--deadline")
            let item = try acting.run { casework, act in
                try casework.campaigns.openRectification(
                    campaignID: campaign, institutionID: institution, problemID: problem, description: description,
                    owner: owner,
                    deadline: deadline, act: act)
            }
            print("已提出 \(item.rectificationID)：\(item.owner)，\(item.deadline.iso) 前完成")
        }
    }

    struct CloseItem: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-item", abstract: "整改销号 Close a rectification item with evidence.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Rectification id.") var id: String
        @Option(help: "The evidence it was done.") var evidence: String
        func run() throws {
            let item = try acting.run { casework, act in
                try casework.campaigns.closeRectification(id, evidence: evidence, act: act)
            }
            print("\(item.rectificationID)：\(item.state.chineseName)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "结束专项检查 Close the campaign.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "Campaign id.") var campaign: String
        func run() throws {
            let c = try acting.run { casework, act in try casework.campaigns.close(campaignID: campaign, act: act) }
            print("\(c.campaignID)：\(c.state.chineseName)")
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "自查报告与风险清单 The self-inspection report and risk list (print, or write CSV).")
        @OptionGroup var store: StoreOption
        @Argument(help: "Campaign id.") var campaign: String
        @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default: today).") var asOf: String?
        @Option(help: "Write the per-institution report as CSV to this file.") var out: String?
        @Option(name: .customLong("risks-out"), help: "Write the risk list (风险清单) as CSV to this file.") var risksOut:
            String?
        func run() throws {
            let casework = try store.casework()
            let day = try asOf.map { try Parse.day($0, "--as-of") } ?? Today.day()
            let report = try perform { try casework.campaigns.report(campaignID: campaign, asOf: day) }
            print("\(report.campaign.title)（\(report.campaign.state.chineseName)，截至 \(day.iso)）")
            print("自查：\(report.lines.count) 家，已提交 \(report.submitted)（逾期 \(report.submittedLate)）")
            print(
                "抽查：抽中 \(report.spotCheckDrawn)，已检查 \(report.spotChecked)，问题 \(report.problems) 个，金额 \(report.problemAmount) 元"
            )
            print(
                "整改：整改中 \(report.rectificationsOpen)（逾期 \(report.rectificationsOverdue)），已销号 \(report.rectificationsClosed)"
            )
            for t in report.items {
                print(
                    "  \(t.item.itemID) 符合 \(t.compliant) 不符合 \(t.nonCompliant) 不适用 \(t.notApplicable) 未答 \(t.unanswered)  \(t.item.text)"
                )
            }
            print("风险清单 \(report.risks.count) 条")
            if let out { try CaseworkText.write(report.linesCSV, to: out) }
            if let risksOut { try CaseworkText.write(report.risksCSV, to: risksOut) }
        }
    }
}
