import Casework
import FundModel

/// The assessment register's operations and panel draws from form fields (pages and API share them).
enum AssessmentSteps {
    static func visible(_ id: String, _ service: CaseworkService) throws -> AssessmentFile {
        guard let file = try service.casework.assessments.file(id), service.principal.canSee(file.regionCode) else {
            throw AppError.notFound("劳动能力鉴定")
        }
        return file
    }

    /// Registers an application (`assessment_id`, `case_id`, `kind`, `applicant`, `specialties`, …).
    static func open(_ form: RequestForm, _ service: CaseworkService) throws -> AssessmentFile {
        let id = form["assessment_id"] ?? ""
        try service.require(
            service.principal.role.mayHandleCasework, "assessment.open", targetType: "assessment", targetID: id)
        return try service.perform("assessment.open", targetType: "assessment", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            _ = fields.text("assessment_id", "鉴定编号")
            let caseID = fields.text("case_id", "案件编号")
            let kind: AssessmentKind? = fields.code("kind", "鉴定类别", default: .initial)
            let applicant: AssessmentApplicant? = fields.code("applicant", "申请人", default: .worker)
            let specialties = fields.list("specialties")
            if specialties.isEmpty { fields.problem("specialties", "须写明鉴定所需的专业（如 骨科）") }
            let received = fields.optionalDay("conclusion_received", "收到原鉴定结论日期")
            let materials: [AssessmentMaterial]? =
                form.fields["materials"] == nil ? nil : fields.codes("materials", "申请材料")
            try fields.check()
            guard let kind, let applicant else { throw AppError.invalid("输入有误") }
            // The case must be one the person may see (the file takes the case's region, or the province's).
            let assessed = try service.casework.assessments.assessedCase(caseID)
            guard service.principal.canSee(assessed.regionCode) else { throw AppError.notFound("案件 \(caseID)") }
            let file = try service.casework.assessments.open(
                AssessmentApplication(
                    assessmentID: id, caseID: caseID, kind: kind, previousAssessmentID: fields.optional("previous_id"),
                    conclusionReceived: received, applicant: applicant, hospitalID: fields.optional("hospital_id"),
                    specialties: specialties, materials: materials ?? AssessmentMaterial.checklist(for: kind)),
                act: act)
            return (file, "\(kind.chineseName)申请登记：\(file.state.chineseName)")
        }
    }

    /// Applies a step, or draws / redraws the panel (`action` = `draw` | `redraw`).
    static func step(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> AssessmentFile {
        let file = try visible(id, service)
        let code = form["action"] ?? ""
        try service.require(
            service.principal.role.mayHandleCasework, "assessment.\(code)", targetType: "assessment",
            targetID: file.assessmentID)
        return try service.perform("assessment.\(code)", targetType: "assessment", targetID: file.assessmentID) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            if code == "draw" || code == "redraw" {
                let size = fields.int("size", "专家组人数", in: 3...5)
                if let size, size != 3 && size != 5 { fields.problem("size", "专家组人数须为 3 或 5（条例第二十五条）") }
                let specialties = fields.list("specialties")
                let seed = fields.seed()
                var unavailable: [String: String] = [:]
                for line in fields.list("unavailable") {
                    let parts = line.split(whereSeparator: { $0 == ":" || $0 == "：" }).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                        unavailable[parts[0]] = parts[1]
                    } else {
                        fields.problem("unavailable", "无法参加的专家应写作“专家编号:理由”（收到 \(line)）")
                    }
                }
                try fields.check()
                let request = PanelRequest(
                    assessmentID: file.assessmentID, size: size ?? 3,
                    specialties: specialties.isEmpty ? nil : specialties, seed: seed, unavailable: unavailable)
                let draw =
                    code == "draw"
                    ? try service.casework.panels.draw(request, act: act)
                    : try service.casework.panels.redraw(request, act: act)
                return (
                    try visible(id, service),
                    "\(draw.drawID)：种子 \(draw.seed)，抽中 \(draw.drawn.joined(separator: "、"))"
                        + (act.givenReason.map { "；\($0)" } ?? "")
                )
            }
            let action = try self.action(code, &fields)
            let next = try service.casework.assessments.apply(action, assessmentID: file.assessmentID, act: act)
            var detail = "\(action.chineseName)：\(file.state.chineseName) → \(next.state.chineseName)"
            if let reason = act.givenReason { detail += "；\(reason)" }
            return (next, detail)
        }
    }

    static func action(_ code: String, _ fields: inout CaseworkFields) throws -> AssessmentAction {
        let action: AssessmentAction?
        switch code {
        case "receiveMaterials":
            let materials: [AssessmentMaterial] = fields.codes("materials", "材料")
            if materials.isEmpty && fields.problems["materials"] == nil { fields.problem("materials", "须选择收到的材料") }
            action = .receiveMaterials(materials)
        case "notifyIncomplete": action = .notifyIncomplete
        case "extend": action = .extend
        case "postpone": action = fields.int("days", "改期天数", in: 1...365).map { .postpone(days: $0) }
        case "conclude":
            var grade: Int?
            if let text = fields.optional("grade"), text != "none" {
                if let value = Int(text), (1...10).contains(value) {
                    grade = value
                } else {
                    fields.problem("grade", "伤残等级须为 1–10，未达级填 none（收到 \(text)）")
                }
            }
            let nursing: NursingLevel? = fields.code("nursing", "生活自理障碍等级", default: NursingLevel.none)
            let parts = fields.list("injured_parts")
            let opinion = fields.optional("opinion") ?? ""
            action = nursing.map { .conclude(grade: grade, nursing: $0, injuredParts: parts, opinion: opinion) }
        case "deliver": action = .deliver
        case "terminate": action = .terminate
        default:
            fields.problem("action", "未知的鉴定操作：\(code.isEmpty ? "（空）" : code)")
            action = nil
        }
        try fields.check()
        guard let action else { throw AppError.invalid("输入有误") }
        return action
    }
}
