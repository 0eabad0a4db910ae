import Casework
import FundModel

/// The risk inventory's edits from form fields: `seed` (the default inventory into an empty one), `add`,
/// `update` (reason required) and `retire` (reason required).
enum RiskPointSteps {
    static func step(_ form: RequestForm, _ service: CaseworkService) throws -> String {
        let code = form["action"] ?? ""
        let id = form["risk_point_id"] ?? ""
        try service.require(
            service.principal.role.mayManageCasework, "riskPoint.\(code)", targetType: "risk_point", targetID: id)
        return try service.perform("riskPoint.\(code)", targetType: "risk_point", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            let inventory = service.casework.riskInventory
            switch code {
            case "seed":
                try fields.check()
                let count = try inventory.seedDefaults(act: act)
                return ("已载入默认风险点清单 \(count) 项", "载入默认清单 \(count) 项")
            case "add", "update":
                _ = fields.text("risk_point_id", "风险点编号")
                let step: ProcessStep? = fields.code("step", "业务环节")
                let risk = fields.text("risk", "风险描述")
                let owner = fields.text("owner", "责任部门")
                try fields.check()
                guard let step else { throw AppError.invalid("输入有误") }
                let point = RiskPoint(
                    riskPointID: id, step: step, risk: risk, rules: fields.list("rules"),
                    controls: fields.optional("controls") ?? "", owner: owner)
                if code == "add" {
                    try inventory.add(point, act: act)
                    return ("已新增风险点 \(id)", "新增：\(risk)")
                }
                try inventory.update(point, act: act)
                return ("已修改风险点 \(id)", "修改：\(act.reason ?? "")")
            case "retire":
                _ = fields.text("risk_point_id", "风险点编号")
                try fields.check()
                try inventory.retire(id, act: act)
                return ("已停用风险点 \(id)", "停用：\(act.reason ?? "")")
            default:
                fields.problem("action", "未知的风险点操作：\(code.isEmpty ? "（空）" : code)")
                try fields.check()
                throw AppError.invalid("输入有误")
            }
        }
    }
}
