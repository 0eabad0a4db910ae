/// The banner after a successful casework form.
///
/// The redirect carries only a key (`?done=determination.accept`); the page shows the fixed text of a known key
/// and nothing for any other. The text is never read from the address, so a crafted link cannot put words of its
/// own into the console's banner (the file, draw or item itself is on the page the redirect leads to).
struct CaseworkDone: Hashable, Sendable {
    let key: String

    /// `nil` for a key that is not in the table.
    init?(_ key: String) {
        guard Self.texts[key] != nil else { return nil }
        self.key = key
    }

    /// The key of a step by its area and action code (`determination`, `accept`), `nil` if there is none.
    init?(_ area: String, _ action: String) { self.init("\(area).\(action)") }

    var text: String { Self.texts[key] ?? "" }

    /// The text of the `done` key of a request's query, `nil` when absent or unknown.
    static func text(ofKey key: String?) -> String? { key.flatMap { Self($0)?.text } }

    static let texts: [String: String] = [
        "determination.open": "已登记工伤认定申请",
        "determination.receiveMaterials": "已完成：接收材料",
        "determination.notifyIncomplete": "已完成：一次性告知补正材料",
        "determination.accept": "已完成：受理",
        "determination.refuseAcceptance": "已完成：不予受理",
        "determination.startInvestigation": "已完成：启动调查核实",
        "determination.recordInvestigation": "已完成：记录调查核实",
        "determination.suspend": "已完成：中止认定",
        "determination.resume": "已完成：恢复认定",
        "determination.decide": "已完成：作出认定决定",
        "determination.deliver": "已完成：送达认定决定",
        "assessment.open": "已登记劳动能力鉴定申请",
        "assessment.receiveMaterials": "已完成：接收材料",
        "assessment.notifyIncomplete": "已完成：一次性告知补正材料",
        "assessment.extend": "已完成：延长鉴定期限",
        "assessment.postpone": "已完成：鉴定改期",
        "assessment.conclude": "已完成：作出鉴定结论",
        "assessment.deliver": "已完成：送达鉴定结论",
        "assessment.terminate": "已完成：终止鉴定",
        "assessment.draw": "已抽取专家组",
        "assessment.redraw": "已重新抽取专家组",
        "institution.register": "已登记协议机构",
        "agreement.sign": "已签订服务协议",
        "agreement.suspend": "已完成：暂停协议",
        "agreement.reinstate": "已完成：恢复协议",
        "agreement.terminate": "已完成：解除协议",
        "agreement.renew": "已完成：续签协议",
        "campaign.open": "已启动专项检查",
        "campaign.startSpotChecks": "已转入抽查阶段",
        "campaign.close": "专项检查已结束",
        "campaign.draw": "已抽取抽查机构",
        "campaign.answer": "已填报自查清单",
        "campaign.addRisk": "已登记自查发现的风险点",
        "campaign.submit": "已提交自查报告",
        "campaign.check": "已登记抽查结果",
        "campaign.rectify": "已提出整改事项",
        "campaign.closeRectification": "整改事项已销号",
        "riskPoint.seed": "已载入默认风险点清单",
        "riskPoint.add": "已新增风险点",
        "riskPoint.update": "已修改风险点",
        "riskPoint.retire": "已停用风险点",
    ]
}
